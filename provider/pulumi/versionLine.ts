/**
 * A version line as one component: a family (os, os version, profile), its versions with their sources and
 * lifecycle, its channels and the consumer projects (../resources/versionLine.ts decides the lifecycle). The
 * component publishes every version as `<os>-<osversion>-<profile>-v<version>`, tags each with its line and its
 * channels (`<family>@stable`, `<family>@latest`), hides and deprecates what is neither current nor in a channel,
 * deactivates a revoked version, and shares every version not past its end of life with every consumer (accepting
 * it as each consumer whose cloud is given): a consumer keeps what its servers run on until that version's end of
 * life. A version beyond `keep` that is deprecated and past its end of life is no longer declared: `up` deletes it.
 * An edit of the line's shared `properties` reaches the versions published after it; published ones keep theirs.
 * With `regions`, all of it happens in each region of the owner's cloud: the first region's resources keep the names
 * of a line in one region, each other's are named `<name>@<region>` (a region that fails leaves the others done).
 */
import * as pulumi from '@pulumi/pulumi';
import { checkLineConsumers, lineImages, type LineFamily } from '../resources/versionLine.js';
import type { LineConsumerFields, VersionLineFields } from '../resources/versionLine.types.js';
import { Image, ImageMember, ImageMemberAcceptance } from './resources.js';
import { componentToken } from './tokens.js';

export { orderVersions, type LineVersion } from '../resources/versionLine.js';

/** A consumer project of the line (schemas/versionLine.schema.json, `$defs/consumer`); its id may be an output. */
export type LineConsumer = Omit<LineConsumerFields, 'projectId'> & { readonly projectId: pulumi.Input<string> };

/** Args of {@link VersionLine} (schemas/versionLine.schema.json): the family and its versions, the consumers and the owner's cloud. */
export type VersionLineArgs = LineFamily & Pick<VersionLineFields, 'cloud' | 'regions'> & { readonly consumers?: readonly LineConsumer[] };

/** The version line component (`image-catalog:index:VersionLine`). */
export class VersionLine extends pulumi.ComponentResource {
  /** The family name, `<os>-<osversion>-<profile>`. */
  readonly family: string;
  /** Every declared version's image, by version (retired versions are gone); of the first region with `regions`. */
  readonly images: Readonly<Record<string, Image>>;
  /** Every declared version's image in each region, by region then version (the cloud's own region: `''`). */
  readonly regionImages: Readonly<Record<string, Readonly<Record<string, Image>>>>;
  /** The current version's image name (the latest; the newest when no version can be latest). */
  readonly current: string;
  /** Every channel and the version it points at, `latest` included. */
  readonly channels: Readonly<Record<string, string>>;
  /** The versions retention removed in this run's plan. */
  readonly retired: readonly string[];

  constructor(name: string, args: VersionLineArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentToken('versionLine'), name, {}, opts);
    checkLineConsumers(name, args.visibility, args.consumers?.length ?? 0);
    const line = lineImages(name, args);
    this.family = line.family;
    this.current = line.current;
    this.channels = line.channels;
    this.retired = line.retired;
    for (const notice of line.notices) void pulumi.log.info(notice, this);
    const parent = { parent: this };
    const cloud = args.cloud === undefined ? {} : { cloud: args.cloud };
    const importIds = new Map(args.versions.map((v) => [v.version, v.importId]));
    const importOf = (version: string, member?: string): { import?: string } => {
      const id = importIds.get(version);
      return id === undefined ? {} : { import: member === undefined ? id : `${id}/${member}` };
    };
    const newest = line.images[line.images.length - 1];
    const regionImages: Record<string, Record<string, Image>> = {};
    // The cloud's own region when none is given ('': no region input, the resource names of a line in one region).
    const regions = args.regions ?? [''];
    regions.forEach((region, r) => {
      // The first region's resources keep a one-region line's names (and an adopted version's import); another's
      // are <name>@<region> and name their region.
      const at = (resource: string): string => (r === 0 ? resource : `${resource}@${region}`);
      const where = region === '' ? {} : { region };
      const imports = r === 0 ? importOf : (): { import?: string } => ({});
      const images: Record<string, Image> = {};
      for (const image of line.images)
        images[image.version] = new Image(
          at(`${name}-v${image.version}`),
          { ...cloud, ...where, ...image.fields },
          // A published version keeps the line's shared values it was published with (Pulumi ignores a change of
          // these paths for an image that exists; a new version takes them as declared).
          { ...parent, ignoreChanges: image.lineKeys.map((key) => `properties[${JSON.stringify(key)}]`), ...imports(image.version) },
        );
      regionImages[region] = images;
      (args.consumers ?? []).forEach((consumer, index) => {
        const label = consumer.name ?? String(index);
        for (const image of line.images) {
          if (!image.state.shared) continue;
          const shared = images[image.version] as Image;
          // The newest version's share keeps the name it had when only the newest version was shared (0.3), so a
          // stack made before shares followed the lifecycle keeps its membership (upgrade before adding a version).
          const first = image === newest && r === 0;
          const aliases = first ? { aliases: [{ name: `${name}-share-${label}` }] } : {};
          // An adopted version's membership is imported with it (its id: `<image id>/<member project id>`).
          if (r === 0 && importIds.get(image.version) !== undefined && typeof consumer.projectId !== 'string')
            throw new Error(
              `VersionLine "${name}": consumers[${String(index)}].projectId: a plain project id is needed to import version ${image.version}'s membership (rule: importId)`,
            );
          const member = new ImageMember(
            at(`${name}-v${image.version}-share-${label}`),
            { ...cloud, ...where, image: shared, memberProjectId: consumer.projectId },
            { ...parent, ...aliases, ...(r === 0 ? importOf(image.version, consumer.projectId as string) : {}) },
          );
          if (consumer.cloud !== undefined) {
            const accepted = first ? { aliases: [{ name: `${name}-accept-${label}` }] } : {};
            new ImageMemberAcceptance(
              at(`${name}-v${image.version}-accept-${label}`),
              { image: shared, memberProjectId: member.memberProjectId, status: 'accepted', cloud: consumer.cloud, ...where },
              { parent: this, dependsOn: [member], ...accepted },
            );
          }
        }
      });
    });
    this.regionImages = regionImages;
    this.images = regionImages[regions[0] ?? ''] ?? {};
    this.registerOutputs({ family: this.family, current: this.current, channels: this.channels });
  }
}
