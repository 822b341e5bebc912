/**
 * `npm run bench -- state-s3`: the main job's no-change `up` (the example catalog, index.ts: 2 stores, 4 images, a
 * share and its acceptance, each decided by the policy) with the stack's state on the lab's S3 (Pulumi's DIY
 * backend on SeaweedFS, `npm start -- --backend s3`) vs on the local file backend (`.pulumi-state/`, the peer),
 * alternating, `RUNS` runs each (default 5). One stack is applied once on the file backend, its state imported into
 * a stack of the same name on S3 (two copies of one state: each `up` finds every resource as it is); both are taken
 * down at the end (the destroy with every rule disabled in the stack's policy data, its images being published).
 * Ratio: median `up` wall time on S3 over that on the file backend. Goal <= 1.2.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Stack } from '@pulumi/pulumi/automation/index.js';
import { openStack, runStack, type Program, type StackTarget } from '../provider/pulumi/automation.js';
import { exampleConfig } from '../scripts/example-config.js';
import { labS3BackendUrl, labS3Env, labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { everyRuleDisabled, median, report, round } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 5);
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
const name = `bench-${randomBytes(3).toString('hex')}`;
const stateDir = mkdtempSync(join(tmpdir(), 'bench-state-s3-'));
const onFile: StackTarget = { cwd: repoRoot, stack: name, stateDir, env: labStackEnv(lab) };
const onS3: StackTarget = { cwd: repoRoot, stack: name, backendUrl: labS3BackendUrl(lab), env: { ...labStackEnv(lab), ...labS3Env(lab) } };
const program = ((await import(pathToFileURL(join(repoRoot, 'index.ts')).href)) as { default: Program }).default;
const disabled = everyRuleDisabled();

async function up(stack: Stack, what: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const run = await runStack(stack, 'up');
  if (!run.ok) throw new Error(`pulumi up (${what}) failed:\n${run.errors.map((e) => e.message).join('\n')}${run.failure ?? ''}`);
  const changed = Object.entries(run.changes).filter(([op, n]) => op !== 'same' && n > 0);
  if (changed.length > 0) throw new Error(`the up on ${what} changed something: ${JSON.stringify(run.changes)}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const file = await openStack(onFile, program);
let s3: Stack | undefined;
const timesFile: number[] = [];
const timesS3: number[] = [];
try {
  const config = { ...exampleConfig(), 'image-catalog:profileSuffix': `s${randomBytes(3).toString('hex')}` };
  await file.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, value]) => [k, { value }])));
  process.stdout.write(`applying the example once (stack ${name}) ...\n`);
  const made = await runStack(file, 'up');
  if (!made.ok) throw new Error(`the first up failed:\n${made.errors.map((e) => e.message).join('\n')}${made.failure ?? ''}`);
  s3 = await openStack(onS3, program);
  await s3.importStack(await file.exportStack());
  await up(file, 'the file backend'); // warm-up: tsx's transpile cache, the token
  await up(s3, 'S3');
  for (let i = 0; i < runs; i++) {
    timesFile.push(await up(file, 'the file backend'));
    timesS3.push(await up(s3, 'S3'));
    process.stdout.write(`run ${i + 1}: file backend ${timesFile.at(-1)?.toFixed(0)} ms, S3 ${timesS3.at(-1)?.toFixed(0)} ms\n`);
  }
} finally {
  await file.setConfig('image-catalog:policy', { value: disabled });
  const down = await runStack(file, 'destroy');
  if (!down.ok)
    process.stderr.write(
      `the bench's destroy failed (stack ${name}):\n${[...down.errors.map((e) => e.message), ...down.violations.map((v) => `${v.rule}: ${v.message}`), down.failure ?? ''].join('\n')}\n`,
    );
  await file.workspace.removeStack(name, { force: true });
  if (s3 !== undefined) await s3.workspace.removeStack(name, { force: true });
  rmSync(join(repoRoot, `Pulumi.${name}.yaml`), { force: true });
  rmSync(stateDir, { recursive: true, force: true });
}
const ratio = median(timesS3) / median(timesFile);
report({
  bench: 'state-s3',
  peer: 'the same no-change pulumi up of the example catalog with the state on the local file backend',
  ratio: round(ratio),
  goal: '<= 1.2',
  met: ratio <= 1.2,
  runs,
  s3_ms: round(median(timesS3), 0),
  file_ms: round(median(timesFile), 0),
  s3_runs_ms: timesS3.map((t) => round(t, 0)),
  file_runs_ms: timesFile.map((t) => round(t, 0)),
});
