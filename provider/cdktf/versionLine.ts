/**
 * `VersionLine` in a CDKTF app, with the Pulumi component's lifecycle (../resources/versionLine.ts): every version
 * published as a CatalogImage `<os>-<osversion>-<profile>-v<version>`, channels as tags, end of life as
 * `provided_until`, retention by `keep`; the older ones deprecated, `superseded_by` the current, and hidden; every
 * version not past its end of life shared with every consumer (and accepted as the consumer whose provider is
 * given). A revoked version (`revoked`, or `revokeAt` reached) is declared deactivated: the gate decides that with
 * the plan and deactivates it after the apply (terraform-provider-openstack cannot: ./deactivation.ts).
 */
import { checkLineConsumers, lineImages, type LineFamily, type LineVersion } from '../resources/versionLine.js';
import { Construct, TerraformStack, type ITerraformDependable } from './cdktn.js';
import { CatalogImage } from './image.js';
import type { OpenstackProvider } from './openstack/provider/index.js';
import { ImageShare } from './share.js';

/** A consumer project of the line. */
export interface LineConsumer {
  readonly projectId: string;
  /** The consumer's provider (its own cloud): when given, the line accepts the share as the consumer. */
  readonly provider?: OpenstackProvider;
  /** A short name for construct ids (default: the index). */
  readonly name?: string;
}

/** Props of {@link VersionLine}. */
export interface VersionLineProps extends LineFamily {
  /** `importId` is the Pulumi component's only: an adopted image is not imported through CDKTF yet. */
  readonly versions: readonly Omit<LineVersion, 'sha512' | 'sha256' | 'importId'>[];
  readonly consumers?: readonly LineConsumer[];
  /** The owner's provider (default: the stack's default). */
  readonly provider?: OpenstackProvider;
  readonly dependsOn?: ITerraformDependable[];
}

/** A version line: its images by version, the current name, its shares. */
export class VersionLine extends Construct {
  readonly family: string;
  readonly current: string;
  readonly images: Readonly<Record<string, CatalogImage>>;
  readonly shares: readonly ImageShare[];

  constructor(scope: Construct, id: string, props: VersionLineProps) {
    super(scope, id);
    for (const v of props.versions as readonly LineVersion[])
      if (v.importId !== undefined)
        throw new Error(
          `VersionLine "${this.node.path}": version ${v.version}: importId: importing an existing image is not built for CDKTF yet; adopt it with the Pulumi VersionLine (rule: importId)`,
        );
    checkLineConsumers(this.node.path, props.visibility, props.consumers?.length ?? 0);
    const line = lineImages(this.node.path, props);
    this.family = line.family;
    this.current = line.current;
    const images: Record<string, CatalogImage> = {};
    const newest = line.images[line.images.length - 1];
    for (const image of line.images) {
      // The CatalogImage makes the same name from the family and the version.
      const { name, ...fields } = image.fields;
      const made = (images[image.version] = new CatalogImage(this, `v${image.version}`, {
        ...fields,
        os: props.os,
        osVersion: props.osVersion,
        profile: props.profile,
        version: image.version,
        ...(props.provider === undefined ? {} : { provider: props.provider }),
        ...(props.dependsOn === undefined ? {} : { dependsOn: props.dependsOn }),
      }));
      if (made.name !== name) throw new Error(`VersionLine "${this.node.path}": ${made.name} is not ${name}`);
    }
    this.images = images;
    // Shares follow the lifecycle: every version not past its end of life is shared with every consumer (and
    // accepted through the consumer's provider), each share at an id of its version's.
    const shares: ImageShare[] = [];
    (props.consumers ?? []).forEach((consumer, index) => {
      const label = consumer.name ?? String(index);
      for (const image of line.images) {
        if (!image.state.shared) continue;
        const share = new ImageShare(this, `v${image.version}-share-${label}`, {
          image: images[image.version] as CatalogImage,
          memberProjectId: consumer.projectId,
          ...(consumer.provider === undefined ? {} : { acceptWith: consumer.provider }),
        });
        // The share 0.3 made (of the newest version only, at `share-<label>`) becomes the newest version's: a
        // stack made before shares followed the lifecycle keeps its membership (upgrade before adding a version).
        if (image.version === newest?.version) {
          share.member.moveFromId(`openstack_images_image_access_v2.${this.legacyId(label, 'member')}`);
          share.acceptance?.moveFromId(`openstack_images_image_access_accept_v2.${this.legacyId(label, 'accept')}`);
        }
        shares.push(share);
      }
    });
    this.shares = shares;
  }

  /** The logical id 0.3 gave the member or acceptance of the line's one share (`share-<label>/<part>`). */
  private legacyId(label: string, part: 'member' | 'accept'): string {
    const scope = new Construct(this, `share-${label}`);
    const id = TerraformStack.of(this).getLogicalId(new Construct(scope, part).node);
    this.node.tryRemoveChild(`share-${label}`);
    return id;
  }
}
