/**
 * A version line's semantics, once for every layer (the Pulumi component and the CDKTF construct): a family
 * `<os>-<osversion>-<profile>`, its versions `<major>.<minor>` in order, every version published as
 * `<family>-v<version>`, the newest current, every older one deprecated, `superseded_by` the newest, and hidden.
 * Which versions are shared and how is the layer's (it shares the newest).
 *
 * The line's shared properties reach the versions published after they are edited: a version already published
 * keeps what it was published with (the Pulumi component's images ignore changes of those keys: `ignoreChanges`,
 * which still puts back a hand edit after a refresh), so editing the line's `description` is neither an update nor
 * a block of the published versions. A version's own `properties` are its own: changing one on a published version
 * is decided by the policy (immutability). Terraform's `ignore_changes` would also hide a hand edit from the
 * repair, so the CDKTF construct does not use it (an edit of a shared key is decided for every version there).
 */
import type { ImageFields } from './image/image.js';

/** The catalog's image name of a family's version: `<os>-<osversion>-<profile>-v<version>`. */
export function catalogImageName(family: { os: string; osVersion: string; profile: string }, version: string): string {
  return `${family.os}-${family.osVersion}-${family.profile}-v${version}`;
}

/** One version of a line; `S` is the layer's source type (a Pulumi Input or a plain value). */
export interface LineVersion<S = ImageFields['source']> {
  /** `<major>.<minor>`, e.g. `1.1`. */
  readonly version: string;
  readonly source: S;
  readonly diskFormat?: ImageFields['diskFormat'];
  readonly sha512?: string;
  readonly minDisk?: number;
  readonly minRam?: number;
  /** Properties of this version only (merged over the line's). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** What defines a line, whatever the layer. */
export interface LineFamily<S = ImageFields['source']> {
  readonly os: string;
  readonly osVersion: string;
  readonly profile: string;
  /** The versions, in any order; the greatest is current. */
  readonly versions: readonly LineVersion<S>[];
  /** Properties of every version (hw_disk_bus, hw_vif_model, description, ...); os_distro/os_version come from the family. */
  readonly properties?: Readonly<Record<string, string>>;
  readonly isProtected?: boolean;
}

/** One version's image as the line declares it. */
export interface LineImage<S> {
  readonly version: string;
  readonly isCurrent: boolean;
  /**
   * The property keys this version takes from the line's shared `properties` (not its own): an image of the
   * version that exists already keeps the values it was published with for them.
   */
  readonly lineKeys: readonly string[];
  /** The image's fields (the source of the layer's type). */
  readonly fields: Omit<ImageFields, 'source'> & { readonly source: S };
}

/** Parses `<major>.<minor>`; throws naming the field. */
function parseVersion(family: string, version: string): [number, number] {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`VersionLine "${family}": versions[].version "${version}" must be <major>.<minor> (rule: pattern)`);
  return [Number(match[1]), Number(match[2])];
}

/** The family's versions, greatest last; duplicate versions are refused. */
export function orderVersions<S>(family: string, versions: readonly LineVersion<S>[]): LineVersion<S>[] {
  const keyed = versions.map((v) => ({ v, key: parseVersion(family, v.version) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  for (let i = 1; i < keyed.length; i++) {
    const [prev, next] = [keyed[i - 1], keyed[i]];
    if (prev !== undefined && next !== undefined && prev.key[0] === next.key[0] && prev.key[1] === next.key[1])
      throw new Error(`VersionLine "${family}": versions: ${next.v.version} is declared twice (rule: uniqueItems)`);
  }
  return keyed.map((k) => k.v);
}

/** Properties the line sets itself (from the family and the version order), never taken as shared values. */
const derivedKeys: ReadonlySet<string> = new Set(['os_distro', 'os_version', 'deprecated', 'superseded_by']);

/** The line's family name, its current image name, and every version's image fields, oldest first. */
export function lineImages<S>(name: string, line: LineFamily<S>): { family: string; current: string; images: LineImage<S>[] } {
  const family = `${line.os}-${line.osVersion}-${line.profile}`;
  if (line.versions.length === 0) throw new Error(`VersionLine "${name}": versions: at least one version is needed (rule: minItems)`);
  const ordered = orderVersions(family, line.versions);
  const newest = ordered[ordered.length - 1] as LineVersion<S>;
  const current = catalogImageName(line, newest.version);
  const images = ordered.map((v): LineImage<S> => {
    const isCurrent = v === newest;
    const own = new Set(Object.keys(v.properties ?? {}));
    return {
      version: v.version,
      isCurrent,
      lineKeys: Object.keys(line.properties ?? {}).filter((k) => !own.has(k) && !derivedKeys.has(k)),
      fields: {
        name: catalogImageName(line, v.version),
        diskFormat: v.diskFormat ?? 'qcow2',
        visibility: 'shared',
        isHidden: !isCurrent,
        isProtected: line.isProtected ?? false,
        ...(v.minDisk === undefined ? {} : { minDisk: v.minDisk }),
        ...(v.minRam === undefined ? {} : { minRam: v.minRam }),
        ...(v.sha512 === undefined ? {} : { sha512: v.sha512 }),
        source: v.source,
        properties: {
          ...line.properties,
          ...v.properties,
          os_distro: line.os,
          os_version: line.osVersion,
          ...(isCurrent ? {} : { deprecated: 'true', superseded_by: current }),
        },
      },
    };
  });
  return { family, current, images };
}
