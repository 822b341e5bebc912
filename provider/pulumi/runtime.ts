/**
 * What the provider plugin runs for every kind: check, diff, create, read, update and delete, generic over each
 * kind's descriptor (provider/resources/<kind>/), with the catalog policy decided before anything is applied and
 * the envelope's documents from provider/policy/changes.ts.
 *
 * Credentials are resolved here, at run time: a resource's `cloud` (a clouds.yaml name), else the provider's
 * `cloud` (the stack config `image-catalog:cloud` for the default provider), else OS_CLOUD / OS_*; a clouds.yaml
 * document may come from the secret setting `image-catalog:clouds`.
 *
 * Where the policy is decided (the engine calls check before every create, during preview and again during up,
 * and diff before every update or replace):
 * - create: in check (olds are empty) — a mandatory violation is a check failure, so the preview fails;
 * - update, replace: in diff, with the live resource as `before` — a mandatory violation fails the diff;
 * - delete: in delete, before any API call (and in runStack's preview, which decides the plan's deletes).
 * Advisory violations, upload progress and what a create does on its own are notices: the plugin sends them to
 * the engine's log (a warning, or info on the resource's line), which `pulumi up` shows; stderr without an engine.
 */
import { unknownValue } from '@pulumi/pulumi/runtime/rpc.js';
import { resolveCloud, resolveCloudFromDocument } from '../client/config.js';
import { isForbidden } from '../client/errors.js';
import { imageDocument } from '../client/images.js';
import { Session } from '../client/session.js';
import { changeDocuments, RunCatalog } from '../policy/changes.js';
import { FileDigests, type LiveDocument } from '../resources/descriptor.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import { loadPolicyData, type PolicyDataOverride } from '../policy/data.js';
import { PolicyEngine } from '../policy/engine.js';
import { PolicyDataError } from '../policy/errors.js';
import { buildEnvelope, type Change, type ChangeAction, type Document } from '../policy/envelope.js';
import type { Bag, WireDocument } from '../resources/descriptor.js';
import { isImportedSource } from '../resources/image/image.js';
import { hasMarkOutput, kindDescriptors, markOutput, type Kind } from '../resources/kinds.js';
import { ResourceInputError, checkInputs, diffInputs, type InputProblem } from '../resources/schema.js';
import { StackMarks } from '../resources/mark.js';
import { functionToken, idNames, instanceKey, packageName, parseUrn } from './tokens.js';
import { lookupFunctions, type LookupCall } from '../resources/lookup.js';
import { describeErrors } from '../policy/schemas.js';

/** The stack's policy data overrides: `image-catalog:policy`, a JSON object (none when unset or empty). */
export function stackPolicyOverrides(value: string | undefined): PolicyDataOverride[] {
  if (value === undefined || value === '') return [];
  const source = 'stack config image-catalog:policy';
  try {
    return [{ source, value: JSON.parse(value) as unknown }];
  } catch (err) {
    throw new PolicyDataError(source, [`(document): is not JSON (${(err as Error).message})`]);
  }
}

/** Why the stack's policy data cannot be used (the shipped data with it merged, checked by its schema), or undefined. */
export function policyConfigProblem(value: string | undefined): string | undefined {
  // No override: the shipped data (tested with the package); no schema compiled for a run that sets none.
  if (value === undefined || value === '') return undefined;
  try {
    loadPolicyData(stackPolicyOverrides(value));
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The provider's settings (`image-catalog:<key>`), as the plugin's Configure or a stack's config gives them. */
export interface StackConfig {
  get(key: string): string | undefined;
}

/** Inputs every Pulumi resource of this package adds to its kind's schema. */
interface LayerFields {
  /** The Pulumi resource name (the envelope's address; messages). */
  readonly resourceName: string;
  /** The clouds.yaml cloud that applies it (not a secret: a name). */
  readonly cloud?: string;
  /** The region of that cloud it lives in (default: the cloud's region_name): the image endpoint of that region. */
  readonly region?: string;
  /** The Pulumi URN (the provider plugin's calls): with the stack instance's key, the creation mark of what it creates. */
  readonly resourceUrn?: string;
  /** A share's image resource (`image:` of ImageMember/ImageMemberAcceptance), by URN: the policy finds it in the plan. */
  readonly imageUrn?: string;
}

/** A message of the provider for the user: progress (ephemeral), what it did on its own, advisory violations. */
export interface Notice {
  readonly message: string;
  readonly severity: 'info' | 'warning';
  /** The resource it is about. */
  readonly urn?: string | undefined;
  /** Replaced by the next one of the same resource (progress). */
  readonly ephemeral?: boolean;
}

/**
 * How a runtime enforces: `enforce` fails a check, diff or delete on a mandatory violation; `report` only records
 * the decision (its host decides the whole plan from what it recorded: a whole-plan preview).
 */
export type PolicyMode = 'enforce' | 'report';

/** What a host gives its runtime. */
export interface RuntimeOptions {
  /** The provider's settings until {@link ProviderRuntime.configure} gives others (default: none). */
  readonly config?: StackConfig;
  /**
   * The stack instance's key of a resource (by URN) when no provider settings carry it: a whole-plan decision
   * reads each provider's key from the stack's state.
   */
  readonly instanceKeyOf?: (urn: string) => string | undefined;
  /** The environment clouds are resolved with (OS_CLOUD, OS_*, OS_CLIENT_CONFIG_FILE); default: this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** The folder a relative clouds.yaml is found in (the project's); default: this process's. */
  readonly cwd?: string;
  /** Where notices go (the plugin: the engine's log); default: stderr. */
  readonly notify?: (notice: Notice) => void;
  /** Default `enforce`. */
  readonly mode?: PolicyMode;
  /** Told every decision with the changes it decided (the plugin: the run's decision log). */
  readonly onDecision?: (changes: readonly Change[], decision: Decision) => void;
  /**
   * The creation marks of the resources the run creates, when the plan was decided as a whole before (each create
   * otherwise says its own as it is checked): what an interrupted create of one of them left is the run's own.
   */
  readonly creating?: readonly string[];
}

/** A change as a plan step or a provider call gives it: which sides of the resource are known. */
export interface ChangeSides {
  readonly action: ChangeAction;
  /** The id of an existing resource (update, replace, delete). */
  readonly id: string | undefined;
  /** The state's outputs (update, replace, delete): what the last apply or refresh saw. */
  readonly olds?: Bag | undefined;
  /** The state's inputs: what the catalog last applied (a refresh keeps them while the outputs show drift). */
  readonly oldInputs?: Bag | undefined;
  /** The program's new inputs (create, update, replace). */
  readonly news?: Bag | undefined;
  /** The live resource, when the caller read it already (a delete). */
  readonly live?: LiveDocument;
  /** The resource's URN: what a create of it leaves carries its creation mark, made from it. */
  readonly urn?: string | undefined;
  /**
   * The cloud of the resource's provider, when it names one (an explicit `Provider` with a cloud): the cloud that
   * applies a resource without a `cloud` of its own (a whole-plan decision; the plugin is configured with it).
   */
  readonly providerCloud?: string | undefined;
}

/** The unknown marker of the envelope for Pulumi's unknown values (preview outputs not yet known). */
function markUnknowns(value: unknown): unknown {
  if (value === unknownValue) return { $unknown: true };
  if (Array.isArray(value)) return value.map(markUnknowns);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markUnknowns(v)]));
  return value;
}

function marked(document: WireDocument): WireDocument {
  return markUnknowns(document) as WireDocument;
}

function unknownPaths(value: unknown, path = ''): string[] {
  if (value === unknownValue) return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    unknownPaths(v, path === '' ? k : Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`),
  );
}

/** A bag with the schema's `id` field under its Pulumi name (a store's `storeId`; an image's reported `id` is `imageId`). */
function pulumiNames(kind: Kind, bag: Bag): Bag {
  const name = idNames[kind];
  if (name === undefined || !('id' in bag)) return bag;
  const { id, ...rest } = bag;
  return { ...rest, [name]: id };
}

/** The schema's fields of a property bag (Pulumi adds `__provider`; outputs add server fields). */
function schemaPart(kind: Kind, bag: Bag): Bag {
  const fields = new Set(kindDescriptors[kind].schema().fields.map((f) => f.local));
  const pulumiId = idNames[kind];
  const renamed = pulumiId !== undefined && fields.has('id') ? { ...bag, id: bag[pulumiId] } : bag;
  return Object.fromEntries(Object.entries(renamed).filter(([k, v]) => fields.has(k) && v !== undefined));
}

function layer(bag: Bag): LayerFields {
  const resourceName = typeof bag['resourceName'] === 'string' ? bag['resourceName'] : '(unnamed)';
  const cloud = typeof bag['cloud'] === 'string' ? bag['cloud'] : undefined;
  const region = typeof bag['region'] === 'string' && bag['region'] !== '' ? bag['region'] : undefined;
  const resourceUrn = typeof bag['resourceUrn'] === 'string' ? bag['resourceUrn'] : undefined;
  const imageUrn = typeof bag['imageUrn'] === 'string' ? bag['imageUrn'] : undefined;
  return {
    resourceName,
    ...(cloud === undefined ? {} : { cloud }),
    ...(region === undefined ? {} : { region }),
    ...(resourceUrn === undefined ? {} : { resourceUrn }),
    ...(imageUrn === undefined ? {} : { imageUrn }),
  };
}

/** How messages and the envelope name a resource: its type and name (`Image::ubuntu-24.04-base-v1.1`), never a URN. */
export function address(kind: Kind, name: string): string {
  return `${kindDescriptors[kind].schema().title}::${name}`;
}

/**
 * Who applies a resource, as one string the paths that group changes by it carry: a clouds.yaml cloud (undefined:
 * the provider's) and, after an `@`, a region of it (none: the cloud's region_name). `admin@RegionTwo`, `@RegionTwo`.
 */
export function targetOf(cloud: string | undefined, region: string | undefined): string | undefined {
  return region === undefined ? cloud : `${cloud ?? ''}@${region}`;
}

/** The cloud and region of a {@link targetOf} string (a region name has no `@`). */
export function splitTarget(target: string | undefined): { cloud: string | undefined; region: string | undefined } {
  if (target === undefined) return { cloud: undefined, region: undefined };
  const at = target.lastIndexOf('@');
  if (at < 0) return { cloud: target, region: undefined };
  const cloud = target.slice(0, at);
  return { cloud: cloud === '' ? undefined : cloud, region: target.slice(at + 1) };
}

/**
 * Who applies a resource: its kind's own cloud (a store's verifyCloud), else its `cloud`, else the provider's; in
 * its `region` when it names one ({@link targetOf}).
 */
function cloudOf(kind: Kind, inputs: Bag, fields: LayerFields): string | undefined {
  return targetOf(kindDescriptors[kind].cloudOf(inputs) ?? fields.cloud, fields.region);
}

/** The layer's own fields of an output or input bag: `cloud` and `region` when the resource names them. */
function layerBag(fields: LayerFields): Bag {
  return {
    ...(fields.cloud === undefined ? {} : { cloud: fields.cloud }),
    ...(fields.region === undefined ? {} : { region: fields.region }),
  };
}

/** The envelope document of checked inputs (wire names; unknowns marked). */
function documentOf(kind: Kind, inputs: Bag): Document {
  return marked(kindDescriptors[kind].document(inputs));
}

/** Checks inputs, ignoring problems of values still unknown (they are checked again once known). */
function checkKnown(kind: Kind, name: string, inputs: Bag): { inputs: Bag; problems: InputProblem[] } {
  const unknown = unknownPaths(inputs);
  try {
    return { inputs: checkInputs(kindDescriptors[kind].schema(), name, inputs) as Bag, problems: [] };
  } catch (err) {
    if (!(err instanceof ResourceInputError)) throw err;
    const problems = err.problems.filter(
      (p) => !unknown.some((u) => p.field === u || p.field.startsWith(`${u}.`) || p.field.startsWith(`${u}[`)),
    );
    return { inputs, problems };
  }
}

/**
 * The old side of a change. A field the service does not keep (`x-live: false`: an image's source and pins) is
 * not in the outputs of a resource that was imported (its read cannot know it): it is taken from the state's
 * inputs, else adopted from the program's known value, so it is not a change. An image source that says imported
 * (`{ imported: true }`: the data's origin is not known), on either side, is no change either: the program's
 * value is adopted. `adopted`: the fields taken from the program.
 */
function oldSide(kind: Kind, olds: Bag, news: Bag | undefined, oldInputs?: Bag): { before: Bag; adopted: ReadonlySet<string> } {
  const outputs = schemaPart(kind, olds);
  const declared = oldInputs === undefined ? {} : schemaPart(kind, oldInputs);
  const program = news === undefined ? {} : schemaPart(kind, news);
  const before: Bag = { ...outputs };
  const adopted = new Set<string>();
  for (const field of kindDescriptors[kind].schema().fields) {
    if (
      !field.live &&
      (isImportedSource(before[field.local]) || isImportedSource(declared[field.local]) || isImportedSource(program[field.local]))
    ) {
      if (program[field.local] !== undefined) {
        before[field.local] = program[field.local];
        adopted.add(field.local);
      }
      continue;
    }
    if (field.live || before[field.local] !== undefined) continue;
    if (declared[field.local] !== undefined) before[field.local] = declared[field.local];
    else if (program[field.local] !== undefined && unknownPaths(program[field.local]).length === 0) {
      before[field.local] = program[field.local];
      adopted.add(field.local);
    } else if (program[field.local] !== undefined) adopted.add(field.local);
  }
  return { before, adopted };
}

/**
 * A check failure. Its text names the field; the failure's `property` stays empty because Pulumi prints the
 * property's value beside a named property, and a value can hold a secret (a store's options).
 */
function failure(reason: string): { property: string; reason: string } {
  return { property: '', reason };
}

function progressReporter(
  notify: (notice: Notice) => void,
  name: string,
  urn: string | undefined,
): (p: { bytes: number; total: number | undefined; rate: number }) => void {
  let lastStep = -1;
  return (p) => {
    const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
    const step = p.total === undefined || p.total === 0 ? Math.floor(p.bytes / 104857600) : Math.floor((p.bytes / p.total) * 10);
    if (step === lastStep) return;
    lastStep = step;
    const share = p.total === undefined || p.total === 0 ? '' : ` (${Math.round((p.bytes / p.total) * 100)}%)`;
    notify({
      // On the resource's line when the engine shows it (the URN names it), named otherwise.
      message: `${urn === undefined ? `Image "${name}": ` : ''}uploaded ${mib(p.bytes)}${p.total === undefined ? '' : ` of ${mib(p.total)}`}${share}, ${(p.rate / 1e6).toFixed(1)} MB/s`,
      severity: 'info',
      urn,
      ephemeral: true,
    });
  };
}

/**
 * The outputs: the checked inputs, what the service reports and the layer's fields, under their Pulumi names. An
 * output only this package records (`x-live: false`, an image's sourceModified) that a call does not report again
 * is carried from the old state (`olds`).
 */
function outs(kind: Kind, fields: LayerFields, inputs: Bag, reported: Bag, olds: Bag = {}): Bag {
  const carried = kindDescriptors[kind]
    .schema()
    .outputs.filter((o) => !o.live && (reported[o.local] === undefined || reported[o.local] === null) && olds[o.local] != null)
    .map((o) => [o.local, olds[o.local]] as const);
  return {
    ...pulumiNames(kind, inputs),
    ...pulumiNames(kind, { ...reported, ...Object.fromEntries(carried) }),
    resourceName: fields.resourceName,
    ...layerBag(fields),
  };
}

/** A published resource that vanished: refresh reports it instead of dropping it (a later up would re-create it). */
function vanishedPublished(kind: Kind, name: string, id: string, olds: Bag): Error {
  return new Error(
    `${address(kind, name)}: ${id} (${typeof olds['name'] === 'string' ? olds['name'] : name}) was published and is gone from the Image Service (deleted outside this stack). ` +
      'A published version is never re-created under its name (rule: immutability): publish the next version instead, ' +
      `and forget this one with \`pulumi state delete\` of its URN (or restore it in Glance under id ${id}).`,
  );
}

/** A source that is a local file and nothing else (`{ file }`). */
function isFileSource(source: unknown): boolean {
  return (
    typeof source === 'object' &&
    source !== null &&
    Object.keys(source).length === 1 &&
    typeof (source as { file?: unknown }).file === 'string'
  );
}

const noConfig: StackConfig = { get: () => undefined };

/**
 * The provider's runtime: one per host (the provider plugin's process, a whole-plan decision of `up`, `preview`
 * or `pr-check`, the CrossGuard pack), holding what a run shares (its settings, the sessions of its clouds, the
 * policy engine, the live catalog without this run's creates, the replaces decided, the work in flight). Every
 * path that decides a change builds it with {@link ProviderRuntime.changeOf} and decides it with
 * {@link ProviderRuntime.decideAs}.
 */
export class ProviderRuntime {
  private config: StackConfig;
  private readonly sessions = new Map<string, Session>();
  private engine: Promise<PolicyEngine> | undefined;
  private readonly catalog = new RunCatalog();
  private marks: { readonly key: string; readonly marks: StackMarks } | undefined;
  /**
   * Resources whose replace diff decided (and allowed) in this runtime, with the id of what they replace: the
   * engine then checks the replacement again with empty olds (to compute its inputs as for a new resource), and
   * that check must not decide it again as a create: its `before` is the image it replaces, whose name it may keep.
   */
  private readonly replacing = new Map<string, string>();
  /** Stopped when the engine that runs this provider is gone: creates in flight remove what they made and fail. */
  private readonly interruption = new AbortController();
  /** The changes in flight (creates, updates, deletes), each settled or not. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Whether {@link warmUp} ran since the last Configure. */
  private warmed = false;
  /** Each function, made ready (its argument check compiled) at its first invoke. */
  private readonly functionCalls = new Map<string, LookupCall>();
  /** Source files' digests: each file hashed once while it is unchanged. */
  private readonly files = new FileDigests();
  private readonly notify: (notice: Notice) => void;
  /** How this runtime enforces. */
  readonly mode: PolicyMode;

  constructor(private readonly options: RuntimeOptions = {}) {
    this.config = options.config ?? noConfig;
    this.notify = options.notify ?? ((notice) => process.stderr.write(`${notice.message}\n`));
    this.mode = options.mode ?? 'enforce';
    for (const mark of options.creating ?? []) this.catalog.creating(mark);
  }

  /** The creation mark of a create of `kind` that makes a catalog record (an image), when the instance key is known. */
  creatingMark(kind: Kind, urn: string): string | undefined {
    return kindDescriptors[kind].cataloged === true ? this.markOf(urn) : undefined;
  }

  /**
   * The creation mark of the resource `urn` in this stack instance (provider/resources/mark.ts), from the instance
   * key in the provider's state (or given to a whole-plan decision); undefined without one.
   */
  markOf(urn: string | undefined): string | undefined {
    if (urn === undefined) return undefined;
    const key = this.options.instanceKeyOf?.(urn) ?? this.configValue(instanceKey);
    if (key === undefined) return undefined;
    if (this.marks?.key !== key) this.marks = { key, marks: new StackMarks(key) };
    return this.marks.marks.of(urn);
  }

  /**
   * Takes the provider's settings (the plugin's Configure) and asks for the token every call needs while the
   * engine is still busy elsewhere. The policy bundle and the catalog wait for the first resource ({@link warmUp}):
   * a consumer's program that only calls getImage needs neither, and the catalog's listing would hold up its
   * lookup on the same Glance.
   */
  configure(config: StackConfig): void {
    this.config = config;
    this.sessions.clear();
    this.engine = undefined;
    this.warmed = false;
    try {
      this.sessionFor(undefined)
        .identity()
        .catch(() => undefined);
    } catch {
      // No cloud configured: the first resource that needs one says so.
    }
  }

  /**
   * Starts what the first decision needs (the policy bundle, a token and the catalog of the stack's cloud) at the
   * first resource's check, while the engine registers the others; a failure here is left for the call that needs
   * it to report. Once per configuration.
   */
  warmUp(): void {
    if (this.warmed) return;
    this.warmed = true;
    this.policyEngine().catch(() => (this.engine = undefined));
    try {
      const session = this.sessionFor(undefined);
      session.identity().catch(() => undefined);
      this.catalog.images(this.cloudKey(undefined), session).catch(() => undefined);
    } catch {
      // No cloud configured: the first resource that needs one says so.
    }
  }

  private configValue(key: string): string | undefined {
    const value = this.config.get(`image-catalog:${key}`);
    return value === undefined || value === '' ? undefined : value;
  }

  private cloudKey(cloud: string | undefined): string {
    return this.cloudName(cloud) ?? '(environment)';
  }

  /** The region a resource of `target` lives in: its own, else its cloud's region_name (undefined: the catalog's first). */
  regionOf(target: string | undefined): string | undefined {
    return splitTarget(target).region ?? this.sessionFor(splitTarget(target).cloud).config.regionName;
  }

  /**
   * Who applies a resource of `target` ({@link targetOf}: a cloud or none, a region or none): that cloud, else the
   * provider's, in that region; undefined: the environment's cloud in its region.
   */
  cloudName(target: string | undefined): string | undefined {
    const { cloud, region } = splitTarget(target);
    return targetOf(cloud ?? this.configValue('cloud'), region);
  }

  /**
   * The session of a target, resolved now (never stored): the resource's cloud, the provider's, or the
   * environment's; with the resource's region instead of the cloud's region_name when it names one.
   */
  private sessionFor(target: string | undefined): Session {
    const { cloud, region } = splitTarget(target);
    const name = cloud ?? this.configValue('cloud');
    const key = this.cloudKey(target);
    let session = this.sessions.get(key);
    if (session === undefined) {
      const document = this.configValue('clouds');
      const fromConfig =
        name !== undefined && document !== undefined
          ? resolveCloudFromDocument(name, document, 'stack config image-catalog:clouds')
          : undefined;
      const config = fromConfig ?? resolveCloud(name, this.options.env ?? process.env, this.options.cwd ?? process.cwd());
      session = new Session(config).inRegion(region);
      this.sessions.set(key, session);
    }
    return session;
  }

  private policyEngine(): Promise<PolicyEngine> {
    this.engine ??= PolicyEngine.load({ overrides: stackPolicyOverrides(this.configValue('policy')) });
    return this.engine;
  }

  /** The decision of changes applied by one cloud: its token's principal, the live catalog it sees. */
  async decideAs(cloud: string | undefined, changes: readonly Change[]): Promise<Decision> {
    const session = this.sessionFor(cloud);
    const [policy, principal, images] = await Promise.all([
      this.policyEngine(),
      session.identity(),
      this.catalog.documents(this.cloudKey(cloud), session),
    ]);
    const decision = policy.decide(buildEnvelope(principal, images, changes));
    this.options.onDecision?.(changes, decision);
    return decision;
  }

  /**
   * The one place a change is built, for every path that decides one (the plugin's check, diff and delete, a
   * plan's steps in `up`, `preview` and `pr-check`): the documents of `sides` (provider/policy/changes.ts), read
   * with the cloud that applies the resource. `before` is what the catalog last applied (the state's inputs over
   * the live record), so putting a hand edit back is no change of a published image. Returns that cloud with the
   * change.
   */
  async changeOf(kind: Kind, name: string, sides: ChangeSides): Promise<{ cloud: string | undefined; change: Change }> {
    const own = layer(sides.news ?? sides.oldInputs ?? sides.olds ?? {});
    const fields = {
      ...own,
      resourceName: name,
      ...(own.cloud === undefined && sides.providerCloud !== undefined ? { cloud: sides.providerCloud } : {}),
    };
    const where = address(kind, name);
    // What an interrupted create of this resource left carries its creation mark: its create finishes or removes
    // it, so it holds no name against this one.
    const mark = this.markOf(sides.urn ?? fields.resourceUrn);
    if (sides.action === 'create' && kindDescriptors[kind].cataloged === true && mark !== undefined) this.catalog.creating(mark);
    const news = sides.news === undefined ? undefined : schemaPart(kind, sides.news);
    const after = news === undefined ? undefined : checkKnown(kind, where, news).inputs;
    let before: Bag | undefined;
    let declared: Bag | undefined;
    if (sides.olds !== undefined && sides.action !== 'create') {
      // The old state as it is (an imported image has no source: it is not checked as a program's inputs).
      before = checkKnown(kind, where, oldSide(kind, sides.olds, sides.news, sides.oldInputs).before).inputs;
      if (sides.oldInputs !== undefined) declared = checkKnown(kind, where, oldSide(kind, sides.oldInputs, sides.news).before).inputs;
    }
    const docs = await changeDocuments(kindDescriptors[kind], sides.action, {
      session: () => this.sessionFor(cloudOf(kind, after ?? before ?? {}, fields)),
      id: sides.id,
      before,
      after,
      ...(declared === undefined ? {} : { declared }),
      ...(sides.live === undefined ? {} : { live: sides.live }),
      mark: marked,
    });
    // The data the source holds now, beside the data Glance has (`before.os_hash_value`): a changed file shows.
    const digest =
      after === undefined || sides.olds === undefined || docs.after === null ? undefined : await this.sourceDigest(kind, after, sides.olds);
    // A share names the plan's change of its image (its imageId is not known before the image is made).
    const link = fields.imageUrn === undefined ? {} : { image_address: address('image', parseUrn(fields.imageUrn).name) };
    const afterDoc = docs.after === null ? null : { ...docs.after, ...link, ...(digest === undefined ? {} : { os_hash_value: digest }) };
    return {
      cloud: targetOf(fields.cloud, fields.region),
      change: { address: where, kind, action: sides.action, before: docs.before, after: afterDoc },
    };
  }

  /**
   * The digest of the data a resource's declared source holds now (an image's file), when it can be told here:
   * undefined for a kind without sources, a value not known yet, a url, a file that is not there.
   */
  private async sourceDigest(kind: Kind, inputs: Bag, state: Bag): Promise<string | undefined> {
    const descriptor = kindDescriptors[kind];
    const source = inputs['source'];
    if (descriptor.sourceDigest === undefined || typeof source !== 'object' || source === null || unknownPaths(source).length > 0)
      return undefined;
    return descriptor.sourceDigest(inputs, state, this.files);
  }

  /** Decides one change with the cloud that applies it; a block's text, or undefined (advisories told). */
  private async decideOne(kind: Kind, name: string, sides: ChangeSides): Promise<{ decision: Decision; text: string | undefined }> {
    const { cloud, change } = await this.changeOf(kind, name, sides);
    const decision = await this.decideAs(cloud, [change]);
    return { decision, text: this.outcome(decision) };
  }

  /** Tells advisory violations; returns the text of a blocking decision (undefined when allowed or only reported). */
  private outcome(decision: Decision): string | undefined {
    if (decision.violations.length === 0) return undefined;
    // Reporting to a host that decides the plan from what it recorded: it prints them, once.
    if (this.mode === 'report') return undefined;
    if (decision.allowed) {
      this.notify({ message: formatDecision(decision).trimEnd(), severity: 'warning' });
      return undefined;
    }
    return formatDecision(decision);
  }

  /** Pulumi's check: schema problems per field, then (for a create) the policy. */
  async check(kind: Kind, olds: Bag, news: Bag): Promise<{ inputs: Bag; failures: { property: string; reason: string }[] }> {
    this.warmUp();
    const fields = layer(news);
    const checked = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news));
    const inputs = { ...news };
    const isCreate = Object.keys(schemaPart(kind, olds)).length === 0;
    // What only this machine can tell (a source file that is missing), once every value is known; said with the
    // schema's problems, every one at once.
    const descriptor = kindDescriptors[kind];
    const local =
      descriptor.localProblems !== undefined && unknownPaths(checked.inputs).length === 0
        ? descriptor.localProblems(checked.inputs, isCreate ? undefined : schemaPart(kind, olds))
        : [];
    // What another resource owns: refused here when this provider enforces; a whole-plan decision (its providers
    // only report) refuses every such create of the plan at once ({@link ProviderRuntime.claimsOf}).
    const claims =
      isCreate && this.mode === 'enforce' && descriptor.claimProblems !== undefined && unknownPaths(checked.inputs).length === 0
        ? descriptor.claimProblems(schemaPart(kind, news), this.markOf(fields.resourceUrn))
        : [];
    const problems = [...checked.problems, ...local, ...claims];
    if (problems.length > 0) return { inputs, failures: problems.map((p) => failure(`${p.field}: ${p.message} (rule: ${p.rule})`)) };
    // The engine checks a replacement again with no olds, after diff decided the replace: not a create.
    if (!isCreate || this.replacing.has(address(kind, fields.resourceName))) return { inputs, failures: [] };
    const { decision, text } = await this.decideOne(kind, fields.resourceName, { action: 'create', id: undefined, news });
    if (text === undefined) return { inputs, failures: [] };
    return {
      inputs,
      failures: decision.violations
        .filter((v) => v.level === 'mandatory')
        .map((v) => failure(`policy ${v.rule}: ${v.field === '' ? '' : `${v.field}: `}${v.message} (fix: ${v.remediation})`)),
    };
  }

  /**
   * A create's refusals of what another resource owns (a store another stack instance claims), each naming the
   * resource, the field, the ways out and the rule; told from this machine, no API call. `urn`: the resource's.
   */
  claimsOf(kind: Kind, name: string, urn: string, news: Bag): string[] {
    const descriptor = kindDescriptors[kind];
    if (descriptor.claimProblems === undefined) return [];
    // A provider with no key in the state yet (a new stack) has made nothing: every claim is another's.
    return descriptor
      .claimProblems(schemaPart(kind, news), this.markOf(urn) ?? '')
      .map((p) => `${address(kind, name)}: ${p.field}: ${p.message} (rule: ${p.rule})`);
  }

  /**
   * A create's refusals of what the live catalog holds for another owner (an image of the name that another stack
   * instance made), each with the ways out; read with the cloud that applies the resource (its own, else
   * `providerCloud`, its provider's). `urn`: the resource's.
   */
  async catalogClaimsOf(kind: Kind, name: string, urn: string, news: Bag, providerCloud?: string): Promise<string[]> {
    const descriptor = kindDescriptors[kind];
    if (descriptor.cataloged !== true || descriptor.catalogClaims === undefined) return [];
    const raw = schemaPart(kind, news);
    const own = layer(news);
    const cloud = cloudOf(kind, raw, own.cloud === undefined && providerCloud !== undefined ? { ...own, cloud: providerCloud } : own);
    const live = await this.catalog.images(this.cloudKey(cloud), this.sessionFor(cloud));
    return descriptor
      .catalogClaims(live, raw, this.markOf(urn))
      .map((p) => `${address(kind, name)}: ${p.field}: ${p.message} (rule: ${p.rule})`);
  }

  /**
   * The change of one resource as a CrossGuard policy pack sees it: new inputs only, no previous state. A resource
   * of the catalog (an image) is matched to the live catalog by name: a live image of that name makes it an update
   * of that image (before = the live image, properties the inputs do not name are assumed kept); otherwise a create.
   */
  async packChange(kind: Kind, urn: string, news: Bag): Promise<{ cloud: string | undefined; change: Change }> {
    const descriptor = kindDescriptors[kind];
    const fields = layer(news);
    const checked = checkKnown(kind, urn, schemaPart(kind, news));
    if (checked.problems.length > 0) throw new ResourceInputError(urn, checked.problems);
    const after = checked.inputs;
    if (descriptor.cataloged === true && descriptor.live !== undefined) {
      const target = targetOf(fields.cloud, fields.region);
      const session = this.sessionFor(target);
      const live = (await this.catalog.images(this.cloudKey(target), session)).find((image) => image.name === after['name']);
      if (live !== undefined) {
        const before = imageDocument(live);
        const after_ = marked(descriptor.live.apply(before, { document: before, wire: live }, {}, after));
        const change: Change = { address: urn, kind, action: 'update', before, after: after_ };
        return { cloud: target, change };
      }
    }
    return {
      cloud: targetOf(fields.cloud, fields.region),
      change: { address: urn, kind, action: 'create', before: null, after: documentOf(kind, after) },
    };
  }

  /**
   * Pulumi's diff: the schema's update/replace rules; for a change, the policy decides it (a block fails the
   * preview). A field the service does not keep (`x-live: false`) and the old state lacks (an imported resource)
   * comes from the state's inputs or the program, not a change. `diffs` names every changed field. `decide`
   * false: a refresh's diff, which only shows drift (nothing is applied after it).
   */
  async diff(
    kind: Kind,
    id: string,
    olds: Bag,
    news: Bag,
    oldInputs?: Bag,
    options: { readonly decide?: boolean } = {},
  ): Promise<{ changes: boolean; replaces: string[]; diffs: string[] }> {
    const fields = layer(news);
    const where = address(kind, fields.resourceName);
    const schemaFields = kindDescriptors[kind].schema().fields;
    const { before: oldRaw, adopted } = oldSide(kind, olds, news, oldInputs);
    const before = checkKnown(kind, where, oldRaw).inputs;
    const unknown = unknownPaths(schemaPart(kind, news))
      .map((p) => p.split(/[.[]/)[0] ?? p)
      .filter((u) => !adopted.has(u));
    const after = checkKnown(kind, where, schemaPart(kind, news)).inputs;
    const changed = diffInputs(kindDescriptors[kind].schema(), before, after);
    // The same source whose data is not what was uploaded (a file rebuilt at the same path): its data changes. A
    // file at another path whose data is what was uploaded (a second checkout's absolute path, a moved folder) is
    // no change: the data is compared, not where it lies.
    const recorded = olds['osHashValue'];
    const sourceChanged = changed.replaces.includes('source');
    const pathOnly = sourceChanged && isFileSource(before['source']) && isFileSource(after['source']);
    // At another path the file is hashed (the state's modification time and size are the old file's).
    const seen = pathOnly ? { ...olds, sourceModified: undefined } : olds;
    const digest = typeof recorded === 'string' && (pathOnly || !sourceChanged) ? await this.sourceDigest(kind, after, seen) : undefined;
    const moved = pathOnly && digest !== undefined && digest === recorded;
    const rebuilt = !sourceChanged && digest !== undefined && digest !== recorded ? ['source'] : [];
    // Another region is another resource. A region named where none was (or none where one was) is no change when
    // it is the cloud's own (a line given `regions` keeps its first region's resources as they are).
    const oldLayer = layer(oldInputs ?? olds);
    const otherRegion =
      (oldLayer.region !== undefined || fields.region !== undefined) &&
      this.regionOf(cloudOf(kind, before, oldLayer)) !== this.regionOf(cloudOf(kind, after, fields))
        ? ['region']
        : [];
    const replaces = [
      ...new Set([
        ...changed.replaces.filter((field) => !(moved && field === 'source')),
        ...otherRegion,
        ...rebuilt,
        ...unknown.filter((u) => schemaFields.find((f) => f.local === u)?.change === 'replace'),
      ]),
    ];
    // A state written before 0.3 has no `catalogMark`: the update rewrites the record's legacy mark with this stack
    // instance's (provider/resources/mark.ts); nothing else changes.
    const migrated = replaces.length === 0 && hasMarkOutput(kind) && !(markOutput in olds) ? [markOutput] : [];
    const updates = [...new Set([...changed.updates, ...unknown.filter((u) => !replaces.includes(u)), ...migrated])];
    if (replaces.length === 0 && updates.length === 0) return { changes: false, replaces: [], diffs: [] };
    const action: ChangeAction = replaces.length > 0 ? 'replace' : 'update';
    if (options.decide === false) return { changes: true, replaces, diffs: [...replaces, ...updates] };
    const { text } = await this.decideOne(kind, fields.resourceName, { action, id, olds, oldInputs, news });
    if (text !== undefined) throw new Error(`${where}: the catalog policy blocks this ${action}:\n${text}`);
    if (action === 'replace') this.replacing.set(where, id);
    return { changes: true, replaces, diffs: [...replaces, ...updates] };
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const settle = (): void => {
      this.inFlight.delete(work);
    };
    work.then(settle, settle);
    return work;
  }

  /**
   * Stops the work in flight because `reason` (the engine that started this provider is gone): creates stop their
   * upload, remove the record they made and fail. Resolves once all of it settled, or after `graceMs`.
   */
  async interrupt(reason: string, graceMs = 60_000): Promise<void> {
    this.interruption.abort(new Error(reason));
    const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), timer]);
  }

  /** Pulumi's create (the policy was decided by check just before). */
  async create(kind: Kind, news: Bag): Promise<{ id: string; outs: Bag }> {
    const descriptor = kindDescriptors[kind];
    const fields = layer(news);
    const raw = schemaPart(kind, news);
    const name = fields.resourceName;
    const cataloged = descriptor.cataloged === true && typeof raw['name'] === 'string';
    const mark = this.markOf(fields.resourceUrn);
    if (cataloged && mark !== undefined) this.catalog.creating(mark);
    const replaces = this.replacing.get(address(kind, name));
    const made = await this.track(
      descriptor.create(this.sessionFor(cloudOf(kind, raw, fields)), name, raw, {
        onProgress: progressReporter(this.notify, name, fields.resourceUrn),
        onNotice: (message) => this.notify({ message, severity: 'info', urn: fields.resourceUrn }),
        signal: this.interruption.signal,
        ...(mark === undefined ? {} : { creator: mark }),
        ...(replaces === undefined ? {} : { replaces }),
      }),
    );
    if (cataloged) this.catalog.created(made.id);
    return { id: made.id, outs: outs(kind, fields, { ...made.inputs }, made.outputs) };
  }

  /**
   * Pulumi's read (refresh, import): what the service has now, as outputs, and the inputs: a refresh keeps the
   * state's (what the program declared and the catalog applied: the outputs show the drift, and a diff against them
   * proposes to put it back); an import takes what the service has. `props`/`inputs` are the state's (absent for
   * an import). Undefined when the resource is gone; fields the service does not keep come from the state.
   */
  async read(
    kind: Kind,
    id: string,
    name: string,
    props: Bag | undefined,
    inputs: Bag | undefined,
  ): Promise<{ id: string; outs: Bag; inputs: Bag } | undefined> {
    const descriptor = kindDescriptors[kind];
    const prior = { ...props, ...inputs };
    const fields: LayerFields = { ...layer(prior), resourceName: name };
    const kept = { ...props, ...schemaPart(kind, inputs ?? props ?? {}) };
    const cloud = cloudOf(kind, schemaPart(kind, prior), fields);
    let found: Awaited<ReturnType<typeof descriptor.read>>;
    try {
      found = await descriptor.read(this.sessionFor(cloud), id, kept);
    } catch (err) {
      // An import's read gets the id only: the resource's own `cloud` is not known to it.
      if (props === undefined && isForbidden(err))
        throw new Error(
          `${address(kind, name)}: importing ${id} as ${cloud === undefined ? "the provider's cloud" : `cloud ${cloud}`} is not allowed (${(err as Error).message}); ` +
            "an import reads with its provider's cloud, not the resource's own `cloud`: give the resource a provider whose cloud may read it, " +
            "e.g. { provider: new Provider('admin', { cloud: 'admin' }) }",
          { cause: err },
        );
      throw err;
    }
    if (found === undefined) {
      if (props !== undefined && descriptor.isPublished?.(props) === true) throw vanishedPublished(kind, name, id, props);
      return undefined;
    }
    const declared = inputs === undefined ? found.inputs : schemaPart(kind, inputs);
    const withLayer = { ...pulumiNames(kind, declared), ...layerBag(fields) };
    return { id, inputs: withLayer, outs: outs(kind, fields, found.inputs, found.outputs, props) };
  }

  /** Pulumi's update (the policy was decided by diff just before). */
  async update(kind: Kind, id: string, olds: Bag, news: Bag, oldInputs?: Bag): Promise<{ outs: Bag }> {
    const descriptor = kindDescriptors[kind];
    const fields = layer(news);
    const name = fields.resourceName;
    const raw = schemaPart(kind, news);
    const before = checkKnown(kind, name, oldSide(kind, olds, news, oldInputs).before).inputs;
    const mark = this.markOf(fields.resourceUrn);
    const made = await this.track(
      descriptor.update(this.sessionFor(cloudOf(kind, raw, fields)), id, before, raw, name, mark === undefined ? {} : { creator: mark }),
    );
    if (descriptor.cataloged === true) this.catalog.changed();
    return { outs: outs(kind, fields, { ...made.inputs }, made.outputs, olds) };
  }

  /**
   * A function of the plugin (its Invoke): `getImage`, the lookup of a line's channel, and `getLineShares`, the
   * versions of a line shared with the caller (../resources/lookup.ts), with the cloud given, else the provider's.
   * Arguments that do not fit the function's schema are failures naming the field, before any request; a lookup
   * that finds nothing fails saying why.
   */
  async invoke(token: string, args: Bag): Promise<{ value: Bag } | { failures: { property: string; reason: string }[] }> {
    const name = Object.keys(lookupFunctions).find((n) => functionToken(n as keyof typeof lookupFunctions) === token) as
      keyof typeof lookupFunctions | undefined;
    if (name === undefined) throw new Error(`${token} is not a function of the ${packageName} provider`);
    let call = this.functionCalls.get(name);
    if (call === undefined) {
      call = lookupFunctions[name].prepare();
      this.functionCalls.set(name, call);
    }
    const result = await call(args, (cloud) => this.sessionFor(cloud));
    if ('errors' in result)
      return {
        failures: describeErrors(result.errors).map((p) => ({ property: p.field, reason: `${name}: ${p.field}: ${p.message}` })),
      };
    return { value: { ...result.value } };
  }

  /**
   * Pulumi's delete: the policy decides first (a block fails before any API call). A field the service does not
   * keep is not in the outputs of an imported resource (a store's config folder and reload command): it is taken
   * from the state's inputs (`oldInputs`), as for a change.
   */
  async remove(kind: Kind, id: string, outputs: Bag, oldInputs?: Bag): Promise<void> {
    const props = oldInputs === undefined ? outputs : { ...outputs, ...oldSide(kind, outputs, undefined, oldInputs).before };
    const descriptor = kindDescriptors[kind];
    const fields = layer(props);
    const inputs = schemaPart(kind, props);
    const session = this.sessionFor(cloudOf(kind, inputs, fields));
    let live: LiveDocument | undefined;
    if (descriptor.live !== undefined) {
      live = await descriptor.live.get(session, id);
      // Gone already: nothing to decide, nothing to delete.
      if (live === undefined) return;
    }
    const { text } = await this.decideOne(kind, fields.resourceName, {
      action: 'delete',
      id,
      olds: props,
      ...(live === undefined ? {} : { live }),
    });
    if (text !== undefined)
      throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this delete (nothing was deleted):\n${text}`);
    await this.track(descriptor.delete(session, id, checkKnown(kind, fields.resourceName, inputs).inputs, fields.resourceName));
    if (descriptor.cataloged === true) this.catalog.changed();
  }
}
