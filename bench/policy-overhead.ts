/**
 * `npm run bench -- policy-overhead`: `pulumi preview` of the example catalog (index.ts: 2 stores, 4 images, a
 * share and its acceptance, all to be created, each create decided by the policy in check) with the policy as
 * shipped vs with every rule disabled in the stack's policy data (stack config image-catalog:policy), same
 * stack, alternating, `RUNS` runs each (default 5). The stack is a fresh one whose images carry a profile suffix
 * (image-catalog:profileSuffix) so its plan does not collide with the catalog `npm start` made.
 * Ratio: median preview wall time with the policy over that without. Goal <= 1.05.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStack, runStack, type Program, type StackTarget } from '../provider/pulumi/automation.js';
import { exampleConfig } from '../scripts/example-config.js';
import { labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { everyRuleDisabled, median, report, round } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 5);
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
const stateDir = mkdtempSync(join(tmpdir(), 'bench-policy-overhead-'));
const target: StackTarget = {
  cwd: repoRoot,
  stack: `bench-${randomBytes(3).toString('hex')}`,
  stateDir,
  env: labStackEnv(lab),
};
const program = ((await import(pathToFileURL(join(repoRoot, 'index.ts')).href)) as { default: Program }).default;
const disabled = everyRuleDisabled();

const stack = await openStack(target, program);

async function configure(policy: boolean): Promise<void> {
  if (policy) await stack.removeConfig('image-catalog:policy');
  else await stack.setConfig('image-catalog:policy', { value: disabled });
}

async function preview(): Promise<number> {
  const t0 = process.hrtime.bigint();
  const run = await runStack(stack, 'preview');
  if (!run.ok) throw new Error(`pulumi preview failed:\n${run.errors.map((e) => e.message).join('\n')}${run.failure ?? ''}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const withPolicy: number[] = [];
const without: number[] = [];
try {
  const config = { ...exampleConfig(), 'image-catalog:profileSuffix': `b${randomBytes(3).toString('hex')}` };
  await stack.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, value]) => [k, { value }])));
  await configure(true);
  await preview(); // warm-up: tsx's transpile cache, the token
  for (let i = 0; i < runs; i++) {
    await configure(true);
    withPolicy.push(await preview());
    await configure(false);
    without.push(await preview());
    process.stdout.write(
      `run ${i + 1}: with policy ${withPolicy.at(-1)?.toFixed(0)} ms, rules disabled ${without.at(-1)?.toFixed(0)} ms\n`,
    );
  }
} finally {
  await stack.workspace.removeStack(target.stack, { force: true });
  rmSync(stateDir, { recursive: true, force: true });
}
const ratio = median(withPolicy) / median(without);
report({
  bench: 'policy-overhead',
  peer: 'pulumi preview of the same program with every rule disabled in the stack policy data',
  ratio: round(ratio),
  goal: '<= 1.05',
  met: ratio <= 1.05,
  runs,
  withPolicyMs: round(median(withPolicy), 0),
  rulesDisabledMs: round(median(without), 0),
});
