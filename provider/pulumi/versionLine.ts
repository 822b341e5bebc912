/**
 * A version line as one component: a family (os, os version, profile), its versions with their sources, and the
 * consumer projects. The component publishes every version as `<os>-<osversion>-<profile>-v<version>`, shares
 * the newest with every consumer (and accepts it as each consumer whose cloud is given), and marks every older
 * version deprecated, `superseded_by` the newest, and hidden. Adding a version moves the share set to it:
 * the older version's memberships go (its image stays, deprecated, for what already runs on it). An edit of the
 * line's shared `properties` reaches the versions published after it; published ones keep theirs.
 */
import * as pulumi from '@pulumi/pulumi';
import { lineImages, type LineFamily, type LineVersion } from '../resources/versionLine.js';
import { Image, ImageMember, ImageMemberAcceptance } from './resources.js';
import { componentToken } from './tokens.js';

export { orderVersions, type LineVersion } from '../resources/versionLine.js';

/** A consumer project of the line. */
export interface LineConsumer {
  /** Its project id. */
  readonly projectId: pulumi.Input<string>;
  /** Its own cloud (clouds.yaml); when given, the component accepts the share as that project. */
  readonly cloud?: string;
  /** A short name for resource names (default: the index). */
  readonly name?: string;
}

/** Args of {@link VersionLine}: the family and its versions (../resources/versionLine.ts), the consumers and the owner's cloud. */
export interface VersionLineArgs extends LineFamily {
  readonly versions: readonly LineVersion[];
  readonly consumers?: readonly LineConsumer[];
  /** The owner's cloud (default: the stack's). */
  readonly cloud?: string;
}

/** The version line component (`image-catalog:index:VersionLine`). */
export class VersionLine extends pulumi.ComponentResource {
  /** The family name, `<os>-<osversion>-<profile>`. */
  readonly family: string;
  /** Every version's image, by version. */
  readonly images: Readonly<Record<string, Image>>;
  /** The newest version's image name. */
  readonly current: string;

  constructor(name: string, args: VersionLineArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentToken('versionLine'), name, {}, opts);
    const line = lineImages(name, args);
    this.family = line.family;
    this.current = line.current;
    const parent = { parent: this };
    const cloud = args.cloud === undefined ? {} : { cloud: args.cloud };
    const images: Record<string, Image> = {};
    for (const image of line.images)
      images[image.version] = new Image(
        `${name}-v${image.version}`,
        { ...cloud, ...image.fields },
        // A published version keeps the line's shared values it was published with (Pulumi ignores a change of
        // these paths for an image that exists; a new version takes them as declared).
        { ...parent, ignoreChanges: image.lineKeys.map((key) => `properties[${JSON.stringify(key)}]`) },
      );
    const newest = line.images[line.images.length - 1] as (typeof line.images)[number];
    this.images = images;
    const current = images[newest.version] as Image;
    (args.consumers ?? []).forEach((consumer, index) => {
      const label = consumer.name ?? String(index);
      const member = new ImageMember(`${name}-share-${label}`, { ...cloud, image: current, memberProjectId: consumer.projectId }, parent);
      if (consumer.cloud !== undefined) {
        new ImageMemberAcceptance(
          `${name}-accept-${label}`,
          { image: current, memberProjectId: member.memberProjectId, status: 'accepted', cloud: consumer.cloud },
          { parent: this, dependsOn: [member] },
        );
      }
    });
    this.registerOutputs({ family: this.family, current: this.current });
  }
}
