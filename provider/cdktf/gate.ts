/**
 * The apply gate: the Terraform binary `cdktn deploy`, `cdktn diff` and `cdktn destroy` run
 * (`TERRAFORM_BINARY_NAME=image-catalog-tofu`; their deploy has no hooks). Every command goes to the real binary
 * (IMAGE_CATALOG_TERRAFORM, else `tofu`, else `terraform` on PATH) with the gate variable set
 * (./gate-variable.ts) and the creation marks (./marks.ts); a local state left empty or cut off stops `init`,
 * `plan`, `apply` and `destroy` with the way back (./state.ts); `apply` and `destroy` become:
 *
 *   what an interrupted apply left put right (./marks.ts)  ->  plan -out=<file> (-destroy)  ->  show -json <file>
 *   ->  the decision (./decide.ts, as each resource's cloud, against what Glance has) and the sources of the images
 *   it creates (./sources.ts)  ->  apply <file>, the very plan that was decided  ->  on failure, its half-made
 *   records removed; on success, each CatalogImage's declared deactivation set (./deactivation.ts)
 *
 * and `plan` is decided too (so `cdktn diff` shows the decision): a plan the policy blocks is not kept, because a
 * saved plan carries the gate variable and plain `tofu apply <file>` would apply it.
 *
 * A mandatory violation stops before any API call that changes something and names the construct path (from
 * cdk.tf.json's metadata), the address, the rule, the field and the remediation; advisory ones are printed. Without
 * -auto-approve the gate asks as tofu does, so `cdktn deploy` shows its own approval prompt. An `apply <planfile>`
 * decides that plan. The module imports nothing of cdktn.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatDecision, type Decision } from '../policy/decision.js';
import type { EngineOptions } from '../policy/engine.js';
import type { Change } from '../policy/envelope.js';
import { cloudOfResource, configAddress, decidePlan, type PlanDecision, type PlanJson } from './decide.js';
import { applyDeclaredStatus, declaredDeactivation, statusChanges } from './deactivation.js';
import { synthesizedResources } from './declared.js';
import type { StackMarks } from '../resources/mark.js';
import { marksByPath, marksVariable, pullState, recoverLeftovers, stackMarks } from './marks.js';
import { movedShareRefusals, sourceRefusals } from './sources.js';
import { localStatePath, localStateProblem } from './state.js';

/** The root variable every stack with a catalog construct requires (./gate-variable.ts), and the value only the gate gives it. */
export const gateVariable = { name: 'image_catalog_gate', value: 'decided-by-image-catalog' } as const;

/** The real Terraform binary: IMAGE_CATALOG_TERRAFORM, else tofu, else terraform on PATH (never the gate itself). */
export function realTerraform(env: NodeJS.ProcessEnv = process.env, self?: string): string {
  const explicit = env['IMAGE_CATALOG_TERRAFORM'];
  if (explicit !== undefined && explicit !== '') return explicit;
  const own = self === undefined ? undefined : realpathSync(self);
  for (const name of ['tofu', 'terraform']) {
    for (const dir of (env['PATH'] ?? '').split(delimiter).filter((d) => d !== '')) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && realpathSync(candidate) !== own) return candidate;
    }
  }
  throw new Error('image-catalog-tofu: neither tofu nor terraform is on PATH; set IMAGE_CATALOG_TERRAFORM to the binary');
}

/** construct path by resource address (`type.name`), from the synthesized cdk.tf.json of `dir`, when there is one. */
export function constructPaths(dir: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const [address, resource] of synthesizedResources(dir)) if (resource.path !== undefined) paths.set(address, resource.path);
  return paths;
}

/** The decision with each address shown as `construct/path (address)`. */
export function withConstructPaths(decision: Decision, paths: ReadonlyMap<string, string>): Decision {
  return {
    ...decision,
    violations: decision.violations.map((v) => {
      const path = paths.get(configAddress(v.address));
      return path === undefined ? v : { ...v, address: `${path} (${v.address})` };
    }),
  };
}

/** The arguments of `apply`/`destroy` split into what `plan` takes and what the gate itself reads. */
export function splitApplyArgs(args: readonly string[]): {
  planArgs: string[];
  autoApprove: boolean;
  planFile: string | undefined;
  noColor: boolean;
  parallelism: string | undefined;
} {
  const planArgs: string[] = [];
  let autoApprove = false;
  let planFile: string | undefined;
  let noColor = false;
  let parallelism: string | undefined;
  for (const arg of args) {
    if (arg === '-auto-approve' || arg === '--auto-approve') autoApprove = true;
    else if (!arg.startsWith('-')) planFile = arg;
    else {
      if (arg === '-no-color') noColor = true;
      if (arg.startsWith('-parallelism=')) parallelism = arg;
      if (arg !== '-input=false' && arg !== '-input=true') planArgs.push(arg);
    }
  }
  return { planArgs, autoApprove, planFile, noColor, parallelism };
}

/**
 * Runs the real binary, its output passed on (stdout line by line without the lines `drop` matches, when given);
 * its exit code.
 */
function run(binary: string, args: readonly string[], env: NodeJS.ProcessEnv, drop?: (line: string) => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['inherit', drop === undefined ? 'inherit' : 'pipe', 'inherit'], env });
    if (drop !== undefined && child.stdout !== null)
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (!drop(line)) process.stdout.write(`${line}\n`);
      });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

/**
 * tofu's advice after a plan saved to the gate's own file (`Saved the plan to: <file>`, `run the following command
 * to apply: tofu apply "<file>"`): the gate applies that plan itself, or removes it when it is refused.
 */
function planFileAdvice(planFile: string): (line: string) => boolean {
  return (line) => line.includes(planFile) || /To perform exactly these actions, run the following command to apply:/.test(line);
}

/** Asks as tofu does (cdktn recognises the question and shows its own prompt); true on "yes". */
async function approve(destroy: boolean): Promise<boolean> {
  process.stdout.write(
    destroy
      ? '\nDo you really want to destroy all resources?\n  OpenTofu will destroy all your managed infrastructure, as shown above.\n'
      : '\nDo you want to perform these actions?\n  OpenTofu will perform the actions described above.\n',
  );
  process.stdout.write("  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.trim() === 'yes';
  }
  return false;
}

/** Options of {@link runGate}. */
export interface GateOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly overrides?: EngineOptions['overrides'];
  /** The gate's own executable (so the search for the real binary skips it). */
  readonly self?: string;
  readonly cwd?: string;
}

/** The provider configuration the state records for each resource (`tofu state pull` in `cwd`), by address; empty without state. */
function stateProviders(binary: string, env: NodeJS.ProcessEnv, cwd?: string): Map<string, string> {
  const providers = new Map<string, string>();
  for (const r of pullState(binary, env, cwd ?? process.cwd())?.resources ?? [])
    if (r.mode !== 'data' && r.module === undefined && r.provider !== undefined) providers.set(`${r.type}.${r.name}`, r.provider);
  return providers;
}

/**
 * Decides the saved plan `planFile` of the configuration in `cwd` (default: this process's folder): `show -json`,
 * then ./decide.ts, the state pulled only when a resource left the configuration. The gate and the pull-request
 * check (./check.ts) both decide a saved plan through here.
 */
export async function decidePlanFile(
  binary: string,
  planFile: string,
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; overrides?: EngineOptions['overrides'] } = {},
): Promise<PlanDecision & { readonly plan: PlanJson; readonly paths: ReadonlyMap<string, string> }> {
  const cwd = options.cwd === undefined ? {} : { cwd: options.cwd };
  const shown = spawnSync(binary, ['show', '-json', planFile], { env, maxBuffer: 1024 * 1024 * 1024, ...cwd });
  if (shown.status !== 0) throw new Error(`${binary} show -json failed: ${shown.stderr.toString()}`);
  const plan = JSON.parse(shown.stdout.toString()) as PlanJson;
  const dir = options.cwd ?? process.cwd();
  const deactivation = declaredDeactivation(dir);
  const decided = await decidePlan(plan, {
    stateProviders: () => stateProviders(binary, env, options.cwd),
    deactivation,
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
  // What tofu's plan cannot show: each status the gate sets after the apply (./deactivation.ts), a note of the
  // gate's output and of the pull-request check's report.
  const paths = constructPaths(dir);
  const statuses = [...statusChanges(decided.changes)].map(
    ([address, deactivated]) =>
      `${paths.get(address) ?? address} (${address}): ${deactivated ? 'revoked: deactivated after the apply' : 'no longer revoked: reactivated after the apply'}`,
  );
  return { ...decided, notes: [...decided.notes, ...statuses], plan, paths };
}

/**
 * After a successful apply of `plan`: each CatalogImage record put in the status this run decided for it (an update
 * of its `status`, or a create declared deactivated: ./deactivation.ts), its id read from the state the apply wrote.
 * Only what was decided: an apply that decided nothing (`-refresh-only`) changes no status.
 */
async function applyDeactivation(
  binary: string,
  env: NodeJS.ProcessEnv,
  dir: string,
  decided: { readonly plan: PlanJson; readonly changes: readonly Change[] },
  say: (line: string) => void,
): Promise<void> {
  const wanted = statusChanges(decided.changes);
  if (wanted.size === 0) return;
  const cloudOf = cloudOfResource(decided.plan);
  const state = pullState(binary, env, dir);
  const targets = (state?.resources ?? []).flatMap((r) => {
    const address = `${r.type}.${r.name}`;
    const deactivated = r.mode === 'data' ? undefined : wanted.get(address);
    const id = r.instances?.[0]?.attributes?.id;
    return deactivated === undefined || id === undefined ? [] : [{ address, id, deactivated, cloud: cloudOf(address) }];
  });
  await applyDeclaredStatus(targets, say);
}

/**
 * Decides the saved plan `planFile`, printing the decision, and checks the sources of the images it creates
 * (./sources.ts), printing each refusal; why it may not be applied, undefined when it may.
 */
async function decideSaved(
  binary: string,
  planFile: string,
  env: NodeJS.ProcessEnv,
  options: GateOptions,
): Promise<{ refusal: string | undefined; decided: Awaited<ReturnType<typeof decidePlanFile>> }> {
  const decided = await decidePlanFile(binary, planFile, env, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
  for (const note of decided.notes) process.stdout.write(`image-catalog gate: note: ${note}\n`);
  const dir = options.cwd ?? process.cwd();
  const refused = await sourceRefusals(decided.plan, dir);
  const moved = movedShareRefusals(decided.plan);
  let allowed = true;
  if (decided.decision === undefined) {
    process.stdout.write('image-catalog gate: no change of an image, share or acceptance: nothing to decide\n');
  } else {
    const decision = withConstructPaths(decided.decision, decided.paths);
    process.stdout.write(`image-catalog gate: ${decided.changes.length} change(s) of the catalog decided\n${formatDecision(decision)}`);
    allowed = decision.allowed;
  }
  // The sources after the policy's verdict, right before the refusal they make.
  for (const refusal of [...refused, ...moved]) process.stdout.write(`image-catalog gate: ${refusal}\n`);
  if (!allowed) return { refusal: 'the catalog policy blocks this plan', decided };
  if (refused.length > 0) return { refusal: `${refused.length} image source(s) cannot be read, so their images cannot be made`, decided };
  return { refusal: moved.length === 0 ? undefined : `${moved.length} share(s) of 0.3 would move onto another image`, decided };
}

/** The `-out` file of plan arguments (`-out=f` or `-out f`). */
function outFile(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('-out=')) return arg.slice('-out='.length);
    if (arg === '-out') return args[i + 1];
  }
  return undefined;
}

/** Runs one Terraform command through the gate; the exit code. */
export async function runGate(args: readonly string[], options: GateOptions = {}): Promise<number> {
  const base = options.env ?? process.env;
  const env = { ...base, [`TF_VAR_${gateVariable.name}`]: gateVariable.value };
  const binary = realTerraform(base, options.self);
  const command = args[0];
  const dir = options.cwd ?? process.cwd();
  const say = (line: string): void => {
    process.stdout.write(`image-catalog gate: ${line}\n`);
  };
  let marks: StackMarks | undefined;
  // cdktn deploy runs init through the gate first: a broken state is said before tofu's init stops on it.
  if (command === 'init' || command === 'plan' || command === 'apply' || command === 'destroy') {
    const state = localStatePath(dir);
    const problem = state === undefined ? undefined : localStateProblem(state);
    if (problem !== undefined) {
      process.stderr.write(`image-catalog gate: ${problem}\n`);
      return 2;
    }
  }
  if (command === 'plan' || command === 'apply' || command === 'destroy') {
    // Each CatalogImage's record carries its creation mark (./marks.ts); an apply first puts right what an
    // interrupted one of this stack left.
    // One pull serves both (a stack with no state yet has no leftovers either).
    const state = pullState(binary, env, dir);
    marks = stackMarks(binary, env, dir, command !== 'plan', state);
    env[`TF_VAR_${marksVariable}`] = JSON.stringify(marksByPath(marks, dir));
    if (command !== 'plan' && state !== undefined) await recoverLeftovers(binary, env, dir, marks, say, state);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'image-catalog-gate-'));
  try {
    if (command === 'plan') {
      const out = outFile(args);
      const planFile = out ?? join(scratch, 'plan.tfplan');
      const code = await run(
        binary,
        out === undefined ? [...args, `-out=${planFile}`] : args,
        env,
        out === undefined ? planFileAdvice(planFile) : undefined,
      );
      // -detailed-exitcode: 2 is a plan with changes.
      if (code !== 0 && !(code === 2 && args.includes('-detailed-exitcode'))) return code;
      const { refusal, decided } = await decideSaved(binary, planFile, env, options);
      // -detailed-exitcode: a status the gate sets after the apply is a change although tofu's plan has none.
      if (refusal === undefined)
        return code === 0 && args.includes('-detailed-exitcode') && statusChanges(decided.changes).size > 0 ? 2 : code;
      rmSync(planFile, { force: true });
      process.stderr.write(`image-catalog gate: ${refusal}${out === undefined ? '' : `: ${out} was removed, so it cannot be applied`}\n`);
      return 1;
    }
    if (command !== 'apply' && command !== 'destroy') return await run(binary, args, env);
    const destroy = command === 'destroy';
    const split = splitApplyArgs(args.slice(1));
    let planFile = split.planFile;
    if (planFile === undefined) {
      planFile = join(scratch, 'plan.tfplan');
      const code = await run(
        binary,
        ['plan', '-input=false', `-out=${planFile}`, ...(destroy ? ['-destroy'] : []), ...split.planArgs],
        env,
        planFileAdvice(planFile),
      );
      if (code !== 0) return code;
    }
    const { refusal, decided } = await decideSaved(binary, planFile, env, options);
    if (refusal !== undefined) {
      process.stderr.write(`image-catalog gate: ${refusal}: nothing was applied\n`);
      return 1;
    }
    if (!split.autoApprove && split.planFile === undefined && !(await approve(destroy))) {
      process.stdout.write('\nApply cancelled.\n');
      return 1;
    }
    const applyArgs = [
      'apply',
      '-input=false',
      ...(split.noColor ? ['-no-color'] : []),
      ...(split.parallelism === undefined ? [] : [split.parallelism]),
    ];
    const applied = await run(binary, [...applyArgs, planFile], env);
    // What terraform-provider-openstack cannot apply: each CatalogImage's declared deactivation (decided above).
    if (applied === 0 && !destroy) await applyDeactivation(binary, env, dir, decided, say);
    // A failed or killed apply (a create that timed out, tofu killed): its half-made records go now.
    if (applied !== 0 && marks !== undefined)
      await recoverLeftovers(binary, env, dir, marks, say).catch((err: unknown) =>
        say(`half-made records of this apply could not be looked for now (${(err as Error).message}): the next gated run removes them`),
      );
    return applied;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
