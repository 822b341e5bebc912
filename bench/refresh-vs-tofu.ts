/**
 * `npm run bench -- refresh-vs-tofu`: reading back the same 50 images. They are made once by `pulumi up` with
 * this package's Image resource and imported into a tofu state (terraform-provider-openstack's
 * openstack_images_image_v2, `import` blocks); then, alternating, `ROUNDS` times (default 3): `pulumi refresh
 * --yes --skip-preview` (Automation API, `--parallel PARALLEL`, default 10) vs `tofu apply -refresh-only
 * -auto-approve -parallelism=PARALLEL`. Ratio: median wall time of pulumi over tofu. Goal <= 1.0.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStack, runStack } from '../provider/pulumi/automation.js';
import { Image } from '../provider/pulumi/resources.js';
import { labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { openstackConfiguration } from '../scripts/tofu-config.js';
import { locateTool, repoRoot, toolEnv, toolSpec } from '../scripts/tools.js';
import { benchProject, median, report, round } from './lib.js';

const count = Number(process.env['BENCH_IMAGES'] ?? 50);
const parallel = Number(process.env['PARALLEL'] ?? 10);
const rounds = Number(process.env['ROUNDS'] ?? 3);
const forms = {
  pulumi: `Automation API: refresh --yes --skip-preview --parallel ${parallel}`,
  tofu: `tofu apply -refresh-only -auto-approve -input=false -parallelism=${parallel}`,
};
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
for (const tool of ['pulumi', 'tofu', 'terraform-provider-openstack']) {
  const found = await locateTool(tool);
  if (!found.ok) throw new Error(`${tool} is needed: ${found.reason}`);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-refresh-vs-tofu-'));
const family = `ubuntu-24.04-br${randomBytes(3).toString('hex')}`;
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'bench' };
const files = Array.from({ length: count }, (_, i) => {
  const file = join(dir, 'data', `image-${i}.raw`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(file, randomBytes(64 * 1024));
  return file;
});

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const target = benchProject(dir, 'pulumi', { ...labStackEnv(lab), NODE_PATH: join(repoRoot, 'node_modules') });
const outputs: Record<string, string> = {};
const stack = await openStack(target, () => {
  const made = files.map(
    (file, i) => new Image(`i${i}`, { name: `${family}-v1.${i}`, diskFormat: 'raw', source: { file }, properties: metadata }),
  );
  return Promise.resolve(Object.fromEntries(made.map((image, i) => [`i${i}`, image.imageId])));
});
await stack.setConfig('image-catalog:cloud', { value: 'platform' });

const tofuDir = join(dir, 'tofu');
mkdirSync(tofuDir);
const found = await locateTool('tofu');
const tofu = found.ok ? found.path : 'tofu';
const tofuEnv = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: lab.clouds };

const pulumiTimes: number[] = [];
const tofuTimes: number[] = [];
try {
  const made = await runStack(stack, 'up', { parallel });
  if (!made.ok) throw new Error(`pulumi up failed: ${made.errors.map((e) => e.message).join('\n')}${made.failure ?? ''}`);
  for (const [key, value] of Object.entries(made.outputs)) outputs[key] = String(value.value);
  const resources = files
    .map(
      (_, i) => `import {
  to = openstack_images_image_v2.i${i}
  id = "${outputs[`i${i}`] ?? ''}"
}

resource "openstack_images_image_v2" "i${i}" {
  name             = "${family}-v1.${i}"
  container_format = "bare"
  disk_format      = "raw"
  local_file_path  = "${files[i] ?? ''}"
  lifecycle {
    ignore_changes = all
  }
}
`,
    )
    .join('\n');
  writeFileSync(join(tofuDir, 'main.tf'), openstackConfiguration(resources));
  execFileSync(tofu, ['init', '-input=false'], { cwd: tofuDir, env: tofuEnv, stdio: 'ignore' });
  // The import itself: setup, not measured (ignore_changes keeps tofu from touching what pulumi made).
  execFileSync(tofu, ['apply', '-auto-approve', '-input=false'], {
    cwd: tofuDir,
    env: tofuEnv,
    stdio: 'ignore',
  });
  for (let n = 0; n < rounds; n++) {
    let t0 = process.hrtime.bigint();
    const refreshed = await runStack(stack, 'refresh', { parallel });
    if (!refreshed.ok) throw new Error(`pulumi refresh failed: ${refreshed.errors.map((e) => e.message).join('\n')}`);
    const p = seconds(t0);
    pulumiTimes.push(p);
    t0 = process.hrtime.bigint();
    execFileSync(tofu, ['apply', '-refresh-only', '-auto-approve', '-input=false', `-parallelism=${parallel}`], {
      cwd: tofuDir,
      env: tofuEnv,
      stdio: 'ignore',
    });
    const t = seconds(t0);
    tofuTimes.push(t);
    process.stdout.write(`round ${n + 1}: pulumi refresh ${p.toFixed(1)} s, tofu refresh-only ${t.toFixed(1)} s (${count} images)\n`);
  }
} finally {
  const destroyed = await runStack(stack, 'destroy', { parallel });
  if (!destroyed.ok) process.stderr.write(`pulumi destroy of the bench images failed: ${destroyed.failure ?? ''}\n`);
  rmSync(dir, { recursive: true, force: true });
}
const ratio = median(pulumiTimes) / median(tofuTimes);
report({
  bench: 'refresh-vs-tofu',
  peer: `tofu apply -refresh-only with terraform-provider-openstack ${toolSpec('terraform-provider-openstack').version} (openstack_images_image_v2), the same images`,
  ratio: round(ratio),
  goal: '<= 1.0',
  met: ratio <= 1.0,
  images: count,
  parallel,
  pulumiForm: forms.pulumi,
  tofuForm: forms.tofu,
  rounds,
  pulumiSeconds: pulumiTimes.map((s) => round(s, 1)),
  tofuSeconds: tofuTimes.map((s) => round(s, 1)),
});
