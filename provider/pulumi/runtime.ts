/**
 * What the dynamic providers run, inside Pulumi's provider process: check, diff, create, update and delete of
 * each kind over provider/resources, with the catalog policy decided before anything is applied.
 *
 * This module is never serialized into the stack: the providers of ./provider.ts import it by URL inside their
 * methods. Credentials are resolved here, at run time: a resource's `cloud` (a clouds.yaml name), else the stack
 * config `image-catalog:cloud`, else OS_CLOUD / OS_*; a clouds.yaml document may come from the secret stack
 * config `image-catalog:clouds`.
 *
 * Where the policy is decided (the engine calls check before every create, during preview and again during up,
 * and diff before every update or replace):
 * - create: in check (olds are empty) — a mandatory violation is a check failure, so the preview fails;
 * - update, replace: in diff, with the live image as `before` — a mandatory violation fails the diff;
 * - delete: in delete, before any API call.
 * Advisory violations are written to stderr, which Pulumi shows as the stack's diagnostics.
 */
import { unknownValue } from '@pulumi/pulumi/runtime/rpc.js';
import { resolveCloud, resolveCloudFromDocument } from '../client/config.js';
import { isNotFound } from '../client/errors.js';
import { getImage, imageDocument, snapshotImages, type ImageWire } from '../client/images.js';
import { Session } from '../client/session.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import { PolicyEngine } from '../policy/engine.js';
import { buildEnvelope, type Change, type ChangeAction, type Document, type Principal } from '../policy/envelope.js';
import { applyAcceptance, acceptanceSchema, deleteAcceptance, type AcceptanceInputs } from '../resources/acceptance/acceptance.js';
import {
  createImageResource,
  deleteImageResource,
  imageInputsFromLive,
  imageOutputs,
  imageRecord,
  publishedMark,
  imageSchema,
  updateImageResource,
  withPublishMark,
  type ImageInputs,
} from '../resources/image/image.js';
import { createMemberResource, deleteMemberResource, memberSchema, readMemberResource } from '../resources/member/member.js';
import { ResourceInputError, checkInputs, diffInputs, type InputProblem, type ResourceSchema } from '../resources/schema.js';
import { applyStoreResource, deleteStoreResource, readStoreResource, storeSchema, type StoreInputs } from '../resources/store/store.js';

import { kindSchemas } from '../resources/kinds.js';
import { decisionLogVariable, logDecision } from './decision-log.js';
import type { Kind } from './tokens.js';

/** The stack config a dynamic provider's configure() receives. */
export interface StackConfig {
  get(key: string): string | undefined;
}

/** Inputs every Pulumi resource of this package adds to its kind's schema. */
interface LayerFields {
  /** The Pulumi resource name (the envelope's address; messages). */
  readonly resourceName: string;
  /** The clouds.yaml cloud that applies it (not a secret: a name). */
  readonly cloud?: string;
}

type Bag = Record<string, unknown>;

const schemas: Record<Kind, () => ResourceSchema<object>> = kindSchemas;

let config: StackConfig | undefined;
const sessions = new Map<string, Session>();
let engine: Promise<PolicyEngine> | undefined;
const catalogs = new Map<string, { at: number; images: Promise<ImageWire[]> }>();

/** Keeps the stack config (called once per provider by Pulumi's dynamic provider host). */
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
    liveCatalog(undefined, session).catch(() => undefined);
  } catch {
    // No cloud configured: the first resource that needs one says so.
  }
}

function configValue(key: string): string | undefined {
  const value = config?.get(`image-catalog:${key}`);
  return value === undefined || value === '' ? undefined : value;
}

/** How the provider enforces: `enforce` (default) fails on a mandatory violation; `report` only prints (image-catalog preview decides as a whole). */
function policyMode(): 'enforce' | 'report' {
  return process.env['IMAGE_CATALOG_POLICY_MODE'] === 'report' ? 'report' : 'enforce';
}

/** The session of a cloud, resolved now (never stored): the resource's, the stack's, or the environment's. */
function sessionFor(cloud: string | undefined): Session {
  const name = cloud ?? configValue('cloud');
  const key = name ?? '(environment)';
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

/**
 * Images this process creates: part of the change set being applied, not of the catalog it is checked against.
 * By id once created; by name (and a creation time after this process started) while the upload runs.
 */
const createdHere = new Set<string>();
const creatingNames = new Set<string>();
const startedAt = Date.now();

function ours(image: ImageWire): boolean {
  if (createdHere.has(image.id)) return true;
  const created = Date.parse(String(image['created_at']));
  return image.name !== null && creatingNames.has(image.name) && created >= startedAt - 1000;
}

/**
 * The live catalog as `cloud` sees it, before this run's own creates: during `pulumi up`, the engine checks
 * each resource just before creating it, so without this v1.3 of a family created a moment earlier would make
 * the check of v1.2 (declared in the same program) fail the versioning rule. One snapshot serves the calls of
 * a few seconds (a preview's burst of checks).
 */
async function liveCatalog(cloud: string | undefined, session: Session): Promise<ImageWire[]> {
  const key = cloud ?? configValue('cloud') ?? '(environment)';
  let known = catalogs.get(key);
  if (known === undefined || Date.now() - known.at >= 5_000) {
    const images = snapshotImages(session);
    known = { at: Date.now(), images };
    catalogs.set(key, known);
    images.catch(() => catalogs.delete(key));
  }
  return (await known.images).filter((image) => !ours(image));
}

/** The unknown marker of the envelope for Pulumi's unknown values (preview outputs not yet known). */
function markUnknowns(value: unknown): unknown {
  if (value === unknownValue) return { $unknown: true };
  if (Array.isArray(value)) return value.map(markUnknowns);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markUnknowns(v)]));
  return value;
}

function unknownPaths(value: unknown, path = ''): string[] {
  if (value === unknownValue) return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    unknownPaths(v, path === '' ? k : Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`),
  );
}

/** The schema's fields of a property bag (Pulumi adds `__provider`; outputs add server fields). */
function schemaPart(kind: Kind, bag: Bag): Bag {
  const fields = new Set(schemas[kind]().fields.map((f) => f.local));
  // A store's `id` is `storeId` in Pulumi (`id` is every resource's own output).
  const renamed = kind === 'store' ? { ...bag, id: bag['storeId'] } : bag;
  return Object.fromEntries(Object.entries(renamed).filter(([k, v]) => fields.has(k) && v !== undefined));
}

function layer(bag: Bag): LayerFields {
  const resourceName = typeof bag['resourceName'] === 'string' ? bag['resourceName'] : '(unnamed)';
  const cloud = typeof bag['cloud'] === 'string' ? bag['cloud'] : undefined;
  return { resourceName, ...(cloud === undefined ? {} : { cloud }) };
}

function address(kind: Kind, name: string): string {
  return `${schemas[kind]().title}::${name}`;
}

/** The envelope document of checked inputs (Glance's wire names; unknowns marked). */
function documentOf(kind: Kind, inputs: Bag): Document {
  switch (kind) {
    case 'image':
      return markUnknowns(imageRecord(inputs as unknown as ImageInputs)) as Document;
    case 'member':
      return markUnknowns({ image_id: inputs['imageId'], member_id: inputs['memberProjectId'], status: 'pending' }) as Document;
    case 'acceptance':
      return markUnknowns({ image_id: inputs['imageId'], member_id: inputs['memberProjectId'], status: inputs['status'] }) as Document;
    case 'store': {
      // Never the options: they can hold secrets, and no rule reads them.
      return markUnknowns({
        id: inputs['id'],
        type: inputs['type'],
        is_default: inputs['isDefault'],
        read_only: inputs['type'] === 'http',
      }) as Document;
    }
  }
}

/** Checks inputs, ignoring problems of values still unknown (they are checked again once known). */
function checkKnown(kind: Kind, name: string, inputs: Bag): { inputs: Bag; problems: InputProblem[] } {
  const unknown = unknownPaths(inputs);
  try {
    return { inputs: checkInputs(schemas[kind](), name, inputs) as Bag, problems: [] };
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
  const [policy, principal, images] = await Promise.all([policyEngine(), session.identity(), liveCatalog(cloud, session)]);
  const who: Principal = principal;
  const decision = policy.decide(buildEnvelope(who, images.map(imageDocument), changes));
  logDecision(changes, decision);
  return decision;
}

async function decide(kind: Kind, fields: LayerFields, change: Omit<Change, 'address' | 'kind'>): Promise<Decision> {
  return decideAs(fields.cloud, [{ address: address(kind, fields.resourceName), kind, ...change }]);
}

/**
 * The change of one step of a plan (`pulumi preview --json`), as the provider would decide it: `olds` are the
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
  const docs = await changeDocs(kind, action, id, fields.cloud, before, after);
  return { cloud: fields.cloud, change: { address: urn, kind, action, ...docs } };
}

/**
 * The `before`/`after` documents of a change from checked inputs. An existing image's `before` is the live
 * image (its publish mark and live properties included); an update's `after` is that image with the declared
 * fields applied; a replace's `after` is the new inputs.
 */
async function changeDocs(
  kind: Kind,
  action: ChangeAction,
  id: string | undefined,
  cloud: string | undefined,
  before: Bag | undefined,
  after: Bag | undefined,
  declared?: Bag,
): Promise<{ before: Document | null; after: Document | null }> {
  const afterDoc = after === undefined ? null : documentOf(kind, after);
  if (before === undefined) return { before: null, after: afterDoc };
  if (kind !== 'image' || id === undefined) return { before: documentOf(kind, before), after: afterDoc };
  const live = await liveBefore(sessionFor(cloud), id, before);
  // What the catalog last applied: the live image with the state's declared fields (a refresh keeps them). A field
  // changed out of band then counts as drift, and putting it back is no change of the published image.
  const applied = declared === undefined ? live.doc : imageAfter(live.doc, live.live, {}, declared);
  return {
    before: applied,
    after: action === 'update' && after !== undefined ? imageAfter(applied, live.live, before, after) : afterDoc,
  };
}

/** Prints advisory violations; returns the text of a blocking decision (undefined when allowed or only reported). */
function outcome(decision: Decision): string | undefined {
  if (decision.violations.length === 0) return undefined;
  if (decision.allowed || policyMode() === 'report') {
    // Reporting to a caller that reads the decision log (runStack, image-catalog preview): it prints them, once.
    if (!(policyMode() === 'report' && (process.env[decisionLogVariable] ?? '') !== '')) process.stderr.write(formatDecision(decision));
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
 * Resources whose replace diff decided (and allowed) in this provider process: the engine then checks the
 * replacement again with empty olds (to compute its inputs as for a new resource), and that check must not
 * decide it again as a create: its `before` is the image it replaces, whose name it may keep.
 */
const replacing = new Set<string>();

/** Pulumi's check: schema problems per field, then (for a create) the policy. */
export async function check(kind: Kind, olds: Bag, news: Bag): Promise<{ inputs: Bag; failures: { property: string; reason: string }[] }> {
  const fields = layer(news);
  const checked = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news));
  const inputs = { ...news };
  if (checked.problems.length > 0) {
    return {
      inputs,
      failures: checked.problems.map((p) => failure(`${p.field}: ${p.message} (rule: ${p.rule})`)),
    };
  }
  const isCreate = Object.keys(schemaPart(kind, olds)).length === 0;
  // The engine checks a replacement again with no olds, after diff decided the replace: not a create.
  if (!isCreate || replacing.has(address(kind, fields.resourceName))) return { inputs, failures: [] };
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

/** The live image as the envelope's `before` (the published mark and live properties included); the old inputs when it is gone. */
async function liveBefore(session: Session, id: string, olds: Bag): Promise<{ doc: Document; live: ImageWire | undefined }> {
  try {
    const live = await getImage(session, id);
    return { doc: imageDocument(live), live };
  } catch (err) {
    if (!isNotFound(err)) throw err;
    return { doc: { ...imageRecord(olds as unknown as ImageInputs), id }, live: undefined };
  }
}

/**
 * The change of one resource as a CrossGuard policy pack sees it: new inputs only, no previous state. An image is
 * matched to the live catalog by name: a live image of that name makes it an update of that image (before = the
 * live image, properties the inputs do not name are assumed kept); otherwise it is a create.
 */
export async function packChange(kind: Kind, urn: string, news: Bag): Promise<{ cloud: string | undefined; change: Change }> {
  const fields = layer(news);
  const checked = checkKnown(kind, urn, schemaPart(kind, news));
  if (checked.problems.length > 0) throw new ResourceInputError(urn, checked.problems);
  const after = checked.inputs;
  if (kind === 'image') {
    const session = sessionFor(fields.cloud);
    const live = (await liveCatalog(fields.cloud, session)).find((image) => image.name === after['name']);
    if (live !== undefined) {
      const before = imageDocument(live);
      return { cloud: fields.cloud, change: { address: urn, kind, action: 'update', before, after: imageAfter(before, live, {}, after) } };
    }
  }
  return { cloud: fields.cloud, change: { address: urn, kind, action: 'create', before: null, after: documentOf(kind, after) } };
}

/** What the image will be after an in-place update: the live image with the declared fields and properties applied. */
function imageAfter(before: Document, live: ImageWire | undefined, olds: Bag, news: Bag): Document {
  const declared = withPublishMark(imageRecord(news as unknown as ImageInputs), live);
  const removed = Object.keys((olds['properties'] as Bag | undefined) ?? {}).filter((k) => !(k in declared.properties));
  const kept = Object.entries((before['properties'] as Record<string, string> | undefined) ?? {}).filter(([k]) => !removed.includes(k));
  return markUnknowns({ ...before, ...declared, properties: { ...Object.fromEntries(kept), ...declared.properties } }) as Document;
}

/**
 * The old side of a change with the adopted fields filled in: a field the service does not keep (`x-live: false`)
 * that the old state lacks (an imported resource) takes the program's known value, so it is not a change.
 */
function withAdopted(kind: Kind, olds: Bag, news: Bag, oldInputs?: Bag): { before: Bag; adopted: ReadonlySet<string> } {
  const known = schemaPart(kind, oldInputs ?? olds);
  const adopted = new Set(
    schemas[kind]()
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
  const schemaFields = schemas[kind]().fields;
  const { before: oldRaw, adopted } = withAdopted(kind, olds, news, oldInputs);
  const before = checkInputs(schemas[kind](), address(kind, fields.resourceName), oldRaw) as Bag;
  const unknown = unknownPaths(schemaPart(kind, news))
    .map((p) => p.split(/[.[]/)[0] ?? p)
    .filter((u) => !adopted.has(u));
  const after = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news)).inputs;
  const changed = diffInputs(schemas[kind](), before, after);
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
  const docs = await changeDocs(kind, action, id, fields.cloud, before, after, declared);
  const text = outcome(await decide(kind, fields, { action, ...docs }));
  if (text !== undefined) throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this ${action}:\n${text}`);
  if (action === 'replace') replacing.add(address(kind, fields.resourceName));
  return { changes: true, replaces, diffs: [...replaces, ...updates] };
}

function progressReporter(name: string): (p: { bytes: number; total: number | undefined; rate: number }) => void {
  let lastStep = -1;
  return (p) => {
    const mib = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
    const step = p.total === undefined || p.total === 0 ? Math.floor(p.bytes / 104857600) : Math.floor((p.bytes / p.total) * 10);
    if (step === lastStep) return;
    lastStep = step;
    const share = p.total === undefined || p.total === 0 ? '' : ` (${Math.round((p.bytes / p.total) * 100)}%)`;
    process.stderr.write(
      `Image "${name}": uploaded ${mib(p.bytes)}${p.total === undefined ? '' : ` of ${mib(p.total)}`}${share}, ${(p.rate / 1e6).toFixed(1)} MB/s\n`,
    );
  };
}

/** The outputs: the checked inputs, the layer fields and what the service reports. */
function outs(kind: Kind, fields: LayerFields, inputs: Bag, extra: Bag): Bag {
  const named = kind === 'store' ? storeNames(inputs) : inputs;
  return { ...named, resourceName: fields.resourceName, ...(fields.cloud === undefined ? {} : { cloud: fields.cloud }), ...extra };
}

function imageExtra(image: ImageWire | ReturnType<typeof imageOutputs>): Bag {
  const o = 'osHashAlgo' in image ? image : imageOutputs(image);
  const { id, ...rest } = o as ReturnType<typeof imageOutputs>;
  return { imageId: id, ...rest };
}

/** Pulumi's create (the policy was decided by check just before). */
export async function create(kind: Kind, news: Bag): Promise<{ id: string; outs: Bag }> {
  const fields = layer(news);
  const raw = schemaPart(kind, news);
  const name = fields.resourceName;
  switch (kind) {
    case 'image': {
      if (typeof raw['name'] === 'string') creatingNames.add(raw['name']);
      const made = await createImageResource(sessionFor(fields.cloud), name, raw, { onProgress: progressReporter(name) });
      createdHere.add(made.outputs.id);
      return { id: made.outputs.id, outs: outs(kind, fields, made.inputs as unknown as Bag, imageExtra(made.outputs)) };
    }
    case 'member': {
      const made = await createMemberResource(sessionFor(fields.cloud), name, raw);
      return {
        id: made.id,
        outs: outs(kind, fields, checkInputs(memberSchema(), name, raw) as unknown as Bag, { memberStatus: made.member.status }),
      };
    }
    case 'acceptance': {
      const inputs = checkInputs(acceptanceSchema(), name, raw);
      const made = await applyAcceptance(sessionFor(inputs.cloud), name, inputs);
      return { id: made.id, outs: outs(kind, fields, made.inputs as unknown as Bag, {}) };
    }
    case 'store': {
      const inputs = checkInputs(storeSchema(), name, raw);
      const made = await applyStoreResource(sessionFor(inputs.verifyCloud ?? fields.cloud), name, inputs);
      return { id: made.outputs.id, outs: outs(kind, fields, made.inputs as unknown as Bag, { fragment: made.outputs.fragment }) };
    }
  }
}

/** A published image that vanished: refresh reports it instead of dropping it (a later up would re-create it). */
function vanishedPublished(name: string, id: string, olds: Bag): Error {
  return new Error(
    `${address('image', name)}: image ${id} (${String(olds['name'])}) was published and is gone from the Image Service (deleted outside this stack). ` +
      'A published version is never re-created under its name (rule: immutability): publish the next version instead, ' +
      `and forget this one with \`pulumi state delete\` of its URN (or restore it in Glance under id ${id}).`,
  );
}

/**
 * Pulumi's read (refresh, import): what the service has now, as outputs and as the inputs a program would declare.
 * `props`/`inputs` are the state's (absent for an import). Undefined when the resource is gone; fields the service
 * does not keep come from the state.
 */
export async function read(
  kind: Kind,
  id: string,
  name: string,
  props: Bag | undefined,
  inputs: Bag | undefined,
): Promise<{ id: string; outs: Bag; inputs: Bag } | undefined> {
  const prior = { ...props, ...inputs };
  const fields: LayerFields = { ...layer(prior), resourceName: name };
  const kept = schemaPart(kind, inputs ?? props ?? {});
  const withLayer = (bag: Bag): Bag => ({ ...bag, ...(fields.cloud === undefined ? {} : { cloud: fields.cloud }) });
  switch (kind) {
    case 'image': {
      let live: ImageWire;
      try {
        live = await getImage(sessionFor(fields.cloud), id);
      } catch (err) {
        if (!isNotFound(err)) throw err;
        const published =
          props !== undefined && (props['visibility'] !== 'private' || publishedMark in ((props['properties'] as Bag | undefined) ?? {}));
        if (published) throw vanishedPublished(name, id, props);
        return undefined;
      }
      const declared = imageInputsFromLive(live, kept);
      // A refresh keeps the state's inputs (what the program declared and the catalog applied): the outputs show
      // the drift, and a diff against them proposes to put it back. An import takes what Glance has.
      const inputsKept = inputs === undefined ? declared : schemaPart(kind, inputs);
      return { id, inputs: withLayer(inputsKept), outs: outs(kind, fields, declared, imageExtra(live)) };
    }
    case 'member': {
      const member = await readMemberResource(sessionFor(fields.cloud), id);
      if (member === undefined) return undefined;
      const declared = { imageId: member.image_id, memberProjectId: member.member_id };
      return { id, inputs: withLayer(declared), outs: outs(kind, fields, declared, { memberStatus: member.status }) };
    }
    case 'acceptance': {
      const member = await readMemberResource(sessionFor(fields.cloud), id);
      // A withdrawn answer is pending again: the acceptance is gone.
      if (member === undefined || member.status === 'pending') return undefined;
      const declared = { imageId: member.image_id, memberProjectId: member.member_id, status: member.status };
      return { id, inputs: withLayer(declared), outs: outs(kind, fields, declared, {}) };
    }
    case 'store': {
      const admin = sessionFor((prior['verifyCloud'] as string | undefined) ?? fields.cloud);
      const declared = await readStoreResource(admin, id, kept);
      if (declared === undefined) return undefined;
      const fragment = typeof props?.['fragment'] === 'string' ? props['fragment'] : '';
      return { id, inputs: withLayer(storeNames(declared)), outs: outs(kind, fields, declared, { fragment }) };
    }
  }
}

/** A store's inputs as the Pulumi resource names them (`storeId`: `id` is every resource's own). */
function storeNames(inputs: Bag): Bag {
  const { id, ...rest } = inputs;
  return { ...rest, storeId: id };
}

/** Pulumi's update (the policy was decided by diff just before). */
export async function update(kind: Kind, id: string, olds: Bag, news: Bag): Promise<{ outs: Bag }> {
  const fields = layer(news);
  const name = fields.resourceName;
  const raw = schemaPart(kind, news);
  switch (kind) {
    case 'image': {
      const before = checkInputs(imageSchema(), name, withAdopted(kind, olds, news).before);
      const made = await updateImageResource(sessionFor(fields.cloud), id, before, raw);
      catalogs.clear();
      return { outs: outs(kind, fields, made.inputs as unknown as Bag, imageExtra(made.outputs)) };
    }
    case 'member': {
      // Both fields replace; only the cloud can move in place.
      const member = await readMemberResource(sessionFor(fields.cloud), id);
      return {
        outs: outs(kind, fields, checkInputs(memberSchema(), name, raw) as unknown as Bag, { memberStatus: member?.status ?? 'gone' }),
      };
    }
    case 'acceptance': {
      const inputs = checkInputs(acceptanceSchema(), name, raw);
      const made = await applyAcceptance(sessionFor(inputs.cloud), name, inputs);
      return { outs: outs(kind, fields, made.inputs as unknown as Bag, {}) };
    }
    case 'store': {
      const inputs = checkInputs(storeSchema(), name, raw);
      const made = await applyStoreResource(sessionFor(inputs.verifyCloud ?? fields.cloud), name, inputs);
      return { outs: outs(kind, fields, made.inputs as unknown as Bag, { fragment: made.outputs.fragment }) };
    }
  }
}

/** Pulumi's delete: the policy decides first (a block fails before any API call). */
export async function remove(kind: Kind, id: string, props: Bag): Promise<void> {
  const fields = layer(props);
  const session = kind === 'store' ? sessionFor((props['verifyCloud'] as string | undefined) ?? fields.cloud) : sessionFor(fields.cloud);
  const inputs = schemaPart(kind, props);
  let before: Document;
  if (kind === 'image') {
    const live = await liveBefore(session, id, inputs);
    if (live.live === undefined) return;
    before = live.doc;
  } else {
    before = documentOf(kind, inputs);
  }
  const text = outcome(await decide(kind, fields, { action: 'delete', before, after: null }));
  if (text !== undefined)
    throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this delete (nothing was deleted):\n${text}`);
  switch (kind) {
    case 'image':
      await deleteImageResource(session, id);
      catalogs.clear();
      return;
    case 'member':
      await deleteMemberResource(session, id);
      return;
    case 'acceptance':
      await deleteAcceptance(sessionFor((inputs as unknown as AcceptanceInputs).cloud), id);
      return;
    case 'store':
      await deleteStoreResource(session, fields.resourceName, checkInputs<StoreInputs>(storeSchema(), fields.resourceName, inputs));
      return;
  }
}
