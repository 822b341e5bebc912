/**
 * `ImageShare`: an image shared with one project, and optionally accepted as that project.
 * `openstack_images_image_access_v2` adds the member with the owner's provider; with `acceptWith` (the consumer's
 * provider, an alias configured with the consumer's cloud), `openstack_images_image_access_accept_v2` accepts it
 * after the member exists. `member_id` is always explicit on both: the accept resource's auto-detection works only
 * while the image has a single member.
 */
import { checkInputs } from '../resources/schema.js';
import { acceptanceDescriptor } from '../resources/acceptance/acceptance.js';
import { memberDescriptor } from '../resources/member/member.js';
import { Construct, Token } from './cdktn.js';
import { markDeclaration } from './declared.js';
import { requireGate } from './gate-variable.js';
import type { CatalogImage } from './image.js';
import { ImagesImageAccessAcceptV2 } from './openstack/images-image-access-accept-v2/index.js';
import { ImagesImageAccessV2 } from './openstack/images-image-access-v2/index.js';
import type { OpenstackProvider } from './openstack/provider/index.js';

/** Props of {@link ImageShare}. */
export interface ImageShareProps {
  /** The image: a CatalogImage of this app, or an image id. */
  readonly image: CatalogImage | string;
  /** The consumer project's id. */
  readonly memberProjectId: string;
  /** The owner's provider (default: the image's, else the stack's default). */
  readonly provider?: OpenstackProvider;
  /** The consumer's provider: when given, the share is accepted as the consumer. */
  readonly acceptWith?: OpenstackProvider;
}

/** A membership (and its acceptance, with `acceptWith`). */
export class ImageShare extends Construct {
  readonly member: ImagesImageAccessV2;
  readonly acceptance: ImagesImageAccessAcceptV2 | undefined;

  constructor(scope: Construct, id: string, props: ImageShareProps) {
    super(scope, id);
    const path = this.node.path;
    const imageId = typeof props.image === 'string' ? props.image : props.image.imageId;
    if (typeof props.image !== 'string' && props.image.inputs.visibility !== 'shared')
      throw new Error(
        `ImageShare "${path}": image: ${props.image.name} is ${props.image.inputs.visibility}; Glance adds members only to shared images (rule: shared-visibility)`,
      );
    // The same checks as the Pulumi ImageMember / ImageMemberAcceptance; a value known only at apply (a token, such
    // as a CatalogImage's id) is checked by the gate, from the plan.
    const known = (value: string): string => (Token.isUnresolved(value) ? '00000000-0000-0000-0000-000000000000' : value);
    const checked = { imageId: known(imageId), memberProjectId: known(props.memberProjectId) };
    checkInputs(memberDescriptor.schema(), path, checked);
    const provider = props.provider ?? (typeof props.image === 'string' ? undefined : props.image.provider);
    requireGate(this);
    this.member = new ImagesImageAccessV2(this, 'member', {
      ...(provider === undefined ? {} : { provider }),
      imageId,
      memberId: props.memberProjectId,
    });
    markDeclaration(this.member);
    if (props.acceptWith === undefined) {
      this.acceptance = undefined;
      return;
    }
    checkInputs(acceptanceDescriptor.schema(), `${path}/accept`, { ...checked, status: 'accepted' });
    this.acceptance = new ImagesImageAccessAcceptV2(this, 'accept', {
      provider: props.acceptWith,
      imageId: this.member.imageId,
      memberId: props.memberProjectId,
      status: 'accepted',
      dependsOn: [this.member],
    });
    markDeclaration(this.acceptance);
  }
}
