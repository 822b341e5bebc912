/**
 * A version line's semantics, once for every layer (the Pulumi component and the CDKTF construct): a family
 * `<os>-<osversion>-<profile>`, its versions `<major>.<minor>` in order, every version published as
 * `<family>-v<version>`, and its lifecycle (docs/lifecycle.md), decided here from the declaration and today's date:
 *
 * - `latest` is the newest version that is neither revoked nor past its end of life nor excluded from latest; it is
 *   the line's current version (not hidden, not deprecated). Named channels point at versions
 *   (`channels: { stable: '1.1' }`): a channel's version stays visible and undeprecated too.
 * - Channels are recorded as image tags `<family>@<channel>` (`latest` included), and every version carries the tag
 *   `<family>`: a consumer with read access finds them server-side (`GET /v2/images?tag=...`).
 * - Every other version is hidden; one older than the current, revoked or past its end of life is deprecated and
 *   `superseded_by` the current. A revoked version (`revoked`, or `revokeAt` reached) is deactivated: nothing new
 *   boots it, what runs keeps running. `endOfLife` is written as `provided_until` (the SCS-0102 name).
 * - Shares follow the lifecycle: every version not past its end of life is shared with the line's consumers.
 * - Retention (`keep: N`): a version beyond the newest N that is deprecated and past its end of life is no longer
 *   declared, so the next run deletes it (the policy decides that delete like any other).
 *
 * The line's shared properties reach the versions published after they are edited: a version already published
 * keeps what it was published with (the Pulumi component's images ignore changes of those keys: `ignoreChanges`,
 * which still puts back a hand edit after a refresh), so editing the line's `description` is neither an update nor
 * a block of the published versions. A version's own `properties` are its own: changing one on a published version
 * is decided by the policy (immutability). Terraform's `ignore_changes` would also hide a hand edit from the
 * repair, so the CDKTF construct does not use it (an edit of a shared key is decided for every version there).
 */
import { isDate, utcToday } from './day.js';
import { imageSchema, type ImageFields } from './image/image.js';
import { resourceSchema } from './schema.js';
import { checkScsValues, scsFixedProperties, type ScsValues } from './scs.js';
import type { LineVersionFields, VersionLineFields } from './versionLine.types.js';

/**
 * A declared `os_distro` or `os_version` property that differs from the family's `os` or `osVersion`, which set it
 * (and make the name): `os_version: "12.1" differs from osVersion "12"`; undefined when none does.
 */
export function familyPropertyConflict(
  properties: Readonly<Record<string, string>> | undefined,
  family: { readonly os: string; readonly osVersion: string },
): string | undefined {
  for (const [key, field, value] of [
    ['os_distro', 'os', family.os],
    ['os_version', 'osVersion', family.osVersion],
  ] as const) {
    const given = properties?.[key];
    if (given !== undefined && given !== value) return `${key}: "${given}" differs from ${field} "${value}"`;
  }
  return undefined;
}

/** The catalog's image name of a family's version: `<os>-<osversion>-<profile>-v<version>`. */
export function catalogImageName(family: { os: string; osVersion: string; profile: string }, version: string): string {
  return `${family.os}-${family.osVersion}-${family.profile}-v${version}`;
}

/** The channel every line has, which the line moves itself. */
export const latestChannel = 'latest';

/** The tag that records a channel of a line on the image it points at: `<family>@<channel>`. */
export function channelTag(family: string, channel: string): string {
  return `${family}@${channel}`;
}

/** A line and channel as a consumer writes it, `<family>[@<channel>]` (default channel: latest). */
export function parseLineRef(ref: string): { family: string; channel: string } {
  const at = ref.lastIndexOf('@');
  return at < 0 ? { family: ref, channel: latestChannel } : { family: ref.slice(0, at), channel: ref.slice(at + 1) };
}

/**
 * Refuses consumers of a line that is not shared (a community or public line is seen by every project: Glance
 * keeps members of shared images only); throws naming the line, the field and the rule.
 */
export function checkLineConsumers(name: string, visibility: VersionLineFields['visibility'], consumers: number): void {
  if (consumers > 0 && visibility !== undefined && visibility !== 'shared')
    throw new Error(
      `VersionLine "${name}": consumers: a ${visibility} line is seen by every project; consumers are for a shared line (rule: visibility)`,
    );
}

/** The grammar of a channel name (a tag suffix: lower case, digits and dashes). */
export const channelPattern = /^[a-z][a-z0-9-]{0,62}$/;

/** The line's schema (schemas/versionLine.schema.json; its version's fields refer to the image's, compiled first). */
export function versionLineSchema() {
  imageSchema();
  return resourceSchema<VersionLineFields>('versionLine.schema.json');
}

/**
 * One version of a line (schemas/versionLine.schema.json, `$defs/version`); `S` is the layer's source type (a
 * Pulumi Input or a plain value).
 */
export type LineVersion<S = ImageFields['source']> = Omit<LineVersionFields, 'source'> & { readonly source: S };

/** What defines a line, whatever the layer: the schema's fields but the consumers and the cloud (each layer's own). */
export type LineFamily<S = ImageFields['source']> = Omit<VersionLineFields, 'versions' | 'consumers' | 'cloud'> & {
  readonly versions: readonly LineVersion<S>[];
};

/** The SCS-0102 values a line declares once; the rest comes from its versions and its lifecycle. */
export type LineScs = ScsValues;

/** Checks a line's SCS values; throws naming the line and the field. */
function checkScs<S>(name: string, line: LineFamily<S>, ordered: readonly LineVersion<S>[]): void {
  const scs = line.scs;
  if (scs === undefined) return;
  const where = `VersionLine "${name}": scs`;
  checkScsValues(where, scs);
  if ((scs.description ?? line.properties?.['description'] ?? '') === '')
    throw new Error(`${where}.description: empty, and the line's properties have no description (rule: required)`);
  for (const v of ordered)
    if (v.buildDate === undefined)
      throw new Error(
        `VersionLine "${name}": version ${v.version}: buildDate: SCS-0102 needs the day the image was built (rule: required)`,
      );
}

/** Whether a version's source is a url (its `image_source`), else a file (`private`). */
function sourceUrl(source: unknown): string | undefined {
  const url = typeof source === 'object' && source !== null ? (source as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? url : undefined;
}

/** Where a version stands today. */
export interface VersionState {
  readonly revoked: boolean;
  readonly pastEndOfLife: boolean;
  /** The channels pointing at it, `latest` included. */
  readonly channels: readonly string[];
  readonly deprecated: boolean;
  /** Shared with the line's consumers (every version not past its end of life). */
  readonly shared: boolean;
}

/** One version's image as the line declares it. */
export interface LineImage<S> {
  readonly version: string;
  /** The line's current version (latest, or the newest when no version can be latest). */
  readonly isCurrent: boolean;
  readonly state: VersionState;
  /**
   * The property keys this version takes from the line's shared `properties` (not its own): an image of the
   * version that exists already keeps the values it was published with for them.
   */
  readonly lineKeys: readonly string[];
  /** The image's fields (the source of the layer's type). */
  readonly fields: Omit<ImageFields, 'source'> & { readonly source: S };
}

/** The line as it stands today. */
export interface LinePlan<S> {
  readonly family: string;
  /** The current version's image name. */
  readonly current: string;
  /** The latest version (undefined when every version is revoked, past its end of life or excluded from latest). */
  readonly latest: string | undefined;
  /** Every channel and its version, `latest` included when there is one. */
  readonly channels: Readonly<Record<string, string>>;
  /** The versions still declared, oldest first. */
  readonly images: LineImage<S>[];
  /** The versions retention removes (no longer declared: the next run deletes their images). */
  readonly retired: readonly string[];
  /** What the run should say (a revocation that takes effect at once, a retirement). */
  readonly notices: readonly string[];
}

/**
 * The family key and version of a name: the name without its `-v<major>.<minor>` suffix, and the two numbers
 * as digit strings. Every name the policy parses into a family has exactly that family as its key, and the
 * part before the suffix decides alone whether the policy can parse a name at all: within one key, either every
 * name parses or none does.
 */
export function familyKey(name: string): { key: string; version: readonly [string, string] | undefined } {
  const match = /^(.*)-v(\d+)\.(\d+)$/.exec(name);
  if (match === null) return { key: name, version: undefined };
  const digits = (d: string): string => d.replace(/^0+(?=\d)/, '');
  return { key: match[1] ?? name, version: [digits(match[2] ?? '0'), digits(match[3] ?? '0')] };
}

/** The version of a catalog name as the name writes it (`1.10` of `…-v1.10`); '' for another name. */
export function versionText(name: string): string {
  const { key, version } = familyKey(name);
  return version === undefined ? '' : name.slice(key.length + 2);
}

/** Numeric order of two digit strings without leading zeros (exact for any length). */
function compareDigits(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The order of two versions as digit strings (`familyKey`'s): major, then minor, as numbers. */
export function compareVersions(a: readonly [string, string], b: readonly [string, string]): number {
  return compareDigits(a[0], b[0]) || compareDigits(a[1], b[1]);
}

/** Parses `<major>.<minor>`; throws naming the line (its resource name) and the field. */
function parseVersion(name: string, version: string, field = 'versions[].version'): [number, number] {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`VersionLine "${name}": ${field} "${version}" must be <major>.<minor> (rule: pattern)`);
  return [Number(match[1]), Number(match[2])];
}

/** The line's versions, greatest last; duplicate versions are refused, naming the line (`name`: its resource name). */
export function orderVersions<S>(name: string, versions: readonly LineVersion<S>[]): LineVersion<S>[] {
  const keyed = versions.map((v) => ({ v, key: parseVersion(name, v.version) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  for (let i = 1; i < keyed.length; i++) {
    const [prev, next] = [keyed[i - 1], keyed[i]];
    if (prev !== undefined && next !== undefined && prev.key[0] === next.key[0] && prev.key[1] === next.key[1])
      throw new Error(`VersionLine "${name}": versions: ${next.v.version} is declared twice (rule: uniqueItems)`);
  }
  return keyed.map((k) => k.v);
}

/** Properties the line sets itself (from the family, the order and the lifecycle), never taken as shared values. */
const derivedKeys: ReadonlySet<string> = new Set([
  'os_distro',
  'os_version',
  'deprecated',
  'superseded_by',
  'provided_until',
  'image_build_date',
  'os_purpose',
  'uuid_validity',
]);

/** Checks the lifecycle fields of one version; throws naming the line, the version and the field. */
function checkVersionDates<S>(name: string, v: LineVersion<S>): void {
  const where = `VersionLine "${name}": version ${v.version}`;
  for (const field of ['endOfLife', 'buildDate', 'revokeAt'] as const) {
    const value = v[field];
    if (value === undefined || isDate(value)) continue;
    throw new Error(
      /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? `${where}: ${field} "${value}" is no day of the calendar (rule: format)`
        : `${where}: ${field} "${value}" is not a date YYYY-MM-DD (rule: format)`,
    );
  }
  if (v.endOfLife !== undefined && v.buildDate !== undefined && v.endOfLife < v.buildDate)
    throw new Error(`${where}: endOfLife ${v.endOfLife} is before its buildDate ${v.buildDate} (rule: lifecycle)`);
}

/** The line's family name, its current image, its channels, and every version's image fields as of `today`, oldest first. */
export function lineImages<S>(name: string, line: LineFamily<S>, today: string = utcToday()): LinePlan<S> {
  const family = `${line.os}-${line.osVersion}-${line.profile}`;
  if (line.versions.length === 0) throw new Error(`VersionLine "${name}": versions: at least one version is needed (rule: minItems)`);
  const ordered = orderVersions(name, line.versions);
  for (const v of ordered) checkVersionDates(name, v);
  for (const [where, properties] of [
    ['properties', line.properties],
    ...ordered.map((v) => [`version ${v.version}: properties`, v.properties] as const),
  ] as const) {
    const conflict = familyPropertyConflict(properties, line);
    if (conflict !== undefined)
      throw new Error(`VersionLine "${name}": ${where}.${conflict}, which sets it and names the versions (rule: const)`);
  }
  checkScs(name, line, ordered);
  if (line.keep !== undefined && (!Number.isInteger(line.keep) || line.keep < 1))
    throw new Error(`VersionLine "${name}": keep ${String(line.keep)} must be a whole number of at least 1 (rule: minimum)`);

  const notices: string[] = [];
  const revoked = (v: LineVersion<S>): boolean => v.revoked === true || (v.revokeAt !== undefined && v.revokeAt <= today);
  const pastEndOfLife = (v: LineVersion<S>): boolean => v.endOfLife !== undefined && v.endOfLife < today;
  for (const v of ordered)
    if (v.revoked !== true && v.revokeAt !== undefined && v.revokeAt <= today)
      notices.push(`VersionLine "${name}": version ${v.version} is revoked since ${v.revokeAt} (revokeAt): deactivated`);

  // Named channels: each at a declared version that can be booted.
  const byVersion = new Map(ordered.map((v) => [v.version, v]));
  const channels: Record<string, string> = {};
  for (const [channel, target] of Object.entries(line.channels ?? {})) {
    const field = `channels.${channel}`;
    if (channel === latestChannel)
      throw new Error(
        `VersionLine "${name}": ${field}: "latest" is the line's own channel (the newest version that can be booted) (rule: not)`,
      );
    if (!channelPattern.test(channel))
      throw new Error(`VersionLine "${name}": ${field}: a channel name is lower case letters, digits and dashes (rule: pattern)`);
    parseVersion(name, target, field);
    const v = byVersion.get(target);
    if (v === undefined)
      throw new Error(
        `VersionLine "${name}": ${field}: version ${target} is not a version of this line (declared: ${ordered.map((o) => o.version).join(', ')}) (rule: enum)`,
      );
    if (revoked(v))
      throw new Error(
        `VersionLine "${name}": ${field}: version ${target} is revoked; move the channel to another version (rule: channels)`,
      );
    if (pastEndOfLife(v))
      throw new Error(
        `VersionLine "${name}": ${field}: version ${target} is past its end of life (${String(v.endOfLife)}); move the channel to another version (rule: channels)`,
      );
    channels[channel] = target;
  }

  const candidates = ordered.filter((v) => !revoked(v) && !pastEndOfLife(v) && v.excludeFromLatest !== true);
  const latest = candidates[candidates.length - 1];
  if (latest !== undefined) channels[latestChannel] = latest.version;
  const newest = ordered[ordered.length - 1];
  if (newest === undefined) throw new Error(`VersionLine "${name}": versions: at least one version is needed (rule: minItems)`);
  const currentVersion = latest ?? newest;
  const currentIndex = ordered.indexOf(currentVersion);
  const current = catalogImageName(line, currentVersion.version);

  // Retention: beyond the newest `keep`, a deprecated version past its end of life goes.
  const stateOf = (v: LineVersion<S>, index: number): VersionState => {
    const pointed = Object.entries(channels)
      .filter(([, target]) => target === v.version)
      .map(([channel]) => channel)
      .sort();
    const isRevoked = revoked(v);
    const isPast = pastEndOfLife(v);
    const deprecated = v !== currentVersion && (isRevoked || isPast || (index < currentIndex && pointed.length === 0));
    return { revoked: isRevoked, pastEndOfLife: isPast, channels: pointed, deprecated, shared: !isPast };
  };
  const states = ordered.map((v, index) => stateOf(v, index));
  const retired = new Set<string>();
  if (line.keep !== undefined) {
    const keep = line.keep;
    ordered.forEach((v, index) => {
      const state = states[index] as VersionState;
      if (ordered.length - index > keep && state.deprecated && state.pastEndOfLife) retired.add(v.version);
    });
    for (const version of retired)
      notices.push(
        `VersionLine "${name}": version ${version} is past its end of life and beyond keep ${String(keep)}: no longer declared, so this run deletes its image (the policy decides the delete)`,
      );
  }

  const images = ordered.flatMap((v, index): LineImage<S>[] => {
    if (retired.has(v.version)) return [];
    const state = states[index] as VersionState;
    const isCurrent = v === currentVersion;
    const own = new Set(Object.keys(v.properties ?? {}));
    const visible = !state.revoked && !state.pastEndOfLife && (isCurrent || state.channels.length > 0);
    const scs = line.scs;
    const purpose = scs?.purpose ?? 'generic';
    // SCS-0102: the values fixed at publication (taken like the line's shared properties: a published version
    // keeps what it was published with), and those the lifecycle moves (os_purpose, uuid_validity, provided_until).
    const scsFixed: Record<string, string> =
      scs === undefined ? {} : scsFixedProperties(scs, line.properties?.['description'] ?? '', sourceUrl(v.source));
    const scsMoving: Record<string, string> =
      scs === undefined
        ? {}
        : {
            os_purpose: isCurrent || purpose !== 'generic' ? purpose : 'oldgeneric',
            uuid_validity: line.keep === undefined ? 'none' : `last-${String(line.keep)}`,
            provided_until: v.endOfLife ?? 'none',
          };
    return [
      {
        version: v.version,
        isCurrent,
        state,
        lineKeys: [
          ...[...Object.keys(line.properties ?? {}), ...Object.keys(scsFixed)].filter((k) => !own.has(k) && !derivedKeys.has(k)),
          // A line that turns scs on gives its published versions a build date they were not published with.
          ...(scs !== undefined && v.buildDate !== undefined && !own.has('image_build_date') ? ['image_build_date'] : []),
        ],
        fields: {
          name: catalogImageName(line, v.version),
          diskFormat: v.diskFormat ?? 'qcow2',
          visibility: line.visibility ?? 'shared',
          isHidden: !visible,
          // Protection guards a provided version; one past its end of life may go (retention).
          isProtected: (line.isProtected ?? false) && !state.pastEndOfLife,
          ...(state.revoked ? { isDeactivated: true } : {}),
          tags: [family, ...state.channels.map((channel) => channelTag(family, channel))],
          ...(v.minDisk === undefined ? {} : { minDisk: v.minDisk }),
          ...(v.minRam === undefined ? {} : { minRam: v.minRam }),
          ...(v.sha512 === undefined ? {} : { sha512: v.sha512 }),
          ...(v.sha256 === undefined ? {} : { sha256: v.sha256 }),
          source: v.source,
          properties: {
            ...line.properties,
            ...scsFixed,
            ...scsMoving,
            ...v.properties,
            os_distro: line.os,
            os_version: line.osVersion,
            ...(v.endOfLife === undefined ? {} : { provided_until: v.endOfLife }),
            ...(v.buildDate === undefined ? {} : { image_build_date: v.buildDate }),
            ...(state.deprecated ? { deprecated: 'true', superseded_by: current } : {}),
          },
        },
      },
    ];
  });
  return { family, current, latest: latest?.version, channels, images, retired: [...retired], notices };
}
