/**
 * The consumer's side in a CDKTF app, over terraform-provider-openstack's own data sources so that an HCL user
 * writes the same filters (docs/consumers.md):
 * - `CatalogImageLookup`: the image a line's channel points at, `openstack_images_image_v2` filtered by the channel's
 *   tag (`<family>@<channel>`) and the owner project; two images carrying it fail the plan (no `most_recent`).
 * - `LineAcceptance`: every version of a line the owner shares with this project, accepted with this project's own
 *   provider (`openstack_images_image_ids_v2` for the shared versions, pending and accepted, hidden ones apart, and one
 *   `openstack_images_image_access_accept_v2` per id, `for_each`): a version that appears is accepted by the next
 *   deploy, one the owner stops sharing leaves the set.
 * Both are checked before synth: a line or channel that cannot match fails naming the construct and the field.
 */
import { lookupTarget, LookupError } from '../resources/lookup.js';
import { channelTag } from '../resources/versionLine.js';
import { Construct, Fn, TerraformIterator } from './cdktn.js';
import { markDeclaration } from './declared.js';
import { requireGate } from './gate-variable.js';
import { DataOpenstackImagesImageIdsV2 } from './openstack/data-openstack-images-image-ids-v2/index.js';
import { DataOpenstackImagesImageV2 } from './openstack/data-openstack-images-image-v2/index.js';
import { ImagesImageAccessAcceptV2 } from './openstack/images-image-access-accept-v2/index.js';
import type { OpenstackProvider } from './openstack/provider/index.js';

/** The line and channel, checked; a query that cannot match is an error naming the construct. */
function target(path: string, line: string, channel?: string): { family: string; channel: string } {
  try {
    return lookupTarget({ line, ...(channel === undefined ? {} : { channel }) });
  } catch (err) {
    if (err instanceof LookupError) throw new Error(`${path}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** Props of {@link CatalogImageLookup}. */
export interface CatalogImageLookupProps {
  /** The line, `<os>-<osversion>-<profile>` (or `<family>@<channel>`). */
  readonly line: string;
  /** Default `latest`. */
  readonly channel?: string;
  /** The owner project's id: only its images are trusted (recommended: any project can tag an image). */
  readonly owner?: string;
  /** The provider to look with (this project's). */
  readonly provider?: OpenstackProvider;
}

/** The image a line's channel points at, read at plan time. */
export class CatalogImageLookup extends Construct {
  readonly image: DataOpenstackImagesImageV2;
  /** The image's id (give it to a server's `imageId`, not its name: TPO#1986). */
  readonly imageId: string;

  constructor(scope: Construct, id: string, props: CatalogImageLookupProps) {
    super(scope, id);
    const { family, channel } = target(this.node.path, props.line, props.channel);
    this.image = new DataOpenstackImagesImageV2(this, 'image', {
      tag: channelTag(family, channel),
      // The owner's shares, answered or not (as getImage and image-catalog resolve read them).
      ...(props.owner === undefined ? {} : { owner: props.owner, memberStatus: 'all' }),
      ...(props.provider === undefined ? {} : { provider: props.provider }),
    });
    this.imageId = this.image.id;
  }
}

/** Props of {@link LineAcceptance}. */
export interface LineAcceptanceProps {
  /** The line, `<os>-<osversion>-<profile>`. */
  readonly line: string;
  /** The owner project's id: only its shares are accepted. */
  readonly owner: string;
  /** This project's id (the member of each share). */
  readonly memberProjectId: string;
  /** This project's provider (its cloud). */
  readonly provider?: OpenstackProvider;
}

/** Every version of a line shared with this project, accepted as each appears. */
export class LineAcceptance extends Construct {
  readonly acceptance: ImagesImageAccessAcceptV2;

  constructor(scope: Construct, id: string, props: LineAcceptanceProps) {
    super(scope, id);
    const path = this.node.path;
    const { family } = target(path, props.line);
    if (props.owner === '') throw new Error(`${path}: owner: empty; name the project whose shares are accepted`);
    if (props.memberProjectId === '') throw new Error(`${path}: memberProjectId: empty; name this project's id`);
    requireGate(this);
    const provider = props.provider === undefined ? {} : { provider: props.provider };
    // Glance lists hidden images apart (a line's older versions are hidden) and one member status at a time:
    // pending and accepted, never rejected (a share this project rejected stays rejected).
    const lists = (['pending', 'accepted'] as const).flatMap((memberStatus) =>
      [false, true].map(
        (hidden) =>
          new DataOpenstackImagesImageIdsV2(this, `${memberStatus}-${hidden ? 'hidden' : 'visible'}`, {
            tags: [family],
            owner: props.owner,
            visibility: 'shared',
            memberStatus,
            hidden,
            ...provider,
          }),
      ),
    );
    const ids = TerraformIterator.fromList(Fn.concat(lists.map((list) => list.ids)) as string[]);
    this.acceptance = new ImagesImageAccessAcceptV2(this, 'accept', {
      forEach: ids,
      imageId: ids.value as string,
      memberId: props.memberProjectId,
      status: 'accepted',
      ...provider,
    });
    markDeclaration(this.acceptance);
  }
}
