/**
 * Runs a Pulumi program through Pulumi's Automation API (`LocalWorkspace`, inline programs): the `pulumi` CLI
 * found on PATH (or under `pulumiRoot`), no language host. What a run did comes back as data: the engine's events
 * (progress as it happens), the result's summary and outputs, and the catalog policy's decisions: the whole plan's,
 * decided here from a preview's steps with the runtime's one change builder, and what the plugin decides as it
 * applies, appended to a decision log (`IMAGE_CATALOG_DECISION_LOG`, one JSON object per line) that this module
 * gives each run and reads back.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CommandError,
  LocalWorkspace,
  PulumiCommand,
  StackNotFoundError,
  type ConfigMap,
  type Deployment,
  type EngineEvent,
  type OpMap,
  type OutputMap,
  type PolicyEvent,
  type PulumiFn,
  type Stack,
  type StepEventMetadata,
} from '@pulumi/pulumi/automation/index.js';
import { CloudConfigError } from '../client/errors.js';
import { policyModeVariable } from '../policy/data.js';
import type { Decision, Violation } from '../policy/decision.js';
import type { Change, ChangeAction } from '../policy/envelope.js';
import { backendProblem, essential, lockHolders, programError, type LockFile } from './cli-failure.js';
import { decisionLogVariable, loggedChange, planCreatesVariable, type LoggedChange } from './decision-log.js';
import type { PolicyMode, ProviderRuntime } from './runtime.js';
import { instanceKey, kindOfType, packageName, parseUrn } from './tokens.js';
import { pluginDir, pluginName } from './plugin/location.js';
import { isYamlProject } from './project.js';

/** A program: what a Pulumi project's main module would run (returns the stack outputs). */
export type Program = PulumiFn;

/** Which stack of which project a run is for. */
export interface StackTarget {
  /** The project folder: its Pulumi.yaml names the project; stack config lives in its Pulumi.<stack>.yaml. */
  readonly cwd: string;
  readonly stack: string;
  /**
   * A local file backend folder (`PULUMI_BACKEND_URL=file://...`); default: {@link backendUrl}, else the backend
   * the environment or `pulumi login` gives.
   */
  readonly stateDir?: string;
  /**
   * Any backend Pulumi takes as `PULUMI_BACKEND_URL` (a DIY backend on object storage, `s3://bucket?endpoint=...`,
   * or Pulumi Cloud); its credentials (AWS_*) go in {@link env}. Not with {@link stateDir}.
   */
  readonly backendUrl?: string;
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
  /** Every decision made in this run: the whole plan's, then the plugin's as it applied. */
  readonly decisions: readonly LoggedDecision[];
  /** Every violation of those decisions once (a change is decided with the plan and again as it is applied). */
  readonly violations: readonly Violation[];
  /** The engine's error diagnostics (what failed, per resource), when the run failed. */
  readonly errors: readonly { readonly urn: string | undefined; readonly message: string }[];
  /** The CLI's own failure text when the run failed and the engine reported no error diagnostic. */
  readonly failure: string | undefined;
  /** The CrossGuard violations reported. */
  readonly policyViolations: readonly PolicyEvent[];
  /** The locks that refused the run (another run holds the stack, or held it and was killed), when that failed it. */
  readonly locks?: readonly StackLock[];
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
   * Decide the whole plan from the preview (default true for `up` and `preview`): the plugin only reports during
   * it (IMAGE_CATALOG_POLICY_MODE=report), so every resource is planned, and this process decides every change of
   * the plan (deletes included, which the engine never shows a provider during a preview), one envelope per cloud;
   * a mandatory violation anywhere fails the run before anything is applied, with every violation in `decisions`,
   * each once. False: the preview decides as the plugin does in `pulumi preview` (the engine stops at the first
   * resource whose check fails).
   */
  readonly decidePlan?: boolean;
  /**
   * Told what the run does on its own: before `up` or `destroy`, an interrupted run (a killed `pulumi`) leaves
   * pending operations in the state, which the run resolves with a refresh first (see {@link resolvePending});
   * before the plan is decided, every value the stack's policy data override (`image-catalog:policy`) changes.
   */
  readonly onNotice?: (line: string) => void;
  /**
   * Pulumi's own log (`-v=<verbosity> --logtostderr --logflow`: the engine's and the providers'), with the CLI's
   * output, handed to `onText` as it comes (a diagnosis, or a check that no secret is in it).
   */
  readonly log?: { readonly verbosity: number; readonly onText: (text: string) => void };
}

function backendEnv(target: StackTarget): Record<string, string> {
  if (target.stateDir !== undefined && target.backendUrl !== undefined)
    throw new Error(`stack ${target.stack}: a state folder (stateDir) or a backend URL (backendUrl), not both`);
  if (target.backendUrl !== undefined) return { PULUMI_BACKEND_URL: target.backendUrl };
  if (target.stateDir === undefined) return {};
  mkdirSync(target.stateDir, { recursive: true });
  return { PULUMI_BACKEND_URL: pathToFileURL(target.stateDir).href };
}

/**
 * PATH with the plugin's folder first, where the engine finds `pulumi-resource-image-catalog`, and the folder of
 * the Node that runs this program after it: the plugin's launcher runs `node` from PATH, which must be one that can
 * run the package (a machine's older `node` earlier on PATH made the plugin exit at its start).
 */
function pluginPath(env: Readonly<Record<string, string>> | undefined): string {
  const path = (env?.['PATH'] ?? process.env['PATH'] ?? '').split(delimiter);
  const first = [pluginDir, dirname(process.execPath)];
  return [...first, ...path.filter((dir) => !first.includes(dir))].join(delimiter);
}

/** A lock of a DIY backend's stack, `held` when its process still runs (or runs on another machine, where this one cannot tell). */
export type StackLock = LockFile & { readonly held: boolean };

function held(lock: LockFile): StackLock {
  return { ...lock, held: lock.hostname !== hostname() || running(lock.pid) };
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
 * The locks of the target's stack in a local state folder, each `held` when its process still runs (or runs on
 * another machine, where this one cannot tell).
 */
export async function stackLocks(stack: Stack, target: StackTarget): Promise<StackLock[]> {
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
    .map((f) => held(JSON.parse(readFileSync(join(dir, f), 'utf8')) as LockFile));
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
 * record the interrupted one made (it carries the resource's creation mark): it takes it over when its data is complete and
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
  const workspace = {
    workDir: target.cwd,
    envVars: { ...backendEnv(target), ...target.env, PATH: pluginPath(target.env) },
    pulumiCommand: await PulumiCommand.get(target.pulumiRoot === undefined ? {} : { root: target.pulumiRoot }),
  };
  const open = (): Promise<Stack> => {
    if (isYamlProject(target.cwd)) {
      // A Pulumi YAML project is its own program: the CLI runs it with pulumi-language-yaml (`program` is not used).
      const local = { stackName: target.stack, workDir: target.cwd };
      return options.existing === true
        ? LocalWorkspace.selectStack(local, workspace)
        : LocalWorkspace.createOrSelectStack(local, workspace);
    }
    const args = { stackName: target.stack, projectName: 'image-catalog', program };
    return options.existing === true ? LocalWorkspace.selectStack(args, workspace) : LocalWorkspace.createOrSelectStack(args, workspace);
  };
  try {
    return await open();
  } catch (err) {
    throw withBackendProblem(err, target);
  }
}

/** A failure to reach the target's backend URL said of the backend (keys, bucket, endpoint); any other as it is. */
function withBackendProblem(err: unknown, target: StackTarget): unknown {
  if (target.backendUrl === undefined || !(err instanceof CommandError) || err instanceof StackNotFoundError) return err;
  const problem = backendProblem(err.message, target.backendUrl);
  return problem === undefined ? err : new Error(problem, { cause: err });
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

/** A change of a plan with the cloud that applies it and the resource's URN (where the program declares it). */
export interface PlannedChange {
  readonly cloud: string | undefined;
  readonly change: Change;
  readonly urn: string;
}

/** The URN of a step's provider, from its `<provider urn>::<id>` reference. */
function providerUrnOf(step: StepEventMetadata): string | undefined {
  return (step.new?.provider ?? step.old?.provider)?.split('::').slice(0, -1).join('::');
}

/**
 * The cloud of each resource's provider when it names one (an explicit `Provider('x', { cloud })`), by the
 * resource's URN, from a plan's steps (a provider's step carries its inputs; a resource's, its provider's
 * `<urn>::<id>` reference). Undefined for a resource of a provider without a cloud (the stack's default provider).
 */
function providerClouds(steps: readonly StepEventMetadata[]): (urn: string) => string | undefined {
  const clouds = new Map<string, string>();
  const providerOf = new Map<string, string>();
  for (const step of steps) {
    const cloud: unknown = (step.new?.inputs ?? step.old?.inputs)?.['cloud'];
    if (step.type === `pulumi:providers:${packageName}` && typeof cloud === 'string' && cloud !== '') clouds.set(step.urn, cloud);
    const provider = providerUrnOf(step);
    if (provider !== undefined && !providerOf.has(step.urn)) providerOf.set(step.urn, provider);
  }
  return (urn) => {
    const provider = providerOf.get(urn);
    return provider === undefined ? undefined : clouds.get(provider);
  };
}

/**
 * The changes of a preview's plan, one per resource of this package, built by the runtime's one change builder
 * (the same the plugin decides with: the state's outputs and inputs, the program's new inputs), each with the
 * cloud that applies it: the resource's own `cloud`, else its provider's (an explicit `Provider` with a cloud),
 * else the stack's. A replace comes as several steps (create-replacement, replace, delete-replaced), and the old
 * state (the image replaced, whose name the replacement may keep) is on some of them only.
 */
export async function planChanges(
  runtime: ProviderRuntime,
  steps: readonly StepEventMetadata[],
): Promise<{ readonly planned: PlannedChange[]; readonly secret: ReadonlySet<string> }> {
  const planned = new Map<string, { action: ChangeAction; type: string; old?: StepEventMetadata['old']; new?: StepEventMetadata['new'] }>();
  const providerCloud = providerClouds(steps);
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
  const changes: PlannedChange[] = [];
  const secret = new Set<string>();
  for (const [urn, step] of planned) {
    const kind = kindOfType(step.new?.type ?? step.old?.type ?? step.type);
    if (kind === undefined) continue;
    // The engine's events carry a secret value encrypted: the plugin, which sees it, decides that change. A delete
    // (the plugin never sees one in a preview) is decided here: its image is read from Glance, and what the state
    // says of a secret is only that it is one.
    if (step.action !== 'delete' && (hasSecret(step.new?.inputs) || hasSecret(step.old?.inputs) || hasSecret(step.old?.outputs))) {
      secret.add(urnName(urn));
      continue;
    }
    const bag = (value: unknown): Record<string, unknown> | undefined => withoutSecrets(value) as Record<string, unknown> | undefined;
    const { cloud, change } = await runtime.changeOf(kind, urnName(urn), {
      action: step.action,
      id: step.old?.id,
      urn,
      providerCloud: providerCloud(urn),
      ...(step.action === 'create' ? {} : { olds: bag(step.old?.outputs), oldInputs: bag(step.old?.inputs) }),
      ...(step.action === 'delete' ? {} : { news: bag(step.new?.inputs) }),
    });
    changes.push({ cloud, change, urn });
  }
  return { planned: changes, secret };
}

/**
 * The image changes of other clouds that shares of `changes` refer to (their `image_address`), as context: the
 * sharing rule reads the image's visibility from them. A `noop` with the image's new document on both sides, which
 * no other rule decides (each decides the image's own change in its own cloud's envelope).
 */
function linkedImages(changes: readonly Change[], all: readonly PlannedChange[]): Change[] {
  const here = new Set(changes.map((c) => c.address));
  const wanted = new Set(changes.flatMap((c) => (typeof c.after?.['image_address'] === 'string' ? [c.after['image_address']] : [])));
  return all
    .map((p) => p.change)
    .filter((c) => c.kind === 'image' && wanted.has(c.address) && !here.has(c.address) && c.after !== null)
    .map((c) => ({ ...c, action: 'noop', before: c.after, after: c.after }));
}

/** The signature of a secret value in the engine's events (Pulumi's `4dabf18193072939515e22adb298388d` key). */
const secretSignature = '4dabf18193072939515e22adb298388d';

/** A value of the engine's events with each secret shown as `[secret]` (its ciphertext is no value of the resource). */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  if (secretSignature in value) return '[secret]';
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
}

/** Whether a value of the engine's events holds a secret (encrypted there, or shown as `[secret]`). */
function hasSecret(value: unknown): boolean {
  if (value === '[secret]') return true;
  if (Array.isArray(value)) return value.some(hasSecret);
  if (typeof value !== 'object' || value === null) return false;
  return secretSignature in value || Object.values(value).some(hasSecret);
}

/** The decision of the changes one cloud applies: one envelope, the whole plan's share of that cloud. */
export interface CloudDecision {
  /** The cloud's name, '(environment)' for OS_* (no cloud named), '(provider plugin)' for what the plugin decided. */
  readonly cloud: string;
  readonly changes: readonly LoggedChange[];
  /** Each change's resource URN, by change address. */
  readonly urns: ReadonlyMap<string, string>;
  readonly decision: Decision;
}

/**
 * The runtime that decides a stack's plan in this process as its plugin would: the stack's config, clouds
 * resolved with the run's environment (the workspace's OS_* over this process's) from the project's folder; it
 * only reports (this process decides the plan). `read`: the stack's config when the caller already asked for it.
 */
export async function planRuntime(
  stack: Stack,
  read?: Promise<ConfigMap>,
  instanceKeyOf?: (urn: string) => string | undefined,
): Promise<ProviderRuntime> {
  const [{ ProviderRuntime }, config] = await Promise.all([import('./runtime.js'), read ?? stack.getAllConfig()]);
  const runEnv = Object.fromEntries(Object.entries(stack.workspace.envVars).filter(([k]) => k.startsWith('OS_')));
  const runtime = new ProviderRuntime({
    ...(instanceKeyOf === undefined ? {} : { instanceKeyOf }),
    config: { get: (key) => config[key]?.value },
    env: { ...process.env, ...runEnv },
    cwd: stack.workspace.workDir,
    mode: 'report',
  });
  runtime.warmUp();
  return runtime;
}

/**
 * Decides the whole plan of a preview's steps: every change of this package's resources (deletes included, which
 * the engine never shows a provider during a preview), one envelope per cloud that applies changes. A change whose
 * values include a secret (encrypted in the engine's events) is the plugin's to decide, with the same change
 * builder, as it saw it during the preview: its decision comes from `plugin` (the run's decision log).
 */
export async function decidePlan(
  runtime: ProviderRuntime,
  steps: readonly StepEventMetadata[],
  plugin: () => readonly LoggedDecision[] = () => [],
): Promise<CloudDecision[]> {
  const { planned: all, secret } = await planChanges(runtime, steps);
  // By the cloud that applies them: a resource that names none is the provider's cloud's, with those that name it.
  const byCloud = new Map<string, PlannedChange[]>();
  for (const planned of all) {
    const key = runtime.cloudName(planned.cloud) ?? '';
    byCloud.set(key, [...(byCloud.get(key) ?? []), planned]);
  }
  const decided: CloudDecision[] = [];
  for (const [cloud, planned] of byCloud) {
    const changes = planned.map((p) => p.change);
    decided.push({
      cloud: cloud === '' ? '(environment)' : cloud,
      changes: changes.map(loggedChange),
      urns: new Map(planned.map((p) => [p.change.address, p.urn])),
      decision: await runtime.decideAs(cloud === '' ? undefined : cloud, [...changes, ...linkedImages(changes, all)]),
    });
  }
  if (secret.size > 0) {
    const urns = new Map(steps.filter((s) => secret.has(urnName(s.urn))).map((s) => [urnName(s.urn), s.urn]));
    // An address is `<Type>::<resource name>`.
    const nameOf = (address: string): string => address.split('::').slice(1).join('::');
    for (const logged of plugin())
      if (logged.changes.some((c) => secret.has(nameOf(c.address))))
        decided.push({
          cloud: '(provider plugin)',
          changes: logged.changes,
          urns: new Map(
            logged.changes.flatMap((c) => {
              const urn = urns.get(nameOf(c.address));
              return urn === undefined ? [] : [[c.address, urn] as const];
            }),
          ),
          decision: logged.decision,
        });
  }
  return decided;
}

/** What one run collects from the engine's events and the providers' decision log, for its {@link RunResult}. */
class RunRecord {
  readonly errors: { urn: string | undefined; message: string }[] = [];
  readonly policyViolations: PolicyEvent[] = [];
  /** Decisions made in this process (the whole plan). */
  readonly planned: LoggedDecision[] = [];
  /** The engine's count of what the update, refresh or destroy did (sent when it ends, failed or not). */
  summary: OpMap = {};
  applying = false;
  private readonly dir = mkdtempSync(join(tmpdir(), 'image-catalog-run-'));
  /** The creation marks of the decided plan's creates, for the plugins that apply it (planCreatesVariable). */
  readonly creates = join(this.dir, 'creates.json');
  /** The decision logs the providers of this run append to: while they only report (the plan), and as they apply. */
  readonly logs: Readonly<Record<PolicyMode, string>> = {
    report: join(this.dir, 'reported.jsonl'),
    enforce: join(this.dir, 'applied.jsonl'),
  };

  constructor(private readonly options: RunOptions) {}

  /** Where the run tells what it does on its own (RunOptions.onNotice). */
  get onNotice(): ((line: string) => void) | undefined {
    return this.options.onNotice;
  }

  readonly onEvent = (event: EngineEvent): void => {
    if (this.applying && event.summaryEvent !== undefined) this.summary = event.summaryEvent.resourceChanges;
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === 'error') {
      // The language host says a program's exception twice (with and without its stack): kept once, without it.
      const message = programError(diagnostic.message);
      if (!this.errors.some((e) => e.urn === diagnostic.urn && e.message === message)) this.errors.push({ urn: diagnostic.urn, message });
    }
    if (event.policyEvent !== undefined) this.policyViolations.push(event.policyEvent);
    this.options.onEvent?.(event);
  };

  /** The options every Automation API call of the run takes. */
  common(onEvent: (event: EngineEvent) => void = this.onEvent): Record<string, unknown> & { onEvent: (event: EngineEvent) => void } {
    const options = this.options;
    return {
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
  }

  packs(): { policyPacks?: string[] } {
    return this.options.policyPacks === undefined ? {} : { policyPacks: [...this.options.policyPacks] };
  }

  seen(): Pick<RunResult, 'decisions' | 'violations' | 'errors' | 'policyViolations'> {
    const decisions = [...this.planned, ...readDecisions(this.logs.enforce)];
    const violations = new Map<string, Violation>();
    for (const { decision } of decisions)
      for (const v of decision.violations) violations.set(JSON.stringify([v.address, v.rule, v.field, v.message, v.level]), v);
    return { decisions, violations: [...violations.values()], errors: this.errors, policyViolations: this.policyViolations };
  }

  ok(changes: OpMap, outputs: OutputMap = {}): RunResult {
    return { ok: true, changes, outputs, failure: undefined, ...this.seen() };
  }

  failed(err: CommandError | CloudConfigError): RunResult {
    const locks = lockHolders(err.message);
    return {
      ok: false,
      changes: this.summary,
      outputs: {},
      failure: this.errors.length > 0 ? undefined : essential(err.message),
      ...this.seen(),
      ...(locks === undefined ? {} : { locks: locks.map(held) }),
    };
  }

  blocked(count: number, refused: readonly string[] = []): RunResult {
    const policy = count === 0 ? [] : [`the catalog policy blocks ${count} change(s) of this plan (the decisions say each violation)`];
    return {
      ok: false,
      changes: {},
      outputs: {},
      failure: [...policy, ...refused.map((line) => `refused: ${line}`), 'nothing was applied'].join('\n'),
      ...this.seen(),
    };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` with the stack's workspace environment giving the providers' mode (IMAGE_CATALOG_POLICY_MODE) and
 * the run's decision log (IMAGE_CATALOG_DECISION_LOG): both reach the plugin processes the CLI starts. Put back
 * after; a CommandError, or a cloud that cannot be resolved, becomes a failed result.
 */
async function withRun(stack: Stack, record: RunRecord, mode: PolicyMode, work: () => Promise<RunResult>): Promise<RunResult> {
  const env = stack.workspace.envVars;
  const saved = { log: env[decisionLogVariable], mode: env[policyModeVariable], creates: env[planCreatesVariable] };
  env[decisionLogVariable] = record.logs[mode];
  if (mode === 'report') env[policyModeVariable] = 'report';
  else Reflect.deleteProperty(env, policyModeVariable);
  env[planCreatesVariable] = record.creates;
  try {
    return await work();
  } catch (err) {
    // A failed pulumi command, or clouds the plan cannot be decided with (no cloud configured): a failed run.
    if (!(err instanceof CommandError) && !(err instanceof CloudConfigError)) throw err;
    return record.failed(err);
  } finally {
    for (const [key, value] of [
      [decisionLogVariable, saved.log],
      [policyModeVariable, saved.mode],
      [planCreatesVariable, saved.creates],
    ] as const) {
      if (value === undefined) Reflect.deleteProperty(env, key);
      else env[key] = value;
    }
  }
}

/** A preview's plan: the engine's change summary, and the whole plan decided in this process. */
export interface PreviewPlan {
  readonly changeSummary: OpMap;
  /** Each resource's step, in the engine's order ({@link planSteps}). */
  readonly steps: readonly PlanStep[];
  readonly decisions: readonly CloudDecision[];
  /** Creates refused because another resource owns what they would make (a store another stack instance claims). */
  readonly refused: readonly string[];
  readonly allowed: boolean;
}

/** One resource's step in a plan: its URN, its type and the engine's op. */
export interface PlanStep {
  readonly urn: string;
  readonly type: string;
  /** create, update, replace, delete, import, same, read, ... (a replace's several steps are one `replace`). */
  readonly op: string;
}

/**
 * The plan as one step per resource, in the engine's order: the ops of a replace (create-replacement, replace,
 * delete-replaced; import-replacement for an import that replaces) are one `replace`, every other op as the engine
 * names it (create, update, delete, import, same, read, refresh, discard, remove-pending-replace).
 */
export function planSteps(steps: readonly Pick<StepEventMetadata, 'urn' | 'type' | 'op'>[]): PlanStep[] {
  const byUrn = new Map<string, PlanStep>();
  for (const step of steps) {
    const op = ['replace', 'create-replacement', 'delete-replaced', 'import-replacement'].includes(step.op) ? 'replace' : step.op;
    const known = byUrn.get(step.urn);
    if (known === undefined || op === 'replace') byUrn.set(step.urn, { urn: step.urn, type: step.type, op });
  }
  return [...byUrn.values()];
}

/** Each image-catalog provider resource's stack instance key in an exported state, by the provider's URN. */
function providerKeys(exported: Deployment): Map<string, string> {
  const resources = (exported.deployment as { resources?: { urn: string; type: string; inputs?: Record<string, unknown> }[] } | undefined)
    ?.resources;
  const keys = new Map<string, string>();
  for (const resource of resources ?? []) {
    const key = resource.inputs?.[instanceKey];
    if (resource.type === `pulumi:providers:${packageName}` && typeof key === 'string') keys.set(resource.urn, key);
  }
  return keys;
}

/**
 * Previews the stack with its providers only reporting and decides the whole plan here ({@link decidePlan}): the
 * step every `up`, `preview` and `pr-check` takes before anything is applied. Throws CommandError when the preview
 * itself fails.
 */
async function previewPlan(
  stack: Stack,
  record: RunRecord,
  config?: Promise<ConfigMap>,
  /** The plan previewed: an update's (default), or a destroy's (every resource of the state deleted). */
  kind: 'update' | 'destroy' = 'update',
): Promise<PreviewPlan> {
  const steps: StepEventMetadata[] = [];
  // Each resource's provider (its URN, from the step's `<provider urn>::<id>` reference).
  const providerOf = new Map<string, string>();
  const collect = (event: EngineEvent): void => {
    const step = event.resourcePreEvent?.metadata;
    if (step !== undefined) {
      steps.push(step);
      const provider = providerUrnOf(step);
      if (provider !== undefined && !providerOf.has(step.urn)) providerOf.set(step.urn, provider);
    }
    record.onEvent(event);
  };
  // Each resource is marked with its provider's stack instance key, kept in the state (provider/resources/mark.ts).
  const keys = stack.exportStack().then(providerKeys, () => new Map<string, string>());
  let keyOf = new Map<string, string>();
  const instanceKeyOf = (urn: string): string | undefined => {
    const provider = providerOf.get(urn);
    return provider === undefined ? undefined : keyOf.get(provider);
  };
  // The stack's config and the runtime are made ready while the engine previews.
  const read = config ?? stack.getAllConfig();
  const runtime = planRuntime(stack, read, instanceKeyOf);
  runtime.catch(() => undefined);
  const { changeSummary } =
    kind === 'destroy'
      ? await stack.previewDestroy(record.common(collect))
      : await stack.preview({ ...record.common(collect), ...record.packs() });
  // Every value the stack's policy data override changes is said (a policy switched off is never silent).
  const policy = (await read)['image-catalog:policy']?.value;
  if (policy !== undefined && policy !== '' && record.onNotice !== undefined) {
    const { describeOverrides } = await import('../policy/data.js');
    for (const line of describeOverrides([{ source: 'stack config image-catalog:policy', value: JSON.parse(policy) as unknown }]))
      record.onNotice(`policy data override: ${line}`);
  }
  keyOf = await keys;
  const rt = await runtime;
  const decisions = await decidePlan(rt, steps, () => readDecisions(record.logs.report));
  record.planned.push(...decisions.map((d) => ({ changes: d.changes, decision: d.decision })));
  // The plugins only report during this preview: what another resource owns is refused here, every create at once.
  const refused = await claimRefusals(rt, steps);
  // The plugins that apply the plan know its creates from the start (what an interrupted create of one left is the run's own).
  const creates = steps.flatMap((step) => {
    const kind = kindOfType(step.type);
    const mark = kind === undefined || actionOf(step.op) !== 'create' ? undefined : rt.creatingMark(kind, step.urn);
    return mark === undefined ? [] : [mark];
  });
  writeFileSync(record.creates, JSON.stringify(creates), { mode: 0o600 });
  return {
    changeSummary,
    steps: planSteps(steps),
    decisions,
    refused,
    allowed: decisions.every((d) => d.decision.allowed) && refused.length === 0,
  };
}

/** What {@link previewStack} gives: the run's result, and the plan when the preview ran. */
export interface PreviewResult extends RunResult {
  readonly plan: PreviewPlan | undefined;
}

/**
 * `preview`: the plan, decided as a whole (see {@link previewPlan}); blocked when a mandatory violation is in it.
 * `config`: the stack's config when the caller already asked for it. With `decidePlan: false`, the providers
 * decide as in `pulumi preview` (the engine stops at the first resource whose check fails).
 */
export async function previewStack(stack: Stack, options: RunOptions = {}, config?: Promise<ConfigMap>): Promise<PreviewResult> {
  const record = new RunRecord(options);
  let plan: PreviewPlan | undefined;
  try {
    const result = await withRun(stack, record, options.decidePlan === false ? 'enforce' : 'report', async () => {
      if (options.decidePlan === false) return record.ok((await stack.preview({ ...record.common(), ...record.packs() })).changeSummary);
      plan = await previewPlan(stack, record, config);
      return plan.allowed ? record.ok(plan.changeSummary) : record.blocked(blockedCount(plan), plan.refused);
    });
    return { ...result, plan };
  } finally {
    record.dispose();
  }
}

/**
 * The plan's creates refused because another resource owns what they would make: a store another mark claims
 * ({@link ProviderRuntime.claimsOf}), a name an image of another stack instance holds ({@link ProviderRuntime.catalogClaimsOf}).
 */
async function claimRefusals(runtime: ProviderRuntime, steps: readonly StepEventMetadata[]): Promise<string[]> {
  const refused: string[] = [];
  const providerCloud = providerClouds(steps);
  for (const step of steps) {
    const kind = kindOfType(step.type);
    if (kind === undefined || actionOf(step.op) !== 'create' || step.new === undefined) continue;
    const news = withoutSecrets(step.new.inputs) as Record<string, unknown>;
    refused.push(...runtime.claimsOf(kind, urnName(step.urn), step.urn, news));
    refused.push(...(await runtime.catalogClaimsOf(kind, urnName(step.urn), step.urn, news, providerCloud(step.urn))));
  }
  return refused;
}

/** How many changes of the plan a mandatory violation blocks. */
function blockedCount(plan: PreviewPlan): number {
  return new Set(plan.decisions.flatMap((d) => d.decision.violations.filter((v) => v.level === 'mandatory').map((v) => v.address))).size;
}

/**
 * `up` as `pulumi up` runs it: what an interrupted run left pending is resolved, the plan is previewed and decided
 * as a whole (a change the policy blocks stops the run before anything is applied; the Automation API's own up
 * skips that preview), then the update is applied by the plugin, which decides each change again as it applies it.
 */
export async function upStack(stack: Stack, options: RunOptions = {}): Promise<RunResult> {
  const record = new RunRecord(options);
  try {
    const plan = await withRun(stack, record, options.decidePlan === false ? 'enforce' : 'report', async () => {
      await resolvePending(stack, options.onNotice);
      if (options.decidePlan === false) return record.ok({});
      const decided = await previewPlan(stack, record);
      return decided.allowed ? record.ok({}) : record.blocked(blockedCount(decided), decided.refused);
    });
    if (!plan.ok) return plan;
    return await withRun(stack, record, 'enforce', async () => {
      record.applying = true;
      const result = await stack.up({ ...record.common(), ...record.packs() });
      return record.ok(result.summary.resourceChanges ?? {}, result.outputs);
    });
  } finally {
    record.dispose();
  }
}

/** `refresh`: what the Image Service has now replaces the state's outputs (drift shows as updates, what vanished as deletes). */
export async function refreshStack(stack: Stack, options: RunOptions = {}): Promise<RunResult> {
  const record = new RunRecord(options);
  try {
    return await withRun(stack, record, 'enforce', async () => {
      record.applying = true;
      const result = await stack.refresh(record.common());
      return record.ok(result.summary.resourceChanges ?? {});
    });
  } finally {
    record.dispose();
  }
}

/**
 * `destroy` as `up` runs: what an interrupted run left pending is resolved, the destroy is previewed and its deletes
 * decided as a whole (a delete the policy blocks, such as a published image not deprecated first, stops the run
 * before anything is deleted: the engine would delete in dependency order and stop at the first refusal, leaving
 * a consumer's share deleted and its image not), then applied by the plugin, which decides each delete again.
 */
export async function destroyStack(stack: Stack, options: RunOptions = {}): Promise<RunResult> {
  const record = new RunRecord(options);
  try {
    const plan = await withRun(stack, record, options.decidePlan === false ? 'enforce' : 'report', async () => {
      await resolvePending(stack, options.onNotice);
      if (options.decidePlan === false) return record.ok({});
      const decided = await previewPlan(stack, record, undefined, 'destroy');
      return decided.allowed ? record.ok({}) : record.blocked(blockedCount(decided), decided.refused);
    });
    if (!plan.ok) return plan;
    return await withRun(stack, record, 'enforce', async () => {
      record.applying = true;
      const result = await stack.destroy(record.common());
      return record.ok(result.summary.resourceChanges ?? {});
    });
  } finally {
    record.dispose();
  }
}

/** The commands of {@link runStack}. */
export const stackCommands = { up: upStack, preview: previewStack, refresh: refreshStack, destroy: destroyStack } as const;

/**
 * Runs `up`, `preview`, `refresh` or `destroy` of the stack (each its own function above). A failed run does not
 * throw: it comes back with `ok: false`, the engine's error diagnostics and the policy's decisions.
 *
 * A run refused by a lock whose every holder is gone (a `pulumi` of this machine killed in the middle of a run keeps
 * the stack locked until `pulumi cancel`) runs once more as it is (a holder that ended normally has deleted its
 * lock), and when the lock is still there clears it, after saying so (`onNotice`), and runs again: on any DIY
 * backend (a local folder, S3, ...). A lock held by a process still running, or by another machine, is left: the
 * run fails with `locks` naming each holder.
 */
export async function runStack(stack: Stack, command: keyof typeof stackCommands, options: RunOptions = {}): Promise<RunResult> {
  const run = (): Promise<RunResult> => stackCommands[command](stack, options);
  const stale = (result: RunResult): boolean =>
    !result.ok && result.locks !== undefined && result.locks.length > 0 && result.locks.every((lock) => !lock.held);
  const first = await run();
  if (!stale(first)) return first;
  const second = await run();
  if (!stale(second)) return second;
  // One line per holder (a run may leave more than one lock file).
  const holders = new Map((second.locks ?? []).map((lock) => [`${lock.pid}@${lock.hostname}@${lock.timestamp}`, lock]));
  for (const lock of holders.values())
    options.onNotice?.(
      `stack ${stack.name} is locked by pulumi pid ${lock.pid} (${lock.username}@${lock.hostname}, since ${lock.timestamp}), ` +
        'which is no longer running (an interrupted run): clearing its lock (pulumi cancel)',
    );
  await stack.cancel();
  return run();
}

/** The resource name of a URN (`...::ubuntu-base-v1.1` -> `ubuntu-base-v1.1`). */
export function urnName(urn: string | undefined): string {
  return urn === undefined ? '' : parseUrn(urn).name;
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
  import: ['importing', 'imported'],
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
  // An `up` runs the program twice (its preview, then the update): a notice it logs is shown once; an error of the
  // program (said twice by the language host, once with its stack) once, without the stack.
  const said = new Set<string>();
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
      // A refresh's step ends with the op of what it found (same, update, delete), not with `refresh`.
      const key = [`${done.metadata.op} ${done.metadata.urn}`, `refresh ${done.metadata.urn}`].find((k) => started.has(k));
      const step = key === undefined ? undefined : started.get(key);
      const verb = step === undefined ? undefined : verbs[step.op];
      if (key === undefined || step === undefined || verb === undefined) return;
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
      const message = diagnostic.severity === 'error' ? programError(diagnostic.message) : diagnostic.message.trimEnd();
      const text = `${label}${who}${message}`;
      if ((label === '' || diagnostic.severity === 'error') && said.has(text)) return;
      said.add(text);
      for (const line of message.split('\n')) write(`  ${label}${who}${line}`);
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
    import: ['imported', 'to import'],
  };
  const parts = Object.entries(changes)
    .filter(([, n]) => n > 0)
    .map(([op, n]) => `${n} ${names[op]?.[planned ? 1 : 0] ?? op}`);
  return parts.length === 0 ? 'no change' : parts.join(', ');
}
