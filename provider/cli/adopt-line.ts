/**
 * Which live images `image-catalog adopt` can write as one VersionLine: the images whose names share a family
 * (`<os>-<osversion>-<profile>-v<major>.<minor>`) are proposed as a line (its versions, shared properties, end of
 * life, build dates, channels from the tags, revocations, consumers from the memberships), and the proposal is
 * accepted only when the line, as ../resources/versionLine.ts decides it today, declares every one of those images
 * exactly as Glance has it (the plugin's own check and diff, as the import's preview will judge it) and shares each
 * version with exactly the projects Glance has as its members. Otherwise the images stay plain `Image`s and the
 * reason is written beside them: the first preview of an adopted program holds imports only, whichever way.
 */
import type { ImageWire } from '../client/images.js';
import type { MemberWire } from '../client/members.js';
import type { Finding } from '../policy/audit.js';
import { isDate } from '../resources/day.js';
import { checkImageInputs, diffImage, imageInputsFromLive } from '../resources/image/image.js';
import { compareVersions, familyKey, lineImages, versionText, type LineFamily, type LineVersion } from '../resources/versionLine.js';

/** One image to adopt: its live record, its memberships, and what the audit finds. */
export interface AdoptedImage {
  readonly live: ImageWire;
  readonly members: readonly MemberWire[];
  readonly findings: readonly Finding[];
}

/** The source every adopted version declares: data Glance had before the catalog managed it. */
export const importedSource = { imported: true } as const;

/** A consumer of an adopted line, with each version's member status as Glance has it. */
export interface AdoptedConsumer {
  readonly projectId: string;
  readonly name: string;
  /** The member's status on each version shared with it. */
  readonly statuses: Readonly<Record<string, MemberWire['status']>>;
}

/** A line adopt writes: the family, its versions with their import ids, its consumers. */
export interface AdoptedLine extends LineFamily<typeof importedSource> {
  readonly name: string;
  readonly versions: readonly (LineVersion<typeof importedSource> & { readonly importId: string })[];
  readonly consumers: readonly AdoptedConsumer[];
}

/** The images of one family and what adopt makes of them: a line, or plain images and why not. */
export type FamilyProposal =
  | { readonly family: string; readonly images: readonly AdoptedImage[]; readonly line: AdoptedLine }
  | { readonly family: string; readonly images: readonly AdoptedImage[]; readonly reason: string };

/** Properties the line sets itself: never proposed as the line's or a version's own. */
const derived = new Set(['os_distro', 'os_version', 'deprecated', 'superseded_by']);

/** The images whose names parse as versions of one family, by family; the others apart. */
export function groupFamilies(images: readonly AdoptedImage[]): { families: Map<string, AdoptedImage[]>; others: AdoptedImage[] } {
  const families = new Map<string, AdoptedImage[]>();
  const others: AdoptedImage[] = [];
  for (const image of images) {
    const { key, version } = familyKey(image.live.name ?? '');
    if (version === undefined) others.push(image);
    else families.set(key, [...(families.get(key) ?? []), image]);
  }
  return { families, others };
}

/** A value as the reason text quotes it. */
function shown(value: unknown): string {
  return value === undefined || value === null ? 'unset' : JSON.stringify(value);
}

/** The inputs of an image with its properties in key order (a map compares by content, not by order). */
function ordered(inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const properties = (inputs['properties'] ?? {}) as Record<string, string>;
  return {
    ...inputs,
    properties: Object.fromEntries(
      Object.keys(properties)
        .sort()
        .map((k) => [k, properties[k]]),
    ),
  };
}

/** Proposes one family's images as a line and checks the proposal against them; `today` decides the lifecycle. */
export function proposeLine(family: string, images: readonly AdoptedImage[], today: string): FamilyProposal {
  const byVersion = new Map<string, AdoptedImage>();
  for (const image of images) {
    const version = versionText(image.live.name ?? '');
    const twice = byVersion.get(version);
    if (twice !== undefined)
      return { family, images, reason: `version ${version} is held by two images (${twice.live.id}, ${image.live.id})` };
    byVersion.set(version, image);
  }
  const no = (reason: string): FamilyProposal => ({ family, images, reason });
  const propertiesOf = (image: AdoptedImage): Readonly<Record<string, string>> =>
    (imageInputsFromLive(image.live)['properties'] ?? {}) as Record<string, string>;
  const first = images[0];
  if (first === undefined) return no('no image');
  const os = propertiesOf(first)['os_distro'];
  const osVersion = propertiesOf(first)['os_version'];
  if (os === undefined || osVersion === undefined || !family.startsWith(`${os}-${osVersion}-`))
    return no(
      `a line's name is <os_distro>-<os_version>-<profile>: ${first.live.name ?? ''} has os_distro ${shown(os)} and os_version ${shown(osVersion)}`,
    );
  for (const image of images) {
    const properties = propertiesOf(image);
    if (properties['os_distro'] !== os || properties['os_version'] !== osVersion)
      return no(
        `${image.live.name ?? ''} has os_distro ${shown(properties['os_distro'])} and os_version ${shown(properties['os_version'])}, ${first.live.name ?? ''} ${shown(os)} and ${shown(osVersion)}`,
      );
  }
  const profile = family.slice(`${os}-${osVersion}-`.length);
  // A line's versions share one visibility (its own; a private image is not published, so no line's).
  const visibility = first.live['visibility'];
  if (visibility !== 'shared' && visibility !== 'community' && visibility !== 'public')
    return no(`${first.live.name ?? ''} is ${String(visibility)}: a line's versions are published (shared, community or public)`);
  const other = images.find((i) => i.live['visibility'] !== visibility);
  if (other !== undefined)
    return no(
      `${other.live.name ?? ''} is ${String(other.live['visibility'])}, ${first.live.name ?? ''} ${visibility}: a line's versions share one visibility`,
    );

  // Shared properties: those every version has with one value; the rest are each version's own.
  const shared: Record<string, string> = {};
  for (const [key, value] of Object.entries(propertiesOf(first)))
    if (!derived.has(key) && key !== 'provided_until' && key !== 'image_build_date' && images.every((i) => propertiesOf(i)[key] === value))
      shared[key] = value;

  const order = (a: string, b: string): number =>
    compareVersions(familyKey(`${family}-v${a}`).version ?? ['0', '0'], familyKey(`${family}-v${b}`).version ?? ['0', '0']);
  const newer = (a: string, b: string): boolean => order(a, b) > 0;

  // Channels from the tags `<family>@<channel>`; `latest` where Glance has it decides which versions are kept out of it.
  const channels: Record<string, string> = {};
  let latest: string | undefined;
  for (const [version, image] of byVersion)
    for (const tag of (image.live['tags'] ?? []) as string[]) {
      if (!tag.startsWith(`${family}@`)) continue;
      const channel = tag.slice(family.length + 1);
      if (channel === 'latest') latest = version;
      else if (channels[channel] !== undefined) return no(`channel ${channel} is on two versions (${channels[channel]}, ${version})`);
      else channels[channel] = version;
    }

  const versions = [...byVersion]
    .sort(([a], [b]) => order(a, b))
    .map(([version, image]) => {
      const properties = propertiesOf(image);
      const own = Object.fromEntries(
        Object.entries(properties).filter(
          ([key]) =>
            !derived.has(key) &&
            shared[key] === undefined &&
            !(key === 'provided_until' && isDate(properties[key] ?? '')) &&
            !(key === 'image_build_date' && isDate(properties[key] ?? '')),
        ),
      );
      const minDisk = Number(image.live['min_disk'] ?? 0);
      const minRam = Number(image.live['min_ram'] ?? 0);
      const endOfLife = properties['provided_until'];
      const buildDate = properties['image_build_date'];
      return {
        version,
        source: importedSource,
        importId: image.live.id,
        ...(typeof image.live['disk_format'] === 'string' && image.live['disk_format'] !== 'qcow2'
          ? { diskFormat: image.live['disk_format'] as NonNullable<LineVersion['diskFormat']> }
          : {}),
        ...(minDisk > 0 ? { minDisk } : {}),
        ...(minRam > 0 ? { minRam } : {}),
        ...(endOfLife !== undefined && isDate(endOfLife) ? { endOfLife } : {}),
        ...(buildDate !== undefined && isDate(buildDate) ? { buildDate } : {}),
        ...(image.live.status === 'deactivated' ? { revoked: true } : {}),
        ...(Object.keys(own).length > 0 ? { properties: own } : {}),
      };
    });
  // A version newer than the one Glance tags latest is kept out of latest (a candidate only a channel points at).
  const withLatest = versions.map((v) => (latest === undefined || newer(v.version, latest) ? { ...v, excludeFromLatest: true } : v));

  const consumerIds = [...new Set(images.flatMap((i) => i.members.map((m) => m.member_id)))].sort();
  const consumers: AdoptedConsumer[] = consumerIds.map((projectId) => ({
    projectId,
    name: projectId.slice(0, 8),
    statuses: Object.fromEntries(
      [...byVersion].flatMap(([version, image]) => {
        const member = image.members.find((m) => m.member_id === projectId);
        return member === undefined ? [] : [[version, member.status]];
      }),
    ),
  }));
  const line: AdoptedLine = {
    name: family,
    os,
    osVersion,
    profile,
    versions: withLatest,
    ...(visibility === 'shared' ? {} : { visibility }),
    ...(Object.keys(shared).length > 0 ? { properties: shared } : {}),
    ...(images.some((i) => i.live['protected'] === true) ? { isProtected: true } : {}),
    ...(Object.keys(channels).length > 0 ? { channels } : {}),
    consumers,
  };

  let plan;
  try {
    plan = lineImages(family, line, today);
  } catch (err) {
    return no((err as Error).message);
  }
  for (const declared of plan.images) {
    const image = byVersion.get(declared.version) as AdoptedImage;
    const name = image.live.name ?? '';
    const live = checkImageInputs(name, ordered({ ...imageInputsFromLive(image.live), source: importedSource }));
    const proposed = checkImageInputs(name, ordered(declared.fields));
    const diff = diffImage(live, proposed);
    const changed = [...diff.replaces, ...diff.updates];
    if (changed.length > 0) {
      const field = changed[0] as string;
      const was: unknown = new Map<string, unknown>(Object.entries(live)).get(field);
      const would: unknown = new Map<string, unknown>(Object.entries(proposed)).get(field);
      const detail =
        field === 'properties'
          ? Object.keys({ ...(was as object), ...(would as object) })
              .filter((k) => (was as Record<string, string>)[k] !== (would as Record<string, string>)[k])
              .map((k) => `${k} ${shown((was as Record<string, string>)[k])} -> ${shown((would as Record<string, string>)[k])}`)
              .join(', ')
          : `${shown(was)} -> ${shown(would)}`;
      return no(`as a line today, version ${declared.version} (${image.live.id}) would change ${field}: ${detail}`);
    }
    const members = image.members.map((m) => m.member_id).sort();
    const expected = declared.state.shared ? consumerIds : [];
    if (members.join() !== expected.join())
      return no(
        declared.state.shared
          ? `version ${declared.version} is shared with ${members.length === 0 ? 'nobody' : members.join(', ')}, the line shares every version not past its end of life with all its consumers (${expected.join(', ')})`
          : `version ${declared.version} is past its end of life and still shared with ${members.join(', ')}: the line unshares it`,
      );
  }
  return { family, images, line };
}

/** What adopt makes of an owner's images: each family as a line or as plain images (with why), and the others. */
export function arrangeImages(
  images: readonly AdoptedImage[],
  today: string,
): { families: readonly FamilyProposal[]; others: readonly AdoptedImage[] } {
  const { families, others } = groupFamilies(images);
  return { families: [...families].map(([family, members]) => proposeLine(family, members, today)), others };
}
