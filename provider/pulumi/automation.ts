/**
 * Runs a Pulumi program through Pulumi's Automation API (`LocalWorkspace`, inline programs): the `pulumi` CLI
 * found on PATH (or under `pulumiRoot`), no language host. What a run did comes back as data: the engine's events
 * (progress as it happens), the result's summary and outputs, and the catalog policy's decisions, which the
 * providers append to a decision log (`IMAGE_CATALOG_DECISION_LOG`, one JSON object per line) that this module
 * gives each run and reads back.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CommandError,
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type EngineEvent,
  type OpMap,
  type OutputMap,
  type PolicyEvent,
  type PulumiFn,
  type Stack,
  type StepEventMetadata,
} from '@pulumi/pulumi/automation/index.js';
import { policyModeVariable } from '../policy/data.js';
import type { Decision } from '../policy/decision.js';
import type { Change, ChangeAction } from '../policy/envelope.js';
import { essential } from './cli-failure.js';
import { decisionLogVariable, loggedChange, type LoggedChange } from './decision-log.js';
import { kindOfType } from './tokens.js';
import { pluginDir, pluginName } from './plugin/location.js';

/** A program: what a Pulumi project's main module would run (returns the stack outputs). */
export type Program = PulumiFn;

/** Which stack of which project a run is for. */
export interface StackTarget {
  /** The project folder: its Pulumi.yaml names the project; stack config lives in its Pulumi.<stack>.yaml. */
  readonly cwd: string;
  readonly stack: string;
  /**
   * A local file backend folder (`PULUMI_BACKEND_URL=file://...`); default: the backend the environment or
   * `pulumi login` gives.
   */
  readonly stateDir?: string;
  /** Extra environment for the CLI and the provider processes it starts (OS_CLIENT_CONFIG_FILE, a passphrase). */
  readonly env?: Readonly<Record<string, string>>;
  /** The folder whose `bin/pulumi` runs (default: `pulumi` on PATH). */
  readonly pulumiRoot?: string;
}

/** One decision a provider made during a run, as the decision log records it. */
export interface LoggedDecision {
  /** The changes decided together (one for a provider's check, diff or delete). */
  readonly changes: readonly LoggedChange[];
  readonly decision: Decision;
}

/** What a run gave. */
export interface RunResult {
  readonly ok: boolean;
  /**
   * Operation counts (`create`, `same`, ...): the preview's change summary or the update's resource changes; of a
   * failed run, what the engine counted as done before it stopped.
   */
  readonly changes: OpMap;
  /** The stack outputs after an `up` (empty otherwise). */
  readonly outputs: OutputMap;
  /** Every decision the providers made in this run. */
  readonly decisions: readonly LoggedDecision[];
  /** The engine's error diagnostics (what failed, per resource), when the run failed. */
  readonly errors: readonly { readonly urn: string | undefined; readonly message: string }[];
  /** The CLI's own failure text when the run failed and the engine reported no error diagnostic. */
  readonly failure: string | undefined;
  /** The CrossGuard violations reported. */
  readonly policyViolations: readonly PolicyEvent[];
}

/** Options of one run. */
export interface RunOptions {
  /** Called with every engine event as it arrives (see {@link progressPrinter}). */
  readonly onEvent?: (event: EngineEvent) => void;
  /** CrossGuard policy packs to run with a preview or an update (a pack folder, or its executable). */
  readonly policyPacks?: readonly string[];
  /** Refresh first (`--refresh`). */
  readonly refresh?: boolean;
  /** At most this many resource operations at once (`--parallel`; default: the CLI's). */
  readonly parallel?: number;
  /**
   * Decide the whole plan in the preview (default true for `up` and `preview`): the plugin only reports during it
   * (IMAGE_CATALOG_POLICY_MODE=report), so every resource is decided, and this run decides the plan's deletes,
   * which the engine never shows a provider during a preview; a mandatory violation anywhere fails the run before
   * anything is applied, with every violation in `decisions`, each once. False: the preview decides as the plugin
   * does in `pulumi preview` (the engine stops at the first resource whose check fails).
   */
  readonly decidePlan?: boolean;
  /**
   * Told what the run does on its own before `up` or `destroy`: an interrupted run (a killed `pulumi`) leaves
   * pending operations in the state, which the run resolves with a refresh first (see {@link resolvePending}).
   */
  readonly onNotice?: (line: string) => void;
  /**
   * Pulumi's own log (`-v=<verbosity> --logtostderr --logflow`: the engine's and the providers'), with the CLI's
   * output, handed to `onText` as it comes (a diagnosis, or a check that no secret is in it).
   */
  readonly log?: { readonly verbosity: number; readonly onText: (text: string) => void };
}

const commands = new Map<string, Promise<PulumiCommand>>();

function pulumiCommand(root: string | undefined): Promise<PulumiCommand> {
  const key = root ?? '';
  let command = commands.get(key);
  if (command === undefined) {
    command = PulumiCommand.get(root === undefined ? {} : { root });
    commands.set(key, command);
    command.catch(() => commands.delete(key));
  }
  return command;
}

function backendEnv(target: StackTarget): Record<string, string> {
  if (target.stateDir === undefined) return {};
  mkdirSync(target.stateDir, { recursive: true });
  return { PULUMI_BACKEND_URL: pathToFileURL(target.stateDir).href };
}

/** PATH with the plugin's folder first: the engine finds `pulumi-resource-image-catalog` there. */
function pluginPath(env: Readonly<Record<string, string>> | undefined): string {
  const path = env?.['PATH'] ?? process.env['PATH'] ?? '';
  return path.split(delimiter).includes(pluginDir) ? path : `${pluginDir}${delimiter}${path}`;
}

/** A lock file of the local (diy) backend: who holds the stack (`pulumi up` writes it, its end deletes it). */
export interface LockFile {
  readonly pid: number;
  readonly username: string;
  readonly hostname: string;
  readonly timestamp: string;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Clears the lock of the target's stack in a local state folder when every process holding it is gone (a `pulumi`
 * killed in the middle of a run keeps the stack locked until `pulumi cancel`), after saying so. A lock held by a
 * process still running, or by another machine, is left to Pulumi (which refuses the run, naming it). Returns
 * whether a lock was cleared.
 */
export async function clearStaleLock(stack: Stack, target: StackTarget, say: (line: string) => void): Promise<boolean> {
  const locks = await stackLocks(stack, target);
  if (locks.length === 0 || locks.some((l) => l.held)) return false;
  for (const lock of locks)
    say(
      `stack ${target.stack} is locked by pulumi pid ${lock.pid} (${lock.username}@${lock.hostname}, since ${lock.timestamp}), ` +
        'which is no longer running (an interrupted run): clearing its lock (pulumi cancel)',
    );
  await stack.cancel();
  return true;
}

/**
 * The locks of the target's stack in a local state folder, each `held` when its process still runs (or runs on
 * another machine, where this one cannot tell).
 */
export async function stackLocks(stack: Stack, target: StackTarget): Promise<(LockFile & { readonly held: boolean })[]> {
  if (target.stateDir === undefined) return [];
  const dir = join(target.stateDir, '.pulumi', 'locks');
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const suffix = join((await stack.workspace.projectSettings()).name, target.stack);
  return files
    .filter((f) => f.endsWith('.json') && dirname(f).endsWith(suffix))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as LockFile)
    .map((lock) => ({ ...lock, held: lock.hostname !== hostname() || running(lock.pid) }));
}

/** A pending operation of the state: an operation a run started and never saw end. */
interface PendingOperation {
  readonly resource: { readonly urn: string };
  readonly type: string;
}

/**
 * Resolves what an interrupted run left pending in the state (operations it started and never saw end: Pulumi
 * warns about them on every later run) with a refresh that drops the pending creates (`--clear-pending-creates`)
 * and reads the rest. An image whose create was interrupted is then created again, and its create finds the
 * record the interrupted one made (it carries the resource's URN): it takes it over when its data is complete and
 * removes it otherwise, so nothing is duplicated. Returns the operations resolved.
 */
export async function resolvePending(stack: Stack, say: (line: string) => void = () => undefined): Promise<readonly PendingOperation[]> {
  const deployment = (await stack.exportStack()).deployment as { pending_operations?: PendingOperation[] } | undefined;
  const pending = deployment?.pending_operations ?? [];
  if (pending.length === 0) return [];
  // When a run still holds the stack (it is not interrupted), Pulumi's lock refuses this refresh.
  await stack.refresh({ clearPendingCreates: true });
  say(
    `an interrupted run left ${pending.length} operation(s) pending in the state (${pending
      .map((p) => `${p.type} ${urnName(p.resource.urn)}`)
      .join(', ')}): resolved with a refresh; an interrupted create is made again, taking over or removing what it left`,
  );
  return pending;
}

/**
 * Selects the target's stack with `program` as its inline program, creating it when it does not exist yet —
 * unless `existing`: a check of a plan (a preview) must not leave a stack behind for a mistyped name.
 */
export async function openStack(
  target: StackTarget,
  program: Program = () => Promise.resolve({}),
  options: { existing?: boolean } = {},
): Promise<Stack> {
  const args = { stackName: target.stack, projectName: 'image-catalog', program };
  const workspace = {
    workDir: target.cwd,
    envVars: { ...backendEnv(target), ...target.env, PATH: pluginPath(target.env) },
    pulumiCommand: await pulumiCommand(target.pulumiRoot),
  };
  return options.existing === true ? LocalWorkspace.selectStack(args, workspace) : LocalWorkspace.createOrSelectStack(args, workspace);
}

function readDecisions(file: string): LoggedDecision[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LoggedDecision);
}

/** Pulumi's step ops as envelope actions (a replace comes as several steps; they merge into one per URN). */
function actionOf(op: string): ChangeAction | undefined {
  if (op === 'create') return 'create';
  if (op === 'update') return 'update';
  if (op === 'delete') return 'delete';
  if (op === 'replace' || op === 'create-replacement' || op === 'delete-replaced') return 'replace';
  return undefined;
}

/**
 * The changes of a preview's plan, one per resource of this package, as the plugin would decide them, each with
 * the cloud that applies it (`only`: the actions wanted). A replace comes as several steps (create-replacement,
 * replace, delete-replaced), and the old state (the image replaced, whose name the replacement may keep) is on
 * some of them only. Run it inside {@link asThePlugin}.
 */
export async function planChanges(
  steps: readonly StepEventMetadata[],
  only: (action: ChangeAction) => boolean = () => true,
): Promise<{ readonly cloud: string | undefined; readonly change: Change }[]> {
  const planned = new Map<string, { action: ChangeAction; type: string; old?: StepEventMetadata['old']; new?: StepEventMetadata['new'] }>();
  for (const step of steps) {
    const action = actionOf(step.op);
    if (action === undefined) continue;
    const known = planned.get(step.urn);
    const old = known?.old ?? step.old;
    const next = known?.new ?? step.new;
    planned.set(step.urn, {
      action: known?.action ?? action,
      type: step.type,
      ...(old === undefined ? {} : { old }),
      ...(next === undefined ? {} : { new: next }),
    });
  }
  const wanted = [...planned].filter(
    ([, step]) => only(step.action) && kindOfType(step.new?.type ?? step.old?.type ?? step.type) !== undefined,
  );
  if (wanted.length === 0) return [];
  const runtime = await import('./runtime.js');
  const changes = [];
  for (const [urn, step] of wanted) {
    const kind = kindOfType(step.new?.type ?? step.old?.type ?? step.type);
    if (kind === undefined) continue;
    const olds = step.action === 'create' ? undefined : (step.old?.outputs as Record<string, unknown> | undefined);
    const news = step.action === 'delete' ? undefined : (step.new?.inputs as Record<string, unknown> | undefined);
    changes.push(await runtime.planChange(kind, step.action, step.old?.id, olds, news, urn));
  }
  return changes;
}

/**
 * Runs `work` (planChanges, decidePlanned) as the plugin would: the runtime configured with the stack's config,
 * clouds resolved with the run's OS_* (its clouds.yaml) over this process's, put back after. `read`: the stack's
 * config when the caller already asked for it (while a preview ran, say).
 */
export async function asThePlugin<T>(stack: Stack, work: () => Promise<T>, read?: Promise<ConfigMap>): Promise<T> {
  const runtime = await import('./runtime.js');
  const config = await (read ?? stack.getAllConfig());
  runtime.configure({ get: (key) => config[key]?.value });
  const saved = Object.fromEntries(
    Object.keys(stack.workspace.envVars)
      .filter((k) => k.startsWith('OS_'))
      .map((k) => [k, process.env[k]]),
  );
  Object.assign(process.env, Object.fromEntries(Object.keys(saved).map((k) => [k, stack.workspace.envVars[k]])));
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

/** Loads what {@link planChanges} and {@link decidePlanned} need (the runtime, the policy bundle), ahead of them. */
export async function warmUp(): Promise<void> {
  const [{ PolicyEngine }] = await Promise.all([import('../policy/engine.js'), import('./runtime.js')]);
  await PolicyEngine.load();
}

/** Decides changes as the cloud that applies them (inside {@link asThePlugin}). */
export async function decidePlanned(cloud: string | undefined, changes: readonly Change[]): Promise<Decision> {
  return (await import('./runtime.js')).decideAs(cloud, changes);
}

/**
 * The deletes of a preview's plan, decided here (the engine never calls a provider's delete in a preview): each
 * by the cloud that applies it, with the stack's config as the plugin would have it.
 */
async function decideDeletes(stack: Stack, steps: readonly StepEventMetadata[]): Promise<LoggedDecision[]> {
  if (!steps.some((s) => s.op === 'delete')) return [];
  return asThePlugin(stack, async () => {
    const decided: LoggedDecision[] = [];
    for (const { cloud, change } of await planChanges(steps, (action) => action === 'delete'))
      decided.push({ changes: [loggedChange(change)], decision: await decidePlanned(cloud, [change]) });
    return decided;
  });
}

/**
 * Runs `up` (a preview, then the update, as `pulumi up` does), `preview`, `refresh` or `destroy` of the stack. A failed run
 * does not throw: it comes back with `ok: false`, the engine's error diagnostics and the policy's decisions.
 */
export async function runStack(
  stack: Stack,
  command: 'up' | 'preview' | 'refresh' | 'destroy',
  options: RunOptions = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-run-'));
  const log = join(dir, 'decisions.jsonl');
  const errors: { urn: string | undefined; message: string }[] = [];
  const policyViolations: PolicyEvent[] = [];
  /** The engine's count of what the update, refresh or destroy did (sent when it ends, failed or not). */
  let summary: OpMap = {};
  let applying = false;
  const onEvent = (event: EngineEvent): void => {
    if (applying && event.summaryEvent !== undefined) summary = event.summaryEvent.resourceChanges;
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === 'error') errors.push({ urn: diagnostic.urn, message: diagnostic.message.trim() });
    if (event.policyEvent !== undefined) policyViolations.push(event.policyEvent);
    options.onEvent?.(event);
  };
  /** Decisions made in this process (the plan's deletes). */
  const extra: LoggedDecision[] = [];
  const seen = (): Pick<RunResult, 'decisions' | 'errors' | 'policyViolations'> => ({
    decisions: [...readDecisions(log), ...extra],
    errors,
    policyViolations,
  });
  // The workspace's envVars reach the CLI and, through it, the provider processes of this run.
  const env = stack.workspace.envVars;
  const previous = env[decisionLogVariable];
  env[decisionLogVariable] = log;
  const common = {
    onEvent,
    ...(options.refresh === true ? { refresh: true } : {}),
    ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    ...(options.log === undefined
      ? {}
      : {
          logVerbosity: options.log.verbosity,
          logToStdErr: true,
          logFlow: true,
          onOutput: options.log.onText,
          onError: options.log.onText,
        }),
  };
  const packs = options.policyPacks === undefined ? {} : { policyPacks: [...options.policyPacks] };
  const planned = async (): Promise<{ blocked: number; changeSummary: OpMap }> => {
    if (options.decidePlan === false) return { blocked: 0, changeSummary: (await stack.preview({ ...common, ...packs })).changeSummary };
    const steps: StepEventMetadata[] = [];
    const collect = (event: EngineEvent): void => {
      const step = event.resourcePreEvent?.metadata;
      if (step !== undefined) steps.push(step);
      onEvent(event);
    };
    const mode = env[policyModeVariable];
    env[policyModeVariable] = 'report';
    let changeSummary: OpMap;
    try {
      changeSummary = (await stack.preview({ ...common, onEvent: collect, ...packs })).changeSummary;
    } finally {
      if (mode === undefined) Reflect.deleteProperty(env, policyModeVariable);
      else env[policyModeVariable] = mode;
    }
    extra.push(...(await decideDeletes(stack, steps)));
    const blocked = [...readDecisions(log), ...extra].filter(({ decision }) => !decision.allowed).length;
    return { blocked, changeSummary };
  };
  const blockedRun = (blocked: number): RunResult => ({
    ok: false,
    changes: {},
    outputs: {},
    failure: `the catalog policy blocks ${blocked} change(s) of this plan: nothing was applied (the decisions say each violation)`,
    ...seen(),
  });
  try {
    if (command === 'up' || command === 'destroy') await resolvePending(stack, options.onNotice);
    if (command === 'up') {
      // The Automation API's up skips the preview (`--skip-preview`); `pulumi up` previews first, and so does
      // this: a change the policy blocks fails the preview, before anything of the run is applied.
      const plan = await planned();
      if (plan.blocked > 0) return blockedRun(plan.blocked);
      applying = true;
      const result = await stack.up({ ...common, ...packs });
      return { ok: true, changes: result.summary.resourceChanges ?? {}, outputs: result.outputs, failure: undefined, ...seen() };
    }
    if (command === 'refresh') {
      // What the Image Service has now replaces the state (drift shows as updates, what vanished as deletes).
      applying = true;
      const result = await stack.refresh(common);
      return { ok: true, changes: result.summary.resourceChanges ?? {}, outputs: {}, failure: undefined, ...seen() };
    }
    if (command === 'destroy') {
      applying = true;
      const result = await stack.destroy(common);
      return { ok: true, changes: result.summary.resourceChanges ?? {}, outputs: {}, failure: undefined, ...seen() };
    }
    const plan = await planned();
    if (plan.blocked > 0) return blockedRun(plan.blocked);
    return { ok: true, changes: plan.changeSummary, outputs: {}, failure: undefined, ...seen() };
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    return { ok: false, changes: summary, outputs: {}, failure: errors.length > 0 ? undefined : essential(err.message), ...seen() };
  } finally {
    if (previous === undefined) Reflect.deleteProperty(env, decisionLogVariable);
    else env[decisionLogVariable] = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The resource name of a URN (`...::ubuntu-base-v1.1` -> `ubuntu-base-v1.1`). */
export function urnName(urn: string | undefined): string {
  return urn === undefined ? '' : (urn.split('::').at(-1) ?? urn);
}

/** The short type of a resource type token (`pulumi-nodejs:dynamic/image-catalog:Image` -> `Image`). */
function shortType(type: string): string {
  return type.split(':').at(-1) ?? type;
}

const verbs: Partial<Record<string, readonly [string, string]>> = {
  create: ['creating', 'created'],
  update: ['updating', 'updated'],
  delete: ['deleting', 'deleted'],
  replace: ['replacing', 'replaced'],
  'create-replacement': ['creating replacement', 'created replacement'],
  'delete-replaced': ['deleting replaced', 'deleted replaced'],
  refresh: ['refreshing', 'refreshed'],
};

/** The diagnostics a run prints; `debug` is not among them (the engine relays a plugin's stderr as debug). */
const shownSeverities: ReadonlySet<string> = new Set(['info', 'info#err', 'warning', 'error']);

/**
 * An engine-event handler that prints progress lines: each resource step as it starts and ends (with its time),
 * provider messages (upload progress, advisory violations), warnings and errors, CrossGuard violations.
 * Steps that change nothing are not printed.
 */
export function progressPrinter(write: (line: string) => void): (event: EngineEvent) => void {
  const started = new Map<string, { readonly t0: number; readonly op: string; readonly type: string; readonly urn: string }>();
  return (event) => {
    const pre = event.resourcePreEvent;
    if (pre !== undefined && pre.planning !== true) {
      const verb = verbs[pre.metadata.op];
      if (verb === undefined || pre.metadata.type === 'pulumi:pulumi:Stack' || pre.metadata.type.startsWith('pulumi:providers:')) return;
      const { op, type, urn } = pre.metadata;
      started.set(`${op} ${urn}`, { t0: Date.now(), op, type, urn });
      write(`  ${shortType(type)} ${urnName(urn)}: ${verb[0]}`);
      return;
    }
    const done = event.resOutputsEvent;
    if (done !== undefined && done.planning !== true) {
      const verb = verbs[done.metadata.op];
      const key = `${done.metadata.op} ${done.metadata.urn}`;
      const step = started.get(key);
      if (verb === undefined || step === undefined) return;
      started.delete(key);
      write(
        `  ${shortType(done.metadata.type)} ${urnName(done.metadata.urn)}: ${verb[1]} (${((Date.now() - step.t0) / 1000).toFixed(1)} s)`,
      );
      return;
    }
    const failed = event.resOpFailedEvent;
    if (failed !== undefined) {
      started.delete(`${failed.metadata.op} ${failed.metadata.urn}`);
      write(`  ${shortType(failed.metadata.type)} ${urnName(failed.metadata.urn)}: ${failed.metadata.op} failed`);
      return;
    }
    // The operation ended: a step begun and neither done nor failed (a component whose children failed, a create
    // cut off by another's failure) is said so, not left at "creating".
    if (event.summaryEvent !== undefined || event.cancelEvent !== undefined) {
      for (const step of started.values())
        write(`  ${shortType(step.type)} ${urnName(step.urn)}: ${step.op} not finished (the run stopped first)`);
      started.clear();
      return;
    }
    const diagnostic = event.diagnosticEvent;
    // The engine says it found the plugin on PATH each time it starts it: where openStack put it, not news.
    if (diagnostic?.severity === 'warning' && diagnostic.message.includes(`${pluginName} from $PATH at ${pluginDir}`)) return;
    if (diagnostic !== undefined && shownSeverities.has(diagnostic.severity)) {
      const who = diagnostic.urn === undefined || diagnostic.urn === '' ? '' : `${urnName(diagnostic.urn)}: `;
      const label = diagnostic.severity === 'info' || diagnostic.severity === 'info#err' ? '' : `${diagnostic.severity}: `;
      for (const line of diagnostic.message.trimEnd().split('\n')) write(`  ${label}${who}${line}`);
      return;
    }
    const policy = event.policyEvent;
    if (policy !== undefined) {
      write(`  policy ${policy.enforcementLevel} ${policy.policyName}: ${urnName(policy.resourceUrn)}: ${policy.message.trim()}`);
    }
  };
}

/** `2 created, 8 unchanged` of an operation count map (`2 to create, ...` for a preview's plan). */
export function formatChanges(changes: OpMap, planned = false): string {
  const names: Partial<Record<string, readonly [string, string]>> = {
    same: ['unchanged', 'unchanged'],
    create: ['created', 'to create'],
    update: ['updated', 'to update'],
    delete: ['deleted', 'to delete'],
    replace: ['replaced', 'to replace'],
  };
  const parts = Object.entries(changes)
    .filter(([, n]) => n > 0)
    .map(([op, n]) => `${n} ${names[op]?.[planned ? 1 : 0] ?? op}`);
  return parts.length === 0 ? 'no change' : parts.join(', ');
}
