/**
 * `npm run bench -- plan-check-scale`: `image-catalog plan-check` on the JSON of real tofu plans of 100, 1,000 and
 * 5,000 new images (terraform-provider-openstack's openstack_images_image_v2 with `count`, families of 10 versions,
 * planned against the default lab; nothing is applied).
 *
 * - Per-image cost: the decision itself (planChanges + the live os_* comparison + the Wasm policy over one
 *   envelope), in process, median of `RUNS` runs (default 5) at each size, over the size. The principal and the
 *   live catalog are read once (they do not depend on the plan's size). Goal: the cost per image at 5,000 over that at 100 <= 1.5.
 * - The whole check: the `image-catalog plan-check` process on the 5,000-image plan as the installed package runs
 *   it (dist/, compiled first; Node start, token, catalog, decision, report) vs `tofu show -json` printing that
 *   plan, the step every plan check follows. Goal <= 1.0.
 *
 * The JSON line's ratio is the per-image one; `whole` carries the second ratio and its goal.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withLiveProperties, type PlanJson } from '../provider/cdktf/decide.js';
import { Session } from '../provider/client/session.js';
import { RunCatalog } from '../provider/policy/changes.js';
import { PolicyEngine } from '../provider/policy/engine.js';
import { buildEnvelope } from '../provider/policy/envelope.js';
import { readLabRecord } from '../scripts/lab-settings.js';
import { openstackConfiguration } from '../scripts/tofu-config.js';
import { locateTool, repoRoot, toolEnv } from '../scripts/tools.js';
import { median, report, round } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 5);
const sizes = [100, 1000, 5000];
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
const tofu = await locateTool('tofu');
if (!tofu.ok) throw new Error(`tofu: ${tofu.reason} (npm run toolchain)`);
const tofuPath = tofu.path;
const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: lab.clouds };
const dir = mkdtempSync(join(tmpdir(), 'bench-plan-check-scale-'));
writeFileSync(join(dir, 'data.raw'), Buffer.alloc(1024, 1));

/** A planned (binary) plan of `n` new images; returns its folder. */
function plan(n: number): string {
  const project = join(dir, `n${n}`);
  execFileSync('mkdir', ['-p', project]);
  const body = `resource "openstack_images_image_v2" "image" {
  count            = ${n}
  name             = "rocky-9-scale\${floor(count.index / 10)}-v1.\${count.index % 10}"
  container_format = "bare"
  disk_format      = "raw"
  visibility       = "shared"
  local_file_path  = "${join(dir, 'data.raw')}"
  image_cache_path = ".terraform/image-cache"
  properties = {
    os_distro = "rocky", os_version = "9", hw_disk_bus = "virtio", hw_vif_model = "virtio", description = "scale"
  }
}
`;
  writeFileSync(join(project, 'main.tf'), openstackConfiguration(body));
  execFileSync(tofuPath, ['init', '-input=false'], { cwd: project, env, stdio: 'ignore' });
  execFileSync(tofuPath, ['plan', '-input=false', '-out=plan.bin', '-parallelism=50'], { cwd: project, env, stdio: 'ignore' });
  return project;
}

/** Wall time of a command (ms) and its output. */
function timed(cmd: string, args: string[], cwd: string): { ms: number; stdout: Buffer; status: number | null } {
  const t0 = process.hrtime.bigint();
  const ran = spawnSync(cmd, args, { cwd, env, maxBuffer: 1024 * 1024 * 1024 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stdout: Buffer.from(ran.stdout), status: ran.status };
}

process.stderr.write(`plan-check-scale: planning ${sizes.join(', ')} images with tofu (once each) ...\n`);
const projects = new Map(sizes.map((n) => [n, plan(n)]));

// The fixed part, once: the engine, the principal and the live catalog of the applying cloud.
process.env['OS_CLIENT_CONFIG_FILE'] = lab.clouds;
const session = Session.forCloud('platform');
const [engine, principal, images] = await Promise.all([
  PolicyEngine.load(),
  session.identity(),
  new RunCatalog().documents('platform', session),
]);
await session.close();
const live = new Map(images.map((image) => [String(image['id']), image]));

const perImage: Record<number, number> = {};
const decideMs: Record<number, number> = {};
const showMs: Record<number, number> = {};
const planFiles = new Map<number, string>();
for (const n of sizes) {
  const project = projects.get(n) as string;
  const shows: number[] = [];
  let json: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const shown = timed(tofuPath, ['show', '-json', 'plan.bin'], project);
    if (shown.status !== 0) throw new Error(`tofu show -json failed for ${n} images`);
    shows.push(shown.ms);
    json = shown.stdout;
  }
  const file = join(project, 'plan.json');
  writeFileSync(file, json);
  planFiles.set(n, file);
  showMs[n] = median(shows);
  const planJson = JSON.parse(readFileSync(file, 'utf8')) as PlanJson;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const { changes } = withLiveProperties(planJson.resource_changes ?? [], live);
    const decision = engine.decide(buildEnvelope(principal, images, changes));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (changes.length !== n || !decision.allowed) throw new Error(`${n} images: ${changes.length} changes, allowed ${decision.allowed}`);
  }
  decideMs[n] = median(times);
  perImage[n] = (decideMs[n] ?? 0) / n;
  process.stderr.write(
    `plan-check-scale: ${n} images: decision ${round(decideMs[n] ?? 0, 1)} ms (${round((perImage[n] ?? 0) * 1000, 1)} µs/image), tofu show -json ${round(showMs[n] ?? 0, 0)} ms\n`,
  );
}

process.stderr.write('plan-check-scale: compiling the package (npm run build) ...\n');
execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
const largest = sizes[sizes.length - 1] as number;
const wholes: number[] = [];
for (let i = 0; i < runs; i++) {
  const ran = timed(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'provider', 'cli', 'main.ts'),
      'plan-check',
      planFiles.get(largest) as string,
      '--cloud',
      'platform',
    ],
    repoRoot,
  );
  if (ran.status !== 0) throw new Error(`plan-check of ${largest} images exited ${ran.status}: ${ran.stdout.toString().slice(-2000)}`);
  wholes.push(ran.ms);
}
const whole = median(wholes);
rmSync(dir, { recursive: true, force: true });

const ratio = (perImage[largest] ?? NaN) / (perImage[sizes[0] as number] ?? NaN);
const wholeRatio = whole / (showMs[largest] ?? NaN);
report({
  bench: 'plan-check-scale',
  peer: `the decision's cost per image at ${sizes[0]} images`,
  ratio: round(ratio),
  goal: '<= 1.5',
  met: ratio <= 1.5,
  perImageUs: Object.fromEntries(sizes.map((n) => [n, round((perImage[n] ?? 0) * 1000, 1)])),
  decideMs: Object.fromEntries(sizes.map((n) => [n, round(decideMs[n] ?? 0, 1)])),
  whole: {
    peer: `tofu show -json of the ${largest}-image plan`,
    ratio: round(wholeRatio),
    goal: '<= 1.0',
    met: wholeRatio <= 1.0,
    planCheckMs: round(whole, 0),
    showMs: round(showMs[largest] ?? 0, 0),
  },
  runs,
});
