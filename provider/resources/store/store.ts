/**
 * The storage-backend resource. Glance has no API to add a store, so this resource owns configuration: it
 * renders the store's section into `store-<id>.conf` in glance-api's config directory (mode 0600; secrets never
 * in outputs), keeps `image-catalog-backends.conf` (enabled_backends and default_backend) in step with every
 * managed store, runs the configured reload command, and verifies through /v2/info/stores/detail that the store
 * is live with its type and default flag. When verification fails, the previous files are put back.
 *
 * Why a separate backends file: `enabled_backends` is one option of [DEFAULT]; oslo.config keeps the last value
 * it reads, so the full list must be written in one place, after glance-api.conf (the config directory is read
 * after the config files).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { identityRoot, tokenRequestBody } from '../../client/keystone.js';
import { flag, listStoresDetail, type StoreDetailWire } from '../../client/stores.js';
import type { Session } from '../../client/session.js';
import { isLegacyMark } from '../mark.js';
import { ResourceOperationError } from '../errors.js';
import type { KindDescriptor } from '../descriptor.js';
import { checkInputs, ResourceInputError, resourceSchema, type FieldSpec, type InputProblem, type ResourceSchema } from '../schema.js';
import type { StoreInputs, StoreOutputs } from './store.types.js';

export type { StoreFields, StoreInputs, StoreOutputs } from './store.types.js';

/** What applying a store gives back: its id, type and default flag, and its outputs; never an option value. */
export type StoreApplied = Pick<StoreInputs, 'id' | 'type' | 'isDefault'> & StoreOutputs;

export const storeSchema = (): ResourceSchema<StoreInputs> => resourceSchema<StoreInputs>('store.schema.json');

/** Checks inputs (every problem, naming resource, field and rule) before anything is written. */
export function checkStoreInputs(name: string, raw: unknown): StoreInputs {
  const inputs = checkInputs(storeSchema(), name, raw);
  // An option is one line of an ini file: a line break would start another option or section (its value is not
  // said: it may be a key).
  const broken = Object.entries(inputs.options)
    .filter(([, value]) => typeof value === 'string' && /[\r\n]/.test(value))
    .map(([field]) => ({
      field: `options.${field}`,
      rule: 'one line',
      message: "has a line break; an option is one line of glance-api's configuration",
    }));
  if (broken.length > 0) throw new ResourceInputError(name, broken);
  return inputs;
}

const backendsFile = 'image-catalog-backends.conf';
const headerPrefix = '# image-catalog: ';

/** What a store fragment records about itself in its first line. */
export interface FragmentHeader {
  readonly id: string;
  readonly type: string;
  readonly isDefault: boolean;
  /** The creation mark of the resource that claims it (provider/resources/mark.ts): one resource owns a store. */
  readonly owner?: string;
}

/** What the backends file records: the backends Glance had before any managed store, and its default then. */
interface BackendsHeader {
  readonly base: Readonly<Record<string, string>>;
  readonly baseDefault: string;
}

/** A value of glance-api's configuration (oslo.config): a `$` doubled, else it would start a substitution. */
function iniValue(value: unknown): string {
  return (Array.isArray(value) ? value.map(String).join(',') : String(value)).replaceAll('$', '$$$$');
}

/**
 * A value of a swift accounts file (Python's ConfigParser, as glance_store reads it): a `%` doubled (else it starts
 * an interpolation), and quoted when it starts with a quote (glance_store takes the quotes off a quoted value).
 */
function accountValue(value: unknown): string {
  const text = String(value).replaceAll('%', '%%');
  return /^["']/.test(text) ? `'${text}'` : text;
}

/** The store's config fragment (pure): a header line, then its section with each option under its ini name. */
export function renderStoreFragment(inputs: StoreInputs, owner?: string): string {
  const header: FragmentHeader = {
    id: inputs.id,
    type: inputs.type,
    isDefault: inputs.isDefault,
    ...(owner === undefined ? {} : { owner }),
  };
  const lines = [
    `${headerPrefix}${JSON.stringify(header)}`,
    '# Written by the StorageBackend resource; edits are overwritten.',
    `[${inputs.id}]`,
  ];
  if (inputs.description !== undefined) lines.push(`store_description = ${iniValue(inputs.description)}`);
  for (const field of storeSchema().defs[inputs.type] ?? []) {
    const value = inputs.options[field.local];
    if (value !== undefined && field.wire !== undefined) lines.push(`${field.wire} = ${iniValue(value)}`);
  }
  const accounts = storeSchema().accounts[inputs.type];
  if (accounts !== undefined)
    lines.push(`${accounts.fileOption} = ${accountsFile(inputs.configDir, inputs.id)}`, `${accounts.referenceOption} = ${inputs.id}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The store's accounts file (pure), for a kind whose credentials Glance reads from one (swift: given inline, Glance
 * writes them into every image's location, in its database): one section, named by the store id (Glance reads every
 * swift store's file into one parser), with the `x-account` fields. Undefined for other kinds.
 */
export function renderStoreAccounts(inputs: StoreInputs): string | undefined {
  if (storeSchema().accounts[inputs.type] === undefined) return undefined;
  const lines = ['# Written by the StorageBackend resource; edits are overwritten.', `[${inputs.id}]`];
  for (const field of storeSchema().defs[inputs.type] ?? []) {
    const value = inputs.options[field.local];
    if (value !== undefined && field.account !== undefined) lines.push(`${field.account} = ${accountValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The file of store `id`'s accounts in `configDir` (not *.conf: glance-api reads those as its own configuration). */
export function accountsFile(configDir: string, id: string): string {
  return join(configDir, `store-${id}.accounts`);
}

/** The file of store `id`'s fragment in `configDir`. */
export function fragmentFile(configDir: string, id: string): string {
  return join(configDir, `store-${id}.conf`);
}

/**
 * What a store's fragment sets (pure; the inverse of {@link renderStoreFragment}): its options under their local
 * names and schema types, the secret ones only named (`secrets`: their values stay in the file). Lines of other
 * sections, and keys the store kind does not have, are left out.
 */
export function parseStoreFragment(
  type: string,
  text: string,
  id: string,
  accounts = '',
): { options: Record<string, unknown>; secrets: string[] } {
  const fields = storeSchema().defs[type] ?? [];
  const properties =
    (storeSchema().document['$defs'] as Record<string, { properties?: Record<string, { type?: string }> } | undefined>)[type]?.properties ??
    {};
  const options: Record<string, unknown> = {};
  const secrets: string[] = [];
  // The fragment's lines under their wire names; an accounts file's (swift) under their account keys.
  const read = (file: string, keyOf: (field: FieldSpec) => string | undefined, decode: (value: string) => string): void => {
    let section = '';
    for (const raw of file.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const header = /^\[(.+)\]$/.exec(line);
      if (header !== null) {
        section = header[1] ?? '';
        continue;
      }
      const pair = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(line);
      if (section !== id || pair === null) continue;
      const field = fields.find((f) => keyOf(f) === pair[1]);
      if (field === undefined) continue;
      if (field.secret) {
        secrets.push(field.local);
        continue;
      }
      const value = decode(pair[2] ?? '');
      const kind = properties[field.local]?.type;
      options[field.local] =
        kind === 'integer' || kind === 'number'
          ? Number(value)
          : kind === 'boolean'
            ? value.toLowerCase() === 'true'
            : kind === 'array'
              ? value.split(',').map((v) => v.trim())
              : value;
    }
  };
  read(
    text,
    (f) => f.wire,
    (v) => v.replaceAll('$$', '$'),
  );
  read(
    accounts,
    (f) => f.account,
    (v) => (/^(["']).*\1$/.test(v) ? v.slice(1, -1) : v).replaceAll('%%', '%'),
  );
  return { options, secrets };
}

/** Store `id`'s fragment in `configDir` when a StorageBackend wrote one (its header line), with its text. */
export function readStoreFragment(configDir: string, id: string): { header: FragmentHeader; text: string; accounts: string } | undefined {
  const file = fragmentFile(configDir, id);
  const header = readHeader(file) as FragmentHeader | undefined;
  if (header === undefined) return undefined;
  const accounts = accountsFile(configDir, id);
  return { header, text: readFileSync(file, 'utf8'), accounts: existsSync(accounts) ? readFileSync(accounts, 'utf8') : '' };
}

/** The header of store `id`'s fragment in `configDir`, when the directory has one. */
function storeHeader(configDir: string, id: string): FragmentHeader | undefined {
  return existsSync(configDir) ? managedStores(configDir).find((s) => s.id === id) : undefined;
}

/** The owner the fragment of store `id` in `configDir` names, if any. */
export function storeOwner(configDir: string, id: string): string | undefined {
  return storeHeader(configDir, id)?.owner;
}

/** The backends file (pure): the base backends, then the managed ones; the managed default wins. */
export function renderBackends(header: BackendsHeader, managed: readonly FragmentHeader[]): string {
  const backends = new Map<string, string>(Object.entries(header.base));
  for (const store of managed) backends.set(store.id, store.type);
  const managedDefault = managed.find((s) => s.isDefault)?.id;
  return [
    `${headerPrefix}${JSON.stringify(header)}`,
    '# Written by the StorageBackend resource: every enabled backend, managed or not.',
    '[DEFAULT]',
    `enabled_backends = ${[...backends].map(([id, type]) => `${id}:${type}`).join(', ')}`,
    '',
    '[glance_store]',
    `default_backend = ${managedDefault ?? header.baseDefault}`,
    '',
  ].join('\n');
}

function readHeader(file: string): unknown {
  if (!existsSync(file)) return undefined;
  const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
  return first.startsWith(headerPrefix) ? (JSON.parse(first.slice(headerPrefix.length)) as unknown) : undefined;
}

function managedStores(configDir: string): FragmentHeader[] {
  return readdirSync(configDir)
    .filter((f) => /^store-[a-z][a-z0-9_]*\.conf$/.test(f))
    .sort()
    .flatMap((f) => (readHeader(join(configDir, f)) as FragmentHeader | undefined) ?? []);
}

/** Writes a file atomically, mode 0600 (it may hold secrets). */
function writePrivate(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** The current content of files, to put back when an apply fails. */
function snapshot(files: readonly string[]): Map<string, string | undefined> {
  return new Map(files.map((f) => [f, existsSync(f) ? readFileSync(f, 'utf8') : undefined]));
}

function restore(saved: Map<string, string | undefined>): void {
  for (const [file, content] of saved) {
    if (content === undefined) rmSync(file, { force: true });
    else writePrivate(file, content);
  }
}

function reload(name: string, command: readonly string[]): void {
  const [cmd, ...args] = command;
  if (cmd === undefined) throw new ResourceOperationError(`StorageBackend "${name}": reloadCommand is empty`);
  const ran = spawnSync(cmd, args, { encoding: 'utf8' });
  if (ran.status !== 0) {
    throw new ResourceOperationError(
      `StorageBackend "${name}": the reload command ${command.join(' ')} failed (exit ${String(ran.status ?? ran.signal)}): ${(ran.stderr || ran.stdout).trim().split('\n').slice(-5).join(' | ')}`,
    );
  }
}

/** Polls /v2/info/stores/detail until `check` holds for the list (Glance may still be restarting). */
async function verify(
  session: Session,
  check: (stores: StoreDetailWire[]) => string | undefined,
  timeoutMs = 60_000,
): Promise<StoreDetailWire[]> {
  const deadline = Date.now() + timeoutMs;
  let problem: string;
  for (;;) {
    try {
      const stores = await listStoresDetail(session);
      const found = check(stores);
      if (found === undefined) return stores;
      problem = found;
    } catch (err) {
      problem = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(problem);
    await sleep(500);
  }
}

/**
 * Creates or updates the store: checks the inputs and the one-default rule, writes the fragment and the backends
 * file, reloads, verifies. On failure the previous files come back (and are reloaded) before the error is raised.
 * `admin` reads /v2/info/stores/detail (admin only).
 */
export async function applyStoreResource(
  admin: Session,
  name: string,
  raw: unknown,
  claim: StoreClaim = {},
): Promise<{ inputs: StoreInputs; outputs: StoreApplied }> {
  const inputs = checkStoreInputs(name, raw);
  if (!existsSync(inputs.configDir))
    throw new ResourceOperationError(`StorageBackend "${name}": configDir ${inputs.configDir} does not exist`);
  return serialized(inputs.configDir, () => applyChecked(admin, name, inputs, claim));
}

/**
 * The refusal of a create of store `inputs.id` that another resource claims (`claimed`: its fragment's header),
 * with the ways out; undefined when it is free or `creator`'s own (an interrupted create of the same resource).
 */
function claimProblem(
  inputs: Pick<StoreInputs, 'id' | 'configDir'>,
  claimed: FragmentHeader | undefined,
  creator: string | undefined,
): InputProblem | undefined {
  if (claimed === undefined || claimed.owner === creator) return undefined;
  const by =
    claimed.owner === undefined
      ? 'another StorageBackend'
      : isLegacyMark(claimed.owner)
        ? 'a StorageBackend of a release before 0.3 (its claim does not tell two states apart)'
        : `a StorageBackend of another stack instance or resource (mark ${claimed.owner})`;
  return {
    field: 'id',
    rule: 'one resource owns a store',
    message:
      `store ${inputs.id} is already managed by ${by}; nothing is taken over: import it on purpose (Pulumi: the resource ` +
      `option import: '${inputs.id}'), run the stack that manages it, remove it from that stack (its fragment ` +
      `${fragmentFile(inputs.configDir, inputs.id)}), or give this store another id`,
  };
}

/** {@link claimProblem} of a create, from the config directory as it is now (a check: no API call). */
export function storeClaimProblems(raw: Readonly<Record<string, unknown>>, creator: string | undefined): InputProblem[] {
  const { id, configDir } = raw;
  if (creator === undefined || typeof id !== 'string' || typeof configDir !== 'string') return [];
  const problem = claimProblem({ id, configDir }, storeHeader(configDir, id), creator);
  return problem === undefined ? [] : [problem];
}

/**
 * Who applies a store: a create by `creator` (the resource's creation mark, provider/resources/mark.ts) claims it,
 * written in the fragment's header; a create of an id claimed by another mark (another resource, another stack
 * instance, a release before 0.3) is refused, naming the ways out (checked under the directory's lock, so of two
 * stacks creating the same store at once, the second is refused). An update claims it for its own creator when
 * it has one (a store imported on purpose, a legacy claim migrated), else keeps the claim.
 */
export interface StoreClaim {
  readonly creator?: string;
  readonly create?: boolean;
  /**
   * A create may take a fragment that names no owner: what the CDKTF StorageBackend of releases before 0.3 wrote
   * (it claimed nothing), taken over by its own resource's replacement after an upgrade.
   */
  readonly adoptUnowned?: boolean;
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Takes the config directory's lock (`<configDir>.lock`), waiting up to 150 s for another holder; returns its
 * release. Whatever else changes the directory (a script of the user's) can take it the same way.
 */
export function lockConfigDir(configDir: string): Promise<() => Promise<void>> {
  return lockfile.lock(configDir, {
    realpath: false,
    stale: 30_000,
    update: 5_000,
    retries: { retries: 600, factor: 1, minTimeout: 250, maxTimeout: 250 },
  });
}

/**
 * Runs one change of a config directory at a time: every store shares the backends file and a reload restarts
 * glance-api, so two stores applied at once would overwrite each other's backends list and race two restarts.
 * Within a process (Pulumi creates independent resources in parallel) a queue per directory; across processes
 * (tofu runs each CDKTF StorageBackend's `image-catalog store apply` as a process of its own, in parallel; two
 * stacks sharing one glance) a lock file beside the directory (proper-lockfile: `<configDir>.lock`, taken
 * atomically with mkdir, kept fresh while held and taken over when its holder died).
 */
function serialized<T>(configDir: string, work: () => Promise<T>): Promise<T> {
  const locked = async (): Promise<T> => {
    const release = await lockConfigDir(configDir);
    try {
      return await work();
    } finally {
      await release();
    }
  };
  const previous = queues.get(configDir) ?? Promise.resolve();
  const next = previous.then(locked, locked);
  queues.set(
    configDir,
    next.catch(() => undefined),
  );
  return next;
}

async function applyChecked(
  admin: Session,
  name: string,
  inputs: StoreInputs,
  claim: StoreClaim,
): Promise<{ inputs: StoreInputs; outputs: StoreApplied }> {
  const managed = managedStores(inputs.configDir);
  const claimed = managed.find((s) => s.id === inputs.id);
  if (claim.create === true && !(claim.adoptUnowned === true && claimed !== undefined && claimed.owner === undefined)) {
    const problem = claimProblem(inputs, claimed, claim.creator);
    if (problem !== undefined) throw new ResourceOperationError(`StorageBackend "${name}": id: ${problem.message} (rule: ${problem.rule})`);
  }
  const owner = claim.creator ?? claimed?.owner;
  const others = managed.filter((s) => s.id !== inputs.id);
  const otherDefault = others.find((s) => s.isDefault);
  if (inputs.isDefault && otherDefault !== undefined) {
    throw new ResourceOperationError(
      `StorageBackend "${name}": isDefault: store ${otherDefault.id} is already the default; exactly one store is (set isDefault false on one of them)`,
    );
  }
  const fragment = fragmentFile(inputs.configDir, inputs.id);
  const backends = join(inputs.configDir, backendsFile);
  let header = readHeader(backends) as BackendsHeader | undefined;
  if (header === undefined) {
    const live = await listStoresDetail(admin);
    header = { base: Object.fromEntries(live.map((s) => [s.id, s.type])), baseDefault: live.find((s) => flag(s.default))?.id ?? '' };
  }
  if (inputs.id in header.base)
    throw new ResourceOperationError(`StorageBackend "${name}": id: store ${inputs.id} is already configured outside this resource`);
  await checkSwiftAccount(name, inputs);
  const accounts = accountsFile(inputs.configDir, inputs.id);
  const saved = snapshot([fragment, accounts, backends]);
  const self: FragmentHeader = { id: inputs.id, type: inputs.type, isDefault: inputs.isDefault };
  try {
    const accountsText = renderStoreAccounts(inputs);
    if (accountsText === undefined) rmSync(accounts, { force: true });
    else writePrivate(accounts, accountsText);
    writePrivate(fragment, renderStoreFragment(inputs, owner));
    writePrivate(backends, renderBackends(header, [...others, self]));
    reload(name, inputs.reloadCommand);
    await verify(admin, (stores) => {
      const live = stores.find((s) => s.id === inputs.id);
      if (live === undefined) return `store ${inputs.id} is not in /v2/info/stores/detail`;
      if (live.type !== inputs.type) return `store ${inputs.id} is live with type ${live.type}, not ${inputs.type}`;
      if (flag(live.default) !== inputs.isDefault) return `store ${inputs.id} is live but ${inputs.isDefault ? 'not ' : ''}the default`;
      return undefined;
    });
  } catch (err) {
    restore(saved);
    let rollback = 'the previous configuration was put back';
    try {
      reload(name, inputs.reloadCommand);
    } catch (reloadErr) {
      rollback += `, but reloading it failed too (${(reloadErr as Error).message})`;
    }
    const why =
      err instanceof ResourceOperationError
        ? err.message
        : `StorageBackend "${name}": not live after the reload: ${(err as Error).message}`;
    throw new ResourceOperationError(`${why}; ${rollback}`, { cause: err });
  }
  return { inputs, outputs: { id: inputs.id, type: inputs.type, isDefault: inputs.isDefault, fragment, catalogMark: owner ?? null } };
}

/**
 * A swift store's account, tried before anything is written: Glance lists a swift store whose credentials are wrong
 * as live (it connects on the first upload), so the apply would succeed and every upload fail. Keystone v3 is asked
 * for a token of `project:user` with the key, and its catalog for an object-store endpoint. A refusal fails the
 * apply naming the field; a Keystone this process cannot reach (Glance's network may differ) is not judged.
 */
async function checkSwiftAccount(name: string, inputs: StoreInputs): Promise<void> {
  const options = inputs.options as { authAddress?: string; user?: string; key?: string; authVersion?: string } & Record<string, unknown>;
  if (inputs.type !== 'swift' || options.authVersion !== '3') return;
  const [project = '', user = ''] = (options.user ?? '').split(':');
  const named = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  // The body the package's own Keystone client sends (a domain by name when given, else the one with id default).
  const body = tokenRequestBody({
    auth: {
      type: 'password',
      username: user,
      password: options.key ?? '',
      userDomainName: named(options['userDomainName']),
      userDomainId: named(options['userDomainName']) === undefined ? 'default' : undefined,
    },
    scope: {
      kind: 'project',
      name: project,
      domainName: named(options['projectDomainName']),
      domainId: named(options['projectDomainName']) === undefined ? 'default' : undefined,
    },
  });
  let res: Response;
  try {
    res = await fetch(`${identityRoot(options.authAddress ?? '')}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return;
  }
  const answer = (await res.json().catch(() => ({}))) as { token?: { catalog?: { type: string }[] } };
  const refused = (field: string, why: string): ResourceOperationError =>
    new ResourceOperationError(`StorageBackend "${name}": options.${field}: ${why}; nothing was written (rule: the store's account works)`);
  if (res.status === 401)
    throw refused('key', `Keystone at ${options.authAddress ?? ''} refused ${options.user ?? ''} with this key (HTTP 401)`);
  if (res.status >= 400 && res.status < 500)
    throw refused(
      'user',
      `Keystone at ${options.authAddress ?? ''} has no project:user ${options.user ?? ''} to scope to (HTTP ${String(res.status)})`,
    );
  if (res.ok && !(answer.token?.catalog ?? []).some((service) => service.type === 'object-store'))
    throw refused('authAddress', `Keystone at ${options.authAddress ?? ''} lists no object-store (Swift) endpoint`);
}

/** Removes the store: its fragment goes, the backends file follows, Glance reloads, and the store is gone from the API. */
export async function deleteStoreResource(admin: Session, name: string, inputs: StoreInputs): Promise<void> {
  // A store imported and deleted before any other run: its state has only what Glance reports.
  const unknown = (['configDir', 'reloadCommand'] as const).filter((field) => (inputs as Partial<StoreInputs>)[field] === undefined);
  if (unknown.length > 0)
    throw new ResourceOperationError(
      `StorageBackend "${name}": ${unknown.join(', ')}: not in the state (the store was imported, and Glance does not report a store's configuration): ` +
        "run pulumi up once after the import (it records the program's configDir, reloadCommand and options), then delete; nothing was deleted",
    );
  return serialized(inputs.configDir, () => deleteChecked(admin, name, inputs));
}

async function deleteChecked(admin: Session, name: string, inputs: StoreInputs): Promise<void> {
  const fragment = fragmentFile(inputs.configDir, inputs.id);
  const backends = join(inputs.configDir, backendsFile);
  const header = readHeader(backends) as BackendsHeader | undefined;
  rmSync(fragment, { force: true });
  rmSync(accountsFile(inputs.configDir, inputs.id), { force: true });
  const remaining = managedStores(inputs.configDir);
  if (header !== undefined) {
    if (remaining.length === 0) rmSync(backends, { force: true });
    else writePrivate(backends, renderBackends(header, remaining));
  }
  reload(name, inputs.reloadCommand);
  try {
    await verify(admin, (stores) => (stores.some((s) => s.id === inputs.id) ? `store ${inputs.id} is still live` : undefined));
  } catch (err) {
    throw new ResourceOperationError(
      `StorageBackend "${name}": removed from ${inputs.configDir}, but ${(err as Error).message} after the reload`,
      { cause: err },
    );
  }
}

/**
 * The store as Glance has it (import, refresh), or undefined when it is not live: its id, type, default flag and
 * description from /v2/info/stores/detail; what Glance does not report (`x-live: false`: the config folder, the
 * reload command, the options) from `kept`, the state's inputs, when there is one.
 */
export async function readStoreResource(
  admin: Session,
  id: string,
  kept: Readonly<Record<string, unknown>> = {},
): Promise<Record<string, unknown> | undefined> {
  const live = (await listStoresDetail(admin)).find((s) => s.id === id);
  if (live === undefined) return undefined;
  const inputs: Record<string, unknown> = { id, type: live.type, isDefault: flag(live.default) };
  if (typeof live.description === 'string' && live.description !== '') inputs['description'] = live.description;
  for (const field of storeSchema().fields) if (!field.live && kept[field.local] !== undefined) inputs[field.local] = kept[field.local];
  return inputs;
}

/** The store kind: configuration of glance-api, verified live; its document never carries an option (they can hold secrets). */
export const storeDescriptor: KindDescriptor<StoreInputs> = {
  schema: storeSchema,
  document: (inputs) => ({ id: inputs.id, type: inputs.type, is_default: inputs.isDefault, read_only: inputs.type === 'http' }),
  cloudOf: (inputs) => (typeof inputs['verifyCloud'] === 'string' ? inputs['verifyCloud'] : undefined),
  claimProblems: storeClaimProblems,
  async create(session, name, raw, options) {
    const made = await applyStoreResource(session, name, checkStoreInputs(name, raw), {
      create: true,
      ...(options.creator === undefined ? {} : { creator: options.creator }),
    });
    return {
      id: made.outputs.id,
      inputs: made.inputs,
      outputs: { fragment: made.outputs.fragment, catalogMark: made.outputs.catalogMark },
    };
  },
  async read(session, id, kept) {
    const inputs = await readStoreResource(session, id, kept);
    if (inputs === undefined) return undefined;
    const configDir = inputs['configDir'];
    const owner = typeof configDir === 'string' ? storeOwner(configDir, id) : undefined;
    return {
      inputs,
      outputs: { fragment: typeof kept['fragment'] === 'string' ? kept['fragment'] : '', catalogMark: owner ?? null },
    };
  },
  async update(session, _id, _olds, raw, name, options) {
    const made = await applyStoreResource(
      session,
      name,
      checkStoreInputs(name, raw),
      options?.creator === undefined ? {} : { creator: options.creator },
    );
    return { inputs: made.inputs, outputs: { fragment: made.outputs.fragment, catalogMark: made.outputs.catalogMark } };
  },
  delete: (session, _id, inputs, name) => deleteStoreResource(session, name, inputs),
};
