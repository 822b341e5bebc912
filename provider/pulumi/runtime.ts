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
import { reportOnly } from '../policy/data.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import { PolicyEngine } from '../policy/engine.js';
import { buildEnvelope, type Change, type ChangeAction, type Document } from '../policy/envelope.js';
import type { Bag, WireDocument } from '../resources/descriptor.js';
import { kindDescriptors, type Kind } from '../resources/kinds.js';
import { ResourceInputError, checkInputs, diffInputs, type InputProblem } from '../resources/schema.js';
import { decisionLogVariable, logDecision } from './decision-log.js';
import { idNames } from './tokens.js';

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
  /** The Pulumi URN (the provider plugin's calls): the creation mark of what it creates. */
  readonly resourceUrn?: string;
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

/** Where notices go: stderr, unless the plugin gives the engine's log (provider/pulumi/plugin/engine-log.ts). */
let notify: (notice: Notice) => void = (notice) => process.stderr.write(`${notice.message}\n`);

/** Sends the provider's notices to `sink` (the plugin: the engine's Log service). */
export function setNoticeSink(sink: (notice: Notice) => void): void {
  notify = sink;
}

let config: StackConfig | undefined;
const sessions = new Map<string, Session>();
let engine: Promise<PolicyEngine> | undefined;
const catalog = new RunCatalog();

/** Keeps the provider's settings (the plugin's Configure; image-catalog preview and the CrossGuard pack). */
export function configure(stackConfig: StackConfig): void {
  config = stackConfig;
  warmUp();
}

/**
 * Starts what the first decision needs (the policy bundle, a token and the catalog of the stack's cloud) while
 * the engine is still busy elsewhere; a failure here is left for the call that needs it to report.
 */
function warmUp(): void {
  policyEngine().catch(() => (engine = undefined));
  try {
    const session = sessionFor(undefined);
    session.identity().catch(() => undefined);
    catalog.images(cloudKey(undefined), session).catch(() => undefined);
  } catch {
    // No cloud configured: the first resource that needs one says so.
  }
}

function configValue(key: string): string | undefined {
  const value = config?.get(`image-catalog:${key}`);
  return value === undefined || value === '' ? undefined : value;
}

/** How the provider enforces: `enforce` (default) fails on a mandatory violation; `report` only reports (its caller decides the plan). */
function policyMode(): 'enforce' | 'report' {
  return reportOnly() ? 'report' : 'enforce';
}

function cloudKey(cloud: string | undefined): string {
  return cloud ?? configValue('cloud') ?? '(environment)';
}

/** The session of a cloud, resolved now (never stored): the resource's, the provider's, or the environment's. */
function sessionFor(cloud: string | undefined): Session {
  const name = cloud ?? configValue('cloud');
  const key = cloudKey(cloud);
  let session = sessions.get(key);
  if (session === undefined) {
    const document = configValue('clouds');
    const fromConfig =
      name !== undefined && document !== undefined
        ? resolveCloudFromDocument(name, document, 'stack config image-catalog:clouds')
        : undefined;
    session = new Session(fromConfig ?? resolveCloud(name));
    sessions.set(key, session);
  }
  return session;
}

function policyEngine(): Promise<PolicyEngine> {
  const override = configValue('policy');
  engine ??= PolicyEngine.load({
    overrides: override === undefined ? [] : [{ source: 'stack config image-catalog:policy', value: JSON.parse(override) as unknown }],
  });
  return engine;
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
  const resourceUrn = typeof bag['resourceUrn'] === 'string' ? bag['resourceUrn'] : undefined;
  return { resourceName, ...(cloud === undefined ? {} : { cloud }), ...(resourceUrn === undefined ? {} : { resourceUrn }) };
}

function address(kind: Kind, name: string): string {
  return `${kindDescriptors[kind].schema().title}::${name}`;
}

/** The cloud that applies a resource: its kind's own (a store's verifyCloud), else its `cloud`, else the provider's. */
function cloudOf(kind: Kind, inputs: Bag, fields: LayerFields): string | undefined {
  return kindDescriptors[kind].cloudOf(inputs) ?? fields.cloud;
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

/** The decision of changes applied by one cloud: its token's principal, the live catalog it sees. */
export async function decideAs(cloud: string | undefined, changes: readonly Change[]): Promise<Decision> {
  const session = sessionFor(cloud);
  const [policy, principal, images] = await Promise.all([policyEngine(), session.identity(), catalog.documents(cloudKey(cloud), session)]);
  const decision = policy.decide(buildEnvelope(principal, images, changes));
  logDecision(changes, decision);
  return decision;
}

async function decide(kind: Kind, fields: LayerFields, change: Omit<Change, 'address' | 'kind'>): Promise<Decision> {
  return decideAs(fields.cloud, [{ address: address(kind, fields.resourceName), kind, ...change }]);
}

/** The documents of a change (provider/policy/changes.ts), read with the cloud that applies it. */
function documents(
  kind: Kind,
  action: ChangeAction,
  id: string | undefined,
  fields: LayerFields,
  before: Bag | undefined,
  after: Bag | undefined,
  declared?: Bag,
): Promise<{ before: Document | null; after: Document | null }> {
  return changeDocuments(kindDescriptors[kind], action, {
    session: () => sessionFor(cloudOf(kind, after ?? before ?? {}, fields)),
    id,
    before,
    after,
    ...(declared === undefined ? {} : { declared }),
    mark: marked,
  });
}

/**
 * The change of one step of a plan (`pulumi preview` step events), as the plugin would decide it: `olds` are the
 * step's old outputs, `news` its new inputs. Returns the cloud that applies it with the change.
 */
export async function planChange(
  kind: Kind,
  action: ChangeAction,
  id: string | undefined,
  olds: Bag | undefined,
  news: Bag | undefined,
  urn: string,
): Promise<{ cloud: string | undefined; change: Change }> {
  const fields = layer(news ?? olds ?? {});
  // The old state as it is (an imported image has no source: it is not checked as a program's inputs).
  const before = olds === undefined ? undefined : checkKnown(kind, urn, schemaPart(kind, olds)).inputs;
  const after = news === undefined ? undefined : checkKnown(kind, urn, schemaPart(kind, news)).inputs;
  const docs = await documents(kind, action, id, fields, before, after);
  return { cloud: fields.cloud, change: { address: urn, kind, action, ...docs } };
}

/** Prints advisory violations; returns the text of a blocking decision (undefined when allowed or only reported). */
function outcome(decision: Decision): string | undefined {
  if (decision.violations.length === 0) return undefined;
  if (decision.allowed || policyMode() === 'report') {
    // Reporting to a caller that reads the decision log (runStack, image-catalog preview): it prints them, once.
    if (!(policyMode() === 'report' && (process.env[decisionLogVariable] ?? '') !== ''))
      notify({ message: formatDecision(decision).trimEnd(), severity: 'warning' });
    return undefined;
  }
  return formatDecision(decision);
}

/**
 * A check failure. Its text names the field; the failure's `property` stays empty because Pulumi prints the
 * property's value beside a named property, and a value can hold a secret (a store's options).
 */
function failure(reason: string): { property: string; reason: string } {
  return { property: '', reason };
}

/**
 * Resources whose replace diff decided (and allowed) in this provider process, with the id of what they replace:
 * the engine then checks the replacement again with empty olds (to compute its inputs as for a new resource), and
 * that check must not decide it again as a create: its `before` is the image it replaces, whose name it may keep.
 */
const replacing = new Map<string, string>();

/** Pulumi's check: schema problems per field, then (for a create) the policy. */
export async function check(kind: Kind, olds: Bag, news: Bag): Promise<{ inputs: Bag; failures: { property: string; reason: string }[] }> {
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
  const problems = [...checked.problems, ...local];
  if (problems.length > 0) return { inputs, failures: problems.map((p) => failure(`${p.field}: ${p.message} (rule: ${p.rule})`)) };
  // The engine checks a replacement again with no olds, after diff decided the replace: not a create.
  if (!isCreate || replacing.has(address(kind, fields.resourceName))) return { inputs, failures: [] };
  // What an interrupted create of this resource left carries its URN: its create finishes or removes it, so it
  // holds no name against this one.
  if (descriptor.cataloged === true && fields.resourceUrn !== undefined) catalog.creating(fields.resourceUrn);
  const decision = await decide(kind, fields, { action: 'create', before: null, after: documentOf(kind, checked.inputs) });
  const text = outcome(decision);
  if (text === undefined) return { inputs, failures: [] };
  return {
    inputs,
    failures: decision.violations
      .filter((v) => v.level === 'mandatory')
      .map((v) => failure(`policy ${v.rule}: ${v.field === '' ? '' : `${v.field}: `}${v.message} (fix: ${v.remediation})`)),
  };
}

/**
 * The change of one resource as a CrossGuard policy pack sees it: new inputs only, no previous state. A resource
 * of the catalog (an image) is matched to the live catalog by name: a live image of that name makes it an update
 * of that image (before = the live image, properties the inputs do not name are assumed kept); otherwise a create.
 */
export async function packChange(kind: Kind, urn: string, news: Bag): Promise<{ cloud: string | undefined; change: Change }> {
  const descriptor = kindDescriptors[kind];
  const fields = layer(news);
  const checked = checkKnown(kind, urn, schemaPart(kind, news));
  if (checked.problems.length > 0) throw new ResourceInputError(urn, checked.problems);
  const after = checked.inputs;
  if (descriptor.cataloged === true && descriptor.live !== undefined) {
    const session = sessionFor(fields.cloud);
    const live = (await catalog.images(cloudKey(fields.cloud), session)).find((image) => image.name === after['name']);
    if (live !== undefined) {
      const before = imageDocument(live);
      const after_ = marked(descriptor.live.apply(before, { document: before, wire: live }, {}, after));
      const change: Change = { address: urn, kind, action: 'update', before, after: after_ };
      return { cloud: fields.cloud, change };
    }
  }
  return { cloud: fields.cloud, change: { address: urn, kind, action: 'create', before: null, after: documentOf(kind, after) } };
}

/**
 * The old side of a change with the adopted fields filled in: a field the service does not keep (`x-live: false`)
 * that the old state lacks (an imported resource) takes the program's known value, so it is not a change.
 */
function withAdopted(kind: Kind, olds: Bag, news: Bag, oldInputs?: Bag): { before: Bag; adopted: ReadonlySet<string> } {
  const known = schemaPart(kind, oldInputs ?? olds);
  const adopted = new Set(
    kindDescriptors[kind]
      .schema()
      .fields.filter((f) => !f.live && known[f.local] === undefined)
      .map((f) => f.local),
  );
  const values = Object.entries(schemaPart(kind, news)).filter(([k, v]) => adopted.has(k) && unknownPaths(v).length === 0);
  return { before: { ...schemaPart(kind, olds), ...Object.fromEntries(values) }, adopted };
}
/**
 * Pulumi's diff: the schema's update/replace rules; for a change, the policy decides it (a block fails the
 * preview). A field the service does not keep (`x-live: false`) and the old state lacks (an imported resource)
 * is adopted from the program, not a change. `diffs` names every changed field.
 */
export async function diff(
  kind: Kind,
  id: string,
  olds: Bag,
  news: Bag,
  oldInputs?: Bag,
  options: { readonly decide?: boolean } = {},
): Promise<{ changes: boolean; replaces: string[]; diffs: string[] }> {
  const fields = layer(news);
  const schemaFields = kindDescriptors[kind].schema().fields;
  const { before: oldRaw, adopted } = withAdopted(kind, olds, news, oldInputs);
  const before = checkInputs(kindDescriptors[kind].schema(), address(kind, fields.resourceName), oldRaw) as Bag;
  const unknown = unknownPaths(schemaPart(kind, news))
    .map((p) => p.split(/[.[]/)[0] ?? p)
    .filter((u) => !adopted.has(u));
  const after = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news)).inputs;
  const changed = diffInputs(kindDescriptors[kind].schema(), before, after);
  const replaces = [
    ...new Set([...changed.replaces, ...unknown.filter((u) => schemaFields.find((f) => f.local === u)?.change === 'replace')]),
  ];
  const updates = [...new Set([...changed.updates, ...unknown.filter((u) => !replaces.includes(u))])];
  if (replaces.length === 0 && updates.length === 0) return { changes: false, replaces: [], diffs: [] };
  const action: ChangeAction = replaces.length > 0 ? 'replace' : 'update';
  // A refresh's diff only shows drift: nothing is applied after it (options.decide false).
  if (options.decide === false) return { changes: true, replaces, diffs: [...replaces, ...updates] };
  const declared =
    oldInputs === undefined
      ? undefined
      : checkKnown(kind, address(kind, fields.resourceName), withAdopted(kind, oldInputs, news).before).inputs;
  const docs = await documents(kind, action, id, fields, before, after, declared);
  const text = outcome(await decide(kind, fields, { action, ...docs }));
  if (text !== undefined) throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this ${action}:\n${text}`);
  if (action === 'replace') replacing.set(address(kind, fields.resourceName), id);
  return { changes: true, replaces, diffs: [...replaces, ...updates] };
}

function progressReporter(name: string, urn: string | undefined): (p: { bytes: number; total: number | undefined; rate: number }) => void {
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

/** The outputs: the checked inputs, what the service reports and the layer's fields, under their Pulumi names. */
function outs(kind: Kind, fields: LayerFields, inputs: Bag, reported: Bag): Bag {
  return {
    ...pulumiNames(kind, inputs),
    ...pulumiNames(kind, reported),
    resourceName: fields.resourceName,
    ...(fields.cloud === undefined ? {} : { cloud: fields.cloud }),
  };
}

/** Stopped when the engine that runs this provider is gone: creates in flight remove what they made and fail. */
const interruption = new AbortController();
/** The changes in flight (creates, updates, deletes), each settled or not. */
const inFlight = new Set<Promise<unknown>>();

function track<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work);
  const settle = (): void => {
    inFlight.delete(work);
  };
  work.then(settle, settle);
  return work;
}

/**
 * Stops the work in flight because `reason` (the engine that started this provider is gone): creates stop their
 * upload, remove the record they made and fail. Resolves once all of it settled, or after `graceMs`.
 */
export async function interrupt(reason: string, graceMs = 60_000): Promise<void> {
  interruption.abort(new Error(reason));
  const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.allSettled([...inFlight]), timer]);
}

/** Pulumi's create (the policy was decided by check just before). */
export async function create(kind: Kind, news: Bag): Promise<{ id: string; outs: Bag }> {
  const descriptor = kindDescriptors[kind];
  const fields = layer(news);
  const raw = schemaPart(kind, news);
  const name = fields.resourceName;
  const cataloged = descriptor.cataloged === true && typeof raw['name'] === 'string';
  if (cataloged && fields.resourceUrn !== undefined) catalog.creating(fields.resourceUrn);
  const replaces = replacing.get(address(kind, name));
  const made = await track(
    descriptor.create(sessionFor(cloudOf(kind, raw, fields)), name, raw, {
      onProgress: progressReporter(name, fields.resourceUrn),
      onNotice: (message) => notify({ message, severity: 'info', urn: fields.resourceUrn }),
      signal: interruption.signal,
      ...(fields.resourceUrn === undefined ? {} : { creator: fields.resourceUrn }),
      ...(replaces === undefined ? {} : { replaces }),
    }),
  );
  if (cataloged) catalog.created(made.id);
  return { id: made.id, outs: outs(kind, fields, { ...made.inputs }, made.outputs) };
}

/** A published resource that vanished: refresh reports it instead of dropping it (a later up would re-create it). */
function vanishedPublished(kind: Kind, name: string, id: string, olds: Bag): Error {
  return new Error(
    `${address(kind, name)}: ${id} (${typeof olds['name'] === 'string' ? olds['name'] : name}) was published and is gone from the Image Service (deleted outside this stack). ` +
      'A published version is never re-created under its name (rule: immutability): publish the next version instead, ' +
      `and forget this one with \`pulumi state delete\` of its URN (or restore it in Glance under id ${id}).`,
  );
}

/**
 * Pulumi's read (refresh, import): what the service has now, as outputs, and the inputs: a refresh keeps the
 * state's (what the program declared and the catalog applied: the outputs show the drift, and a diff against them
 * proposes to put it back); an import takes what the service has. `props`/`inputs` are the state's (absent for
 * an import). Undefined when the resource is gone; fields the service does not keep come from the state.
 */
export async function read(
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
    found = await descriptor.read(sessionFor(cloud), id, kept);
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
  const withLayer = { ...pulumiNames(kind, declared), ...(fields.cloud === undefined ? {} : { cloud: fields.cloud }) };
  return { id, inputs: withLayer, outs: outs(kind, fields, found.inputs, found.outputs) };
}

/** Pulumi's update (the policy was decided by diff just before). */
export async function update(kind: Kind, id: string, olds: Bag, news: Bag): Promise<{ outs: Bag }> {
  const descriptor = kindDescriptors[kind];
  const fields = layer(news);
  const name = fields.resourceName;
  const raw = schemaPart(kind, news);
  const before = checkKnown(kind, name, withAdopted(kind, olds, news).before).inputs;
  const made = await track(descriptor.update(sessionFor(cloudOf(kind, raw, fields)), id, before, raw, name));
  if (descriptor.cataloged === true) catalog.changed();
  return { outs: outs(kind, fields, { ...made.inputs }, made.outputs) };
}

/** Pulumi's delete: the policy decides first (a block fails before any API call). */
export async function remove(kind: Kind, id: string, props: Bag): Promise<void> {
  const descriptor = kindDescriptors[kind];
  const fields = layer(props);
  const inputs = schemaPart(kind, props);
  const session = sessionFor(cloudOf(kind, inputs, fields));
  let before: Document;
  if (descriptor.live !== undefined) {
    const live = await descriptor.live.get(session, id);
    // Gone already: nothing to decide, nothing to delete.
    if (live === undefined) return;
    before = live.document;
  } else {
    before = documentOf(kind, inputs);
  }
  const text = outcome(await decide(kind, fields, { action: 'delete', before, after: null }));
  if (text !== undefined)
    throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this delete (nothing was deleted):\n${text}`);
  await track(descriptor.delete(session, id, checkKnown(kind, fields.resourceName, inputs).inputs, fields.resourceName));
  if (descriptor.cataloged === true) catalog.changed();
}
