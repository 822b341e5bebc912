/**
 * The pull-request check's view of a CDKTF app: `cdktn synth` (the synth-time check only reporting, so synth
 * completes), then per synthesized stack the gated plan (`init`, `plan -out` with the gate's variable, `show -json`)
 * decided by ./decide.ts as each resource's cloud, with the line that declares each resource from cdk.tf.json
 * (./declared.ts). Nothing is applied; the saved plan is removed. The module imports nothing of cdktn: synth runs
 * the project's own cdktn CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { policyModeVariable } from '../policy/data.js';
import type { Decision } from '../policy/decision.js';
import type { EngineOptions } from '../policy/engine.js';
import type { SourcePosition } from '../resources/source.js';
import { loggedChange, type LoggedChange } from '../policy/summary.js';
import { configAddress } from './decide.js';
import { synthesizedResources } from './declared.js';
import { decidePlanFile, gateVariable, realTerraform } from './gate.js';
import { marksByPath, marksVariable, stackMarks } from './marks.js';

/** One stack's result. */
export interface CheckedStack {
  readonly stack: string;
  readonly decision: Decision | undefined;
  readonly changes: number;
  /** The changes decided, as logged (names and lifecycles). */
  readonly logged: readonly LoggedChange[];
  readonly notes: readonly string[];
  /** The declaring line of each violation's resource, by the violation's address. */
  readonly declaredAt: (address: string) => SourcePosition | undefined;
  /** The construct path of an address, for messages. */
  readonly constructPath: (address: string) => string | undefined;
}

/** The app's entry file (cdktf.json's `app`, its last word that names a file of the folder), else cdktf.json. */
export function appEntry(dir: string): string {
  const config = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app?: string };
  const words = (config.app ?? '').split(/\s+/).reverse();
  const file = words.find((w) => /\.[cm]?[jt]s$/.test(w) && existsSync(resolve(dir, w)));
  return resolve(dir, file ?? 'cdktf.json');
}

/** A failed step: its output, the last lines. */
function failed(what: string, ran: ReturnType<typeof spawnSync>): Error {
  const output = `${String(ran.stdout)}${String(ran.stderr)}`.trim().split('\n').slice(-40).join('\n');
  return new Error(`${what} failed (exit ${ran.status ?? ran.signal}):\n${output}`);
}

/** Synthesizes the app in `dir` and decides each stack's plan. Throws when synth or a plan cannot run. */
export async function checkApp(
  dir: string,
  options: { env?: NodeJS.ProcessEnv; overrides?: EngineOptions['overrides']; progress?: (line: string) => void } = {},
): Promise<CheckedStack[]> {
  const appDir = resolve(dir);
  if (!existsSync(join(appDir, 'cdktf.json'))) throw new Error(`${dir}: no cdktf.json there (a CDKTF app's folder)`);
  const progress = options.progress ?? (() => undefined);
  const env = { ...(options.env ?? process.env), [policyModeVariable]: 'report' };
  const local = join(appDir, 'node_modules', '.bin', 'cdktn');
  const cdktn = existsSync(local) ? local : 'cdktn';
  progress(`cdktn synth (${dir})`);
  const synth = spawnSync(cdktn, ['synth'], { cwd: appDir, env, maxBuffer: 256 * 1024 * 1024 });
  if (synth.error !== undefined) throw new Error(`cdktn synth: ${synth.error.message} (install cdktn-cli in the app)`);
  if (synth.status !== 0) throw failed('cdktn synth', synth);
  const config = JSON.parse(readFileSync(join(appDir, 'cdktf.json'), 'utf8')) as { output?: string };
  const stacksDir = join(appDir, config.output ?? 'cdktf.out', 'stacks');
  const stacks = existsSync(stacksDir) ? readdirSync(stacksDir).filter((s) => existsSync(join(stacksDir, s, 'cdk.tf.json'))) : [];
  const binary = realTerraform(env);
  const gated = { ...env, [`TF_VAR_${gateVariable.name}`]: gateVariable.value };
  const checked: CheckedStack[] = [];
  for (const stack of stacks.sort()) {
    const stackDir = join(stacksDir, stack);
    const scratch = mkdtempSync(join(tmpdir(), 'image-catalog-pr-check-'));
    try {
      progress(`${binary} init + plan (stack ${stack})`);
      const init = spawnSync(binary, ['init', '-input=false', '-no-color'], { cwd: stackDir, env: gated, maxBuffer: 64 * 1024 * 1024 });
      if (init.status !== 0) throw failed(`${binary} init (stack ${stack})`, init);
      const planFile = join(scratch, 'plan.tfplan');
      // The records' creation marks as the gate gives them (./marks.ts), so that they are no change here.
      const marked = {
        ...gated,
        [`TF_VAR_${marksVariable}`]: JSON.stringify(marksByPath(stackMarks(binary, gated, stackDir, false), stackDir)),
      };
      const plan = spawnSync(binary, ['plan', '-input=false', '-lock=false', '-no-color', `-out=${planFile}`], {
        cwd: stackDir,
        env: marked,
        maxBuffer: 256 * 1024 * 1024,
      });
      if (plan.status !== 0) throw failed(`${binary} plan (stack ${stack})`, plan);
      const decided = await decidePlanFile(binary, planFile, gated, {
        cwd: stackDir,
        ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
      });
      const resources = synthesizedResources(stackDir, appDir);
      checked.push({
        stack,
        decision: decided.decision,
        changes: decided.changes.length,
        logged: decided.changes.map(loggedChange),
        notes: decided.notes,
        declaredAt: (address) => resources.get(configAddress(address))?.declaredAt,
        constructPath: (address) => resources.get(configAddress(address))?.path,
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return checked;
}
