/**
 * `npm run bench -- pulumi-vs-tofu`: 50 images of 1 MiB created, then destroyed, through `pulumi up --yes` /
 * `pulumi destroy --yes` with this package's Image resource (policy enforced: check, diff and delete decide)
 * vs `tofu apply` / `tofu destroy` with terraform-provider-openstack's openstack_images_image_v2, on the same
 * lab, in the same run, alternating, `ROUNDS` rounds (default 2). Both at the same parallelism, `PARALLEL` (default
 * 10, tofu's default): pulumi `--parallel`, tofu `-parallelism`, each in its non-interactive apply form (the flags
 * are in the closing line).
 * Ratio: median wall time (create + destroy) of pulumi over that of tofu. Goal <= 1.0.
 *
 * Two more figures of the same run say where pulumi's time goes (they are not part of the ratio):
 * - `engineFloorSeconds`: 50 resources of a provider plugin served like this package's (bench/floor/) whose create
 *   and delete do nothing, `pulumi up` + `destroy` through the same Automation API: what the engine's passes, the
 *   plugin process and its gRPC calls cost with no API work at all;
 * - `clientSeconds`: the same 50 creates and deletes through provider/resources directly (no pulumi), 8 at a time
 *   (`PARALLEL`): the API work itself.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { Session } from '../provider/client/session.js';
import { openStack, runStack, type Program } from '../provider/pulumi/automation.js';
import { createImageResource, deleteImageResource } from '../provider/resources/image/image.js';
import { Image } from '../provider/pulumi/resources.js';
import { labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { imageResource, openstackConfiguration } from '../scripts/tofu-config.js';
import { locateTool, repoRoot, toolEnv, toolSpec } from '../scripts/tools.js';
import { benchProject, median, report, round } from './lib.js';

const count = Number(process.env['BENCH_IMAGES'] ?? 50);
const parallel = Number(process.env['PARALLEL'] ?? 10);
/** How each side is run, for the closing line. */
const forms = {
  pulumi: `Automation API: preview, then up --yes --skip-preview --parallel ${parallel}; destroy --yes --skip-preview --parallel ${parallel}`,
  tofu: `tofu apply -auto-approve -input=false -parallelism=${parallel}; tofu destroy -auto-approve -input=false -parallelism=${parallel}`,
};
const rounds = Number(process.env['ROUNDS'] ?? 2);
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
const clouds = lab.clouds;
// The bench projects live outside the checkout: what runs there finds @pulumi/pulumi (and tsx) from its modules;
// the floor plugin is found on PATH.
const stackEnv = {
  ...labStackEnv(lab),
  NODE_PATH: join(repoRoot, 'node_modules'),
  PATH: `${join(repoRoot, 'bench', 'floor')}:${process.env['PATH'] ?? ''}`,
};
for (const tool of ['pulumi', 'tofu', 'terraform-provider-openstack']) {
  const found = await locateTool(tool);
  if (!found.ok) throw new Error(`${tool} is needed: ${found.reason}`);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-pulumi-vs-tofu-'));
const files = Array.from({ length: count }, (_, i) => {
  const file = join(dir, 'data', `image-${i}.raw`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(file, randomBytes(1024 * 1024));
  return file;
});
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'bench' };

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * Seconds of `pulumi up --yes` then `pulumi destroy --yes` of `program`, in a new project `name` with a stack of
 * its own (and the given stack config). Both runs must succeed.
 */
async function upAndDestroy(name: string, program: Program, config: Record<string, string> = {}): Promise<number> {
  const stack = await openStack(benchProject(dir, name, stackEnv), program);
  await stack.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, value]) => [k, { value }])));
  const t0 = process.hrtime.bigint();
  for (const command of ['up', 'destroy'] as const) {
    const ran = await runStack(stack, command, { parallel });
    if (!ran.ok) throw new Error(`pulumi ${command} (${name}) failed:\n${ran.errors.map((e) => e.message).join('\n')}${ran.failure ?? ''}`);
  }
  return seconds(t0);
}

function pulumiRound(n: number): Promise<number> {
  const family = `ubuntu-24.04-bp${randomBytes(3).toString('hex')}`;
  const program = (): Promise<Record<string, unknown>> => {
    files.forEach(
      (file, i) => new Image(`i${i}`, { name: `${family}-v1.${i}`, diskFormat: 'raw', source: { file }, properties: metadata }),
    );
    return Promise.resolve({});
  };
  return upAndDestroy(`pulumi-${n}`, program, { 'image-catalog:cloud': 'platform' });
}

async function tofuRound(n: number): Promise<number> {
  const family = `ubuntu-24.04-bt${randomBytes(3).toString('hex')}`;
  const project = join(dir, `tofu-${n}`);
  mkdirSync(project);
  const resources = files.map((file, i) => imageResource(`i${i}`, { name: `${family}-v1.${i}`, file, properties: metadata })).join('\n');
  writeFileSync(join(project, 'main.tf'), openstackConfiguration(resources));
  const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: clouds };
  const found = await locateTool('tofu');
  const tofu = found.ok ? found.path : 'tofu';
  execFileSync(tofu, ['init', '-input=false'], { cwd: project, env, stdio: 'ignore' });
  const t0 = process.hrtime.bigint();
  execFileSync(tofu, ['apply', '-auto-approve', '-input=false', `-parallelism=${parallel}`], { cwd: project, env, stdio: 'ignore' });
  execFileSync(tofu, ['destroy', '-auto-approve', '-input=false', `-parallelism=${parallel}`], { cwd: project, env, stdio: 'ignore' });
  return seconds(t0);
}

class Noop extends pulumi.CustomResource {
  constructor(name: string, n: number) {
    super('floor:index:Noop', name, { n }, {});
  }
}

/** `pulumi up` + `destroy` of `count` plugin resources that make no API call: the engine's own cost. */
function engineFloor(n: number): Promise<number> {
  const program = (): Promise<Record<string, unknown>> => {
    for (let i = 0; i < count; i++) new Noop(`r${i}`, i);
    return Promise.resolve({});
  };
  return upAndDestroy(`floor-${n}`, program);
}

/** The same creates and deletes through provider/resources, `parallel` at a time, no pulumi. */
async function clientRound(): Promise<number> {
  const family = `ubuntu-24.04-bc${randomBytes(3).toString('hex')}`;
  process.env['OS_CLIENT_CONFIG_FILE'] = clouds;
  const session = Session.forCloud('platform');
  const pool = async <T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> => {
    const queue = [...items];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
      }),
    );
  };
  try {
    const ids: string[] = [];
    const t0 = process.hrtime.bigint();
    await pool(
      files.map((file, i) => ({ file, i })),
      async ({ file, i }) => {
        const made = await createImageResource(session, `i${i}`, {
          name: `${family}-v1.${i}`,
          diskFormat: 'raw',
          source: { file },
          properties: metadata,
        });
        ids.push(made.outputs.id);
      },
    );
    await pool(ids, (id) => deleteImageResource(session, id));
    return seconds(t0);
  } finally {
    await session.close();
  }
}

const pulumiTimes: number[] = [];
const tofuTimes: number[] = [];
const floorTimes: number[] = [];
const clientTimes: number[] = [];
try {
  for (let n = 0; n < rounds; n++) {
    const p = await pulumiRound(n);
    pulumiTimes.push(p);
    const t = await tofuRound(n);
    tofuTimes.push(t);
    const f = await engineFloor(n);
    floorTimes.push(f);
    const c = await clientRound();
    clientTimes.push(c);
    process.stdout.write(
      `round ${n + 1}: pulumi ${p.toFixed(1)} s, tofu ${t.toFixed(1)} s (${count} images of 1 MiB, create + destroy); ` +
        `engine floor ${f.toFixed(1)} s, client alone ${c.toFixed(1)} s\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const ratio = median(pulumiTimes) / median(tofuTimes);
report({
  bench: 'pulumi-vs-tofu',
  peer: `tofu apply + destroy with terraform-provider-openstack ${toolSpec('terraform-provider-openstack').version} (openstack_images_image_v2)`,
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
  engineFloorSeconds: floorTimes.map((s) => round(s, 1)),
  clientSeconds: clientTimes.map((s) => round(s, 1)),
});
