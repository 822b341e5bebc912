/**
 * `npm run bench -- cdktf-gate-overhead`: the real `cdktn deploy` of the CDKTF example (examples/cdktf: 2 stores,
 * 4 images, a share and its acceptance, all created) through the image-catalog gate, with the policy as shipped
 * vs with every rule disabled (IMAGE_CATALOG_POLICY_DATA), on a copy of the example with a profile suffix of its
 * own, alternating, `RUNS` runs each (default 3). Between runs the deployment is removed with the real tofu (not
 * timed). Both sides run the same synth, plan, `show -json`, decision and apply; what differs is the rules' work.
 * Ratio: median deploy wall time with the policy over that without. Goal <= 1.05.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleIds } from '../provider/policy/decision.js';
import { readLabRecord } from '../scripts/lab-settings.js';
import { cdktfEnv, exampleDir, linkCheckout } from '../scripts/start-cdktf.js';
import { locateTool, toolEnv } from '../scripts/tools.js';
import { median, report, round } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 3);
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
const tofu = await locateTool('tofu');
if (!tofu.ok) throw new Error(`tofu: ${tofu.reason} (npm run toolchain)`);
const tofuPath = tofu.path;

const dir = mkdtempSync(join(tmpdir(), 'bench-cdktf-gate-'));
for (const file of ['main.ts', 'cdktf.json', 'package.json', 'tsconfig.json']) copyFileSync(join(exampleDir, file), join(dir, file));
linkCheckout(dir);
const disabledFile = join(dir, 'disabled.json');
writeFileSync(
  disabledFile,
  JSON.stringify({
    image_catalog: { rules: Object.fromEntries(ruleIds.filter((r) => r !== 'input').map((r) => [r, { level: 'disabled' }])) },
  }),
);
const tag = `b${randomBytes(3).toString('hex')}`;
const base = cdktfEnv(lab.clouds, { CATALOG_PROFILE_SUFFIX: tag });

function deploy(policy: boolean): number {
  const env = policy ? base : { ...base, IMAGE_CATALOG_POLICY_DATA: disabledFile };
  const t0 = process.hrtime.bigint();
  const ran = spawnSync('cdktn', ['deploy', '--auto-approve', '--skip-provider-lock'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (ran.status !== 0)
    throw new Error(`cdktn deploy (policy ${policy ? 'on' : 'off'}) failed:\n${(ran.stdout + ran.stderr).slice(-4000)}`);
  return ms;
}

/** Removes the deployment with the real tofu (the gate would refuse to destroy published images). */
async function remove(): Promise<void> {
  const env = { ...(await toolEnv(base)), TF_VAR_image_catalog_gate: 'decided-by-image-catalog' };
  const ran = spawnSync(tofuPath, ['destroy', '-auto-approve', '-input=false'], {
    cwd: join(dir, 'cdktf.out', 'stacks', 'catalog'),
    env,
    encoding: 'utf8',
  });
  if (ran.status !== 0) throw new Error(`tofu destroy failed:\n${(ran.stdout + ran.stderr).slice(-4000)}`);
}

const withPolicy: number[] = [];
const without: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    for (const policy of i % 2 === 0 ? [true, false] : [false, true]) {
      const ms = deploy(policy);
      (policy ? withPolicy : without).push(ms);
      process.stderr.write(`cdktf-gate-overhead: run ${i + 1}, policy ${policy ? 'on ' : 'off'}: ${round(ms / 1000, 2)} s\n`);
      await remove();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ratio = median(withPolicy) / median(without);
report({
  bench: 'cdktf-gate-overhead',
  peer: 'cdktn deploy of the example through the gate with every rule disabled',
  ratio: round(ratio),
  goal: '<= 1.05',
  met: ratio <= 1.05,
  withPolicyMs: withPolicy.map((v) => round(v, 0)),
  withoutMs: without.map((v) => round(v, 0)),
  runs,
});
