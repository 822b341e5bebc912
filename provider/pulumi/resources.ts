/**
 * The Pulumi resources of the `image-catalog` provider plugin (`pulumi-resource-image-catalog`): custom resources
 * of type `image-catalog:index:Image`, ... with typed Args over schemas/<kind>.schema.json, and the `Provider`
 * that one program uses to act as several projects.
 *
 * Every resource takes an optional `cloud`: the clouds.yaml cloud that applies it (default: its provider's
 * `cloud`, i.e. the stack config `image-catalog:cloud` for the default provider, then OS_CLOUD / OS_*). It is a
 * name, resolved at run time by the plugin; no credential is ever an input.
 */
import * as pulumi from '@pulumi/pulumi';
import { resourceSchema } from '../resources/schema.js';
import { packageName, typeToken } from './tokens.js';

/** Args of {@link Provider}: the settings of one provider instance (see docs/pulumi.md). */
export interface ProviderArgs {
  /** The clouds.yaml cloud its resources act as (unless one names its own). */
  readonly cloud?: pulumi.Input<string>;
  /** A clouds.yaml document (YAML) looked up before the clouds.yaml files; kept secret. */
  readonly clouds?: pulumi.Input<string>;
  /** Policy data overrides (JSON). */
  readonly policy?: pulumi.Input<string>;
}

/**
 * An `image-catalog` provider instance: `new Provider('appteam', { cloud: 'appteam' })` and `{ provider }` on a
 * resource make that resource act as the appteam project (the acceptance of a share, a second project's images).
 */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts?: pulumi.ResourceOptions) {
    super(packageName, name, { ...args, ...(args.clouds === undefined ? {} : { clouds: pulumi.secret(args.clouds) }) }, opts);
  }
}

/** The fields every resource of this package takes besides its kind's. */
export interface CommonArgs {
  /** The clouds.yaml cloud that applies this resource (a name; the credentials are read at run time). */
  readonly cloud?: pulumi.Input<string>;
}

/** An image's data: a local file (uploaded, hashed on the way) or a URL (imported by Glance). */
export type ImageSource = { readonly file: string } | { readonly url: string; readonly method?: 'web-download' | 'glance-direct' };

/** Args of {@link Image}; see schemas/image.schema.json for each field. */
export interface ImageArgs extends CommonArgs {
  readonly name: pulumi.Input<string>;
  readonly diskFormat: pulumi.Input<'qcow2' | 'raw' | 'vhd' | 'vhdx' | 'vmdk' | 'vdi' | 'iso' | 'ploop'>;
  readonly containerFormat?: pulumi.Input<'bare' | 'ovf' | 'ova' | 'docker' | 'compressed'>;
  readonly visibility?: pulumi.Input<'private' | 'shared' | 'community' | 'public'>;
  readonly minDisk?: pulumi.Input<number>;
  readonly minRam?: pulumi.Input<number>;
  readonly isProtected?: pulumi.Input<boolean>;
  readonly isHidden?: pulumi.Input<boolean>;
  readonly isDeactivated?: pulumi.Input<boolean>;
  readonly tags?: pulumi.Input<pulumi.Input<string>[]>;
  readonly properties?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  readonly source: pulumi.Input<ImageSource>;
  readonly sha256?: pulumi.Input<string>;
  readonly sha512?: pulumi.Input<string>;
  readonly stores?: pulumi.Input<pulumi.Input<string>[]>;
  readonly allStoresMustSucceed?: pulumi.Input<boolean>;
}

/** A Glance image: record, data and properties; created all-or-nothing, the policy decided before apply. */
export class Image extends pulumi.CustomResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly visibility: pulumi.Output<string>;
  declare readonly properties: pulumi.Output<Record<string, string>>;
  /** Glance's id of the image. */
  declare readonly imageId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;
  declare readonly owner: pulumi.Output<string>;
  declare readonly osHashAlgo: pulumi.Output<string | null>;
  declare readonly osHashValue: pulumi.Output<string | null>;
  declare readonly size: pulumi.Output<number | null>;

  constructor(name: string, args: ImageArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      typeToken('image'),
      name,
      {
        ...args,
        imageId: undefined,
        status: undefined,
        owner: undefined,
        osHashAlgo: undefined,
        osHashValue: undefined,
        size: undefined,
      },
      opts,
    );
  }
}

/** Args of {@link ImageMember}. */
export interface ImageMemberArgs extends CommonArgs {
  readonly imageId: pulumi.Input<string>;
  readonly memberProjectId: pulumi.Input<string>;
}

/** The owner's side of a share: adds a member project to a `shared` image (status pending until it answers). */
export class ImageMember extends pulumi.CustomResource {
  declare readonly imageId: pulumi.Output<string>;
  declare readonly memberProjectId: pulumi.Output<string>;
  /** The membership's status when it was created (pending). */
  declare readonly memberStatus: pulumi.Output<string>;

  constructor(name: string, args: ImageMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super(typeToken('member'), name, { ...args, memberStatus: undefined }, opts);
  }
}

/** Args of {@link ImageMemberAcceptance}: applied as the member project (its `cloud`, or a provider of that project). */
export interface ImageMemberAcceptanceArgs {
  readonly imageId: pulumi.Input<string>;
  readonly memberProjectId: pulumi.Input<string>;
  readonly status?: pulumi.Input<'accepted' | 'rejected'>;
  /** The clouds.yaml cloud of the member project (its token must be scoped to memberProjectId); default: the provider's. */
  readonly cloud?: pulumi.Input<string>;
}

/** The consumer's side of a share, applied with the member project's credentials; delete sets it back to pending. */
export class ImageMemberAcceptance extends pulumi.CustomResource {
  declare readonly imageId: pulumi.Output<string>;
  declare readonly memberProjectId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  constructor(name: string, args: ImageMemberAcceptanceArgs, opts?: pulumi.CustomResourceOptions) {
    super(typeToken('acceptance'), name, { ...args }, opts);
  }
}

/** Args of {@link StorageBackend}; see schemas/store.schema.json (options depend on type). */
export interface StorageBackendArgs extends CommonArgs {
  /** The store's id in Glance (`id` in schemas/store.schema.json). */
  readonly storeId: pulumi.Input<string>;
  readonly type: pulumi.Input<'file' | 'rbd' | 'swift' | 's3' | 'vmware' | 'cinder' | 'http'>;
  readonly isDefault?: pulumi.Input<boolean>;
  readonly description?: pulumi.Input<string>;
  /** glance-api's config directory (its --config-dir), where the store's fragment is written. */
  readonly configDir: pulumi.Input<string>;
  /** The command that makes glance-api read its configuration again (argv, no shell). */
  readonly reloadCommand: pulumi.Input<pulumi.Input<string>[]>;
  /** A cloud with an admin role that reads /v2/info/stores/detail to verify (default: `cloud`). */
  readonly verifyCloud?: pulumi.Input<string>;
  readonly options?: pulumi.Input<Record<string, unknown>>;
}

/** The backend kinds whose options hold a secret (the schema marks those options writeOnly). */
function kindsWithSecrets(): Set<string> {
  const defs = resourceSchema('store.schema.json').defs;
  return new Set(
    Object.entries(defs)
      .filter(([, fields]) => fields.some((f) => f.secret))
      .map(([kind]) => kind),
  );
}

/**
 * A Glance store, configured as a fragment of glance-api's config directory, reloaded and verified live. The
 * options of a kind that holds a secret (swift key, s3 keys, vmware password) are made Pulumi secrets, so the
 * state keeps them encrypted; the outputs never carry them in plain text.
 */
export class StorageBackend extends pulumi.CustomResource {
  declare readonly storeId: pulumi.Output<string>;
  declare readonly fragment: pulumi.Output<string>;

  constructor(name: string, args: StorageBackendArgs, opts?: pulumi.CustomResourceOptions) {
    const secretKinds = kindsWithSecrets();
    const options = pulumi
      .output(args.type)
      .apply((type) => (secretKinds.has(type) ? pulumi.secret(args.options ?? {}) : pulumi.output(args.options ?? {})));
    super(typeToken('store'), name, { ...args, options, fragment: undefined }, opts);
  }
}
