/**
 * A version line as one component: a family (os, os version, profile), its versions with their sources, and the
 * consumer projects. The component publishes every version as `<os>-<osversion>-<profile>-v<version>`, shares
 * the newest with every consumer (and accepts it as each consumer whose cloud is given), and marks every older
 * version deprecated, `superseded_by` the newest, and hidden. Adding a version moves the share set to it:
 * the older version's memberships go (its image stays, deprecated, for what already runs on it).
 */
import * as pulumi from '@pulumi/pulumi';
import { Image, ImageMember, ImageMemberAcceptance, type ImageSource } from './resources.js';
import { componentToken } from './tokens.js';

/** One version of the line. */
export interface LineVersion {
  /** `<major>.<minor>`, e.g. `1.1`. */
  readonly version: string;
  readonly source: ImageSource;
  readonly diskFormat?: 'qcow2' | 'raw' | 'vhd' | 'vhdx' | 'vmdk' | 'vdi' | 'iso' | 'ploop';
  readonly sha512?: string;
  readonly minDisk?: number;
  readonly minRam?: number;
  /** Properties of this version only (merged over the line's). */
  readonly properties?: Readonly<Record<string, string>>;
}

/** A consumer project of the line. */
export interface LineConsumer {
  /** Its project id. */
  readonly projectId: pulumi.Input<string>;
  /** Its own cloud (clouds.yaml); when given, the component accepts the share as that project. */
  readonly cloud?: string;
  /** A short name for resource names (default: the index). */
  readonly name?: string;
}

/** Args of {@link VersionLine}. */
export interface VersionLineArgs {
  readonly os: string;
  readonly osVersion: string;
  readonly profile: string;
  /** The versions, in any order; the greatest is current. */
  readonly versions: readonly LineVersion[];
  readonly consumers?: readonly LineConsumer[];
  /** Properties of every version (hw_disk_bus, hw_vif_model, description, ...); os_distro/os_version come from the family. */
  readonly properties?: Readonly<Record<string, string>>;
  /** The owner's cloud (default: the stack's). */
  readonly cloud?: string;
  readonly isProtected?: boolean;
}

/** Parses `<major>.<minor>`; throws naming the field. */
function parseVersion(family: string, version: string): [number, number] {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`VersionLine "${family}": versions[].version "${version}" must be <major>.<minor> (rule: pattern)`);
  return [Number(match[1]), Number(match[2])];
}

/** The family's versions, greatest last; duplicate versions are refused. */
export function orderVersions(family: string, versions: readonly LineVersion[]): LineVersion[] {
  const keyed = versions.map((v) => ({ v, key: parseVersion(family, v.version) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  for (let i = 1; i < keyed.length; i++) {
    const [prev, next] = [keyed[i - 1], keyed[i]];
    if (prev !== undefined && next !== undefined && prev.key[0] === next.key[0] && prev.key[1] === next.key[1])
      throw new Error(`VersionLine "${family}": versions: ${next.v.version} is declared twice (rule: uniqueItems)`);
  }
  return keyed.map((k) => k.v);
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
    this.family = `${args.os}-${args.osVersion}-${args.profile}`;
    if (args.versions.length === 0) throw new Error(`VersionLine "${name}": versions: at least one version is needed (rule: minItems)`);
    const ordered = orderVersions(this.family, args.versions);
    const newest = ordered[ordered.length - 1] as LineVersion;
    this.current = `${this.family}-v${newest.version}`;
    const parent = { parent: this };
    const cloud = args.cloud === undefined ? {} : { cloud: args.cloud };
    const images: Record<string, Image> = {};
    for (const v of ordered) {
      const isCurrent = v === newest;
      const imageName = `${this.family}-v${v.version}`;
      images[v.version] = new Image(
        `${name}-v${v.version}`,
        {
          ...cloud,
          name: imageName,
          diskFormat: v.diskFormat ?? 'qcow2',
          visibility: 'shared',
          isHidden: !isCurrent,
          isProtected: args.isProtected ?? false,
          ...(v.minDisk === undefined ? {} : { minDisk: v.minDisk }),
          ...(v.minRam === undefined ? {} : { minRam: v.minRam }),
          ...(v.sha512 === undefined ? {} : { sha512: v.sha512 }),
          source: v.source,
          properties: {
            ...args.properties,
            ...v.properties,
            os_distro: args.os,
            os_version: args.osVersion,
            ...(isCurrent ? {} : { deprecated: 'true', superseded_by: this.current }),
          },
        },
        parent,
      );
    }
    this.images = images;
    const current = images[newest.version] as Image;
    (args.consumers ?? []).forEach((consumer, index) => {
      const label = consumer.name ?? String(index);
      const member = new ImageMember(
        `${name}-share-${label}`,
        { ...cloud, imageId: current.imageId, memberProjectId: consumer.projectId },
        parent,
      );
      if (consumer.cloud !== undefined) {
        new ImageMemberAcceptance(
          `${name}-accept-${label}`,
          { imageId: member.imageId, memberProjectId: member.memberProjectId, status: 'accepted', cloud: consumer.cloud },
          { parent: this, dependsOn: [member] },
        );
      }
    });
    this.registerOutputs({ family: this.family, current: this.current });
  }
}
