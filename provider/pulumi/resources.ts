/**
 * The Pulumi resources of the `image-catalog` provider plugin (`pulumi-resource-image-catalog`): custom resources
 * of type `image-catalog:index:Image`, ... whose Args and outputs are typed from the types generated out of
 * schemas/<kind>.schema.json (provider/resources/<kind>/<kind>.types.ts), and the `Provider` that one program uses
 * to act as several projects.
 *
 * Every resource takes an optional `cloud`: the clouds.yaml cloud that applies it (default: its provider's
 * `cloud`, i.e. the stack config `image-catalog:cloud` for the default provider, then OS_CLOUD / OS_*). It is a
 * name, resolved at run time by the plugin; no credential is ever an input. And an optional `region`: the region of
 * that cloud it lives in (default: the cloud's region_name).
 */
import * as pulumi from '@pulumi/pulumi';
import type {
  AcceptanceFields,
  ImageFields,
  ImageOutputs,
  MemberFields,
  MemberOutputs,
  StoreFields,
  StoreOutputs,
} from '../resources/index.js';
import type { Kind } from '../resources/kinds.js';
import { resourceSchema } from '../resources/schema.js';
import { recordDeclaration } from './declarations.js';
import { outputProperties } from './schema.js';
import { packageName, typeToken } from './tokens.js';

/** A value a program may give as it is or as a Pulumi output, at any depth (lists and maps of outputs too). */
export type DeepInput<T> = T extends string | number | boolean
  ? pulumi.Input<T>
  : T extends readonly (infer E)[]
    ? pulumi.Input<DeepInput<E>[]>
    : T extends object
      ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
      : pulumi.Input<T>;

/** Each field of a schema's fields type as an input of a resource. */
export type InputsOf<T> = { readonly [K in keyof T]: DeepInput<T[K]> };

/** Each field as an output of a resource (every declared field is one, with the service's fields). */
export type OutputsOf<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** `T` with its `id` field named `name` (`id` is every Pulumi resource's own). */
type IdAs<T, Name extends string> = Omit<T, 'id'> & { readonly [K in Name]: T extends { readonly id: infer V } ? V : never };

/** The fields every resource of this package takes besides its kind's. */
export interface CommonArgs {
  /** The clouds.yaml cloud that applies this resource (a name; the credentials are read at run time). */
  readonly cloud?: pulumi.Input<string>;
  /** The region of that cloud the resource lives in (default: the cloud's region_name); a change replaces it. */
  readonly region?: pulumi.Input<string>;
}

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

/** The props a resource registers: its args, and every output property of its kind (unknown until applied). */
function props(kind: Kind, args: object): pulumi.Inputs {
  return { ...Object.fromEntries(outputProperties(kind).map((name) => [name, undefined])), ...args };
}

/** An image's data: a local file (uploaded, hashed on the way) or a URL (imported by Glance). */
export type ImageSource = ImageFields['source'];

/** Args of {@link Image}: schemas/image.schema.json. */
export interface ImageArgs extends InputsOf<ImageFields>, CommonArgs {}

// A class and an interface of one name: the interface declares the outputs the class registers (props()).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface Image extends OutputsOf<ImageFields & IdAs<ImageOutputs, 'imageId'> & { cloud?: string; region?: string }> {}

/** A Glance image: record, data and properties; created all-or-nothing, the policy decided before apply. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Image extends pulumi.CustomResource {
  constructor(name: string, args: ImageArgs, opts?: pulumi.CustomResourceOptions) {
    super(typeToken('image'), name, props('image', args), opts);
    recordDeclaration(this);
  }
}

/** Args of {@link ImageMember}: schemas/member.schema.json. */
/**
 * The image a share is of: `imageId` (an id or an output), or `image`, the Image resource itself, which also
 * lets the policy find the image's change in the plan (a member of an image the plan leaves private is refused
 * before anything is applied, rule sharing, although its id is not known yet).
 */
export type ShareImage =
  { readonly imageId: pulumi.Input<string>; readonly image?: never } | { readonly image: Image; readonly imageId?: never };

/**
 * The props of a share: `image` as its id and, for the policy, the image resource's URN. The resource's id (the
 * Glance image's) rather than its `imageId` output: the engine keeps an updated resource's id in a preview, while
 * the outputs of an update are unknown there (the plugin has no preview of Update), and an unknown imageId would
 * preview every share of an updated image as replaced.
 */
function shareProps(args: { readonly imageId?: pulumi.Input<string>; readonly image?: Image }): object {
  const { image, ...rest } = args;
  return image === undefined ? rest : { ...rest, imageId: image.id, imageUrn: image.urn };
}

export type ImageMemberArgs = Omit<InputsOf<MemberFields>, 'imageId'> & ShareImage & CommonArgs;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ImageMember extends OutputsOf<MemberFields & MemberOutputs & { cloud?: string; region?: string }> {}

/** The owner's side of a share: adds a member project to a `shared` image (status pending until it answers). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ImageMember extends pulumi.CustomResource {
  constructor(name: string, args: ImageMemberArgs, opts?: pulumi.CustomResourceOptions) {
    super(typeToken('member'), name, props('member', shareProps(args)), opts);
    recordDeclaration(this);
  }
}

/** Args of {@link ImageMemberAcceptance}: schemas/acceptance.schema.json (its `cloud`, or a provider of the member project). */
export type ImageMemberAcceptanceArgs = Omit<InputsOf<AcceptanceFields>, 'imageId'> & ShareImage;

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ImageMemberAcceptance extends OutputsOf<AcceptanceFields> {}

/** The consumer's side of a share, applied with the member project's credentials; delete sets it back to pending. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ImageMemberAcceptance extends pulumi.CustomResource {
  constructor(name: string, args: ImageMemberAcceptanceArgs, opts?: pulumi.CustomResourceOptions) {
    super(typeToken('acceptance'), name, props('acceptance', shareProps(args)), opts);
    recordDeclaration(this);
  }
}

/** Args of {@link StorageBackend}: schemas/store.schema.json, with `storeId` for the schema's `id` (options depend on type). */
export interface StorageBackendArgs extends InputsOf<IdAs<StoreFields, 'storeId'>>, CommonArgs {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface StorageBackend extends OutputsOf<IdAs<StoreFields, 'storeId'> & StoreOutputs & { cloud?: string; region?: string }> {}

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class StorageBackend extends pulumi.CustomResource {
  constructor(name: string, args: StorageBackendArgs, opts?: pulumi.CustomResourceOptions) {
    const secretKinds = kindsWithSecrets();
    const options = pulumi
      .output(args.type)
      .apply((type) => (secretKinds.has(type) ? pulumi.secret(args.options ?? {}) : pulumi.output(args.options ?? {})));
    super(typeToken('store'), name, props('store', { ...args, options }), opts);
    recordDeclaration(this);
  }
}
