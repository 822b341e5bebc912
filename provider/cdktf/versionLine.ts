/**
 * `VersionLine` in a CDKTF app, with the Pulumi component's lifecycle (../resources/versionLine.ts): every version
 * published as a CatalogImage `<os>-<osversion>-<profile>-v<version>`, channels as tags, end of life as
 * `provided_until`, retention by `keep`; the older ones deprecated, `superseded_by` the current, and hidden. Not
 * yet as in Pulumi: only the newest declared version is shared (adding a version moves the share to it), and
 * revocation is refused (terraform-provider-openstack cannot deactivate an image).
 */
import { lineImages, type LineFamily, type LineVersion } from '../resources/versionLine.js';
import { Construct, type ITerraformDependable } from './cdktn.js';
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
  readonly versions: readonly Omit<LineVersion, 'sha512'>[];
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
    for (const v of props.versions)
      if (v.revoked === true || v.revokeAt !== undefined)
        throw new Error(
          `VersionLine "${this.node.path}": version ${v.version}: ${v.revoked === true ? 'revoked' : 'revokeAt'}: a revoked version is deactivated, ` +
            'which terraform-provider-openstack 3.4.0 cannot do; revocation is not built for CDKTF yet (rule: cdktf-unsupported)',
        );
    const line = lineImages(this.node.path, props);
    this.family = line.family;
    this.current = line.current;
    const images: Record<string, CatalogImage> = {};
    let newest: CatalogImage | undefined;
    for (const image of line.images) {
      // The CatalogImage makes the same name from the family and the version.
      const { name, ...fields } = image.fields;
      newest = images[image.version] = new CatalogImage(this, `v${image.version}`, {
        ...fields,
        os: props.os,
        osVersion: props.osVersion,
        profile: props.profile,
        version: image.version,
        ...(props.provider === undefined ? {} : { provider: props.provider }),
        ...(props.dependsOn === undefined ? {} : { dependsOn: props.dependsOn }),
      });
      if (newest.name !== name) throw new Error(`VersionLine "${this.node.path}": ${newest.name} is not ${name}`);
    }
    this.images = images;
    const current = newest as CatalogImage;
    this.shares = (props.consumers ?? []).map(
      (consumer, index) =>
        new ImageShare(this, `share-${consumer.name ?? String(index)}`, {
          image: current,
          memberProjectId: consumer.projectId,
          ...(consumer.provider === undefined ? {} : { acceptWith: consumer.provider }),
        }),
    );
  }
}
