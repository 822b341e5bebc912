/**
 * `npm run bench -- reliability`: what a deployment leaves behind when it is cut off, this package against
 * tofu + terraform-provider-openstack (the peer: the anchor's openstack_images_image_v2), on the same lab, in the
 * same run, with the same faults; then load, injected HTTP faults, bad inputs and secrets for this package alone.
 *
 * Shared faults (each side: apply, fault, the lab back when it was hurt, apply again with no hand step):
 * - process kill: the deploying process (pulumi / tofu) and its provider SIGKILLed while 3 images of 192 MiB
 *   upload;
 * - glance kill: glance-api SIGKILLed at about a third of a 1 GiB upload, then brought back (`lab up`).
 * After the second apply each side is scored: images duplicated (a declared name held more than once), images
 * left half-made (a record of the run that is not active), images lost (declared, not active), and whether the
 * second apply succeeded. A bad outcome is any of those. Ratio: this package's bad outcomes over the peer's
 * (at least 1 in the denominator). Goal: 0 (none of ours).
 *
 * The CDKTF layer (issue 23): the same two faults through `cdktn deploy` and the image-catalog gate (the process
 * group of cdktn, the gate, tofu and its provider SIGKILLed; glance-api killed), scored the same way; and two bad
 * sources, a web-download url that answers 404 and a file that is not there, through the gate and through tofu
 * alone (its create timeout 2 minutes): refused or not, records left, time. `cdktf_*` in the JSON line.
 *
 * This package alone: `IMAGES` (100) images in one up at --parallel 50 and their destroy (lost, duplicated,
 * the provider's peak RSS, against the same load of a tenth of the images: the memory's growth);
 * test/integration/faults.test.ts (5xx, slow answers, a cut upload, a flipped byte, a killed glance-api) and
 * test/e2e/tokens.test.ts (a run outlasting its token, Keystone killed during a run), test/unit/bad-input.test.ts
 * (generated bad inputs, each with zero requests) and test/e2e/secrets.test.ts (every lab password, any token, a secret property in a -v=9 log, errors and state),
 * run here, their counts read from their TAP output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { snapshotImages, type ImageWire } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { openStack, runStack, type Program, type StackTarget } from '../provider/pulumi/automation.js';
import { Image } from '../provider/pulumi/resources.js';
import { removeImage } from '../provider/resources/image/image.js';
import { labServicePid, labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { childProcesses, killDeployment, peakSampler } from '../scripts/processes.js';
import { imageResource, openstackConfiguration } from '../scripts/tofu-config.js';
import { cdktfEnv, linkCheckout } from '../scripts/start-cdktf.js';
import { locateTool, repoRoot, toolEnv, toolSpec } from '../scripts/tools.js';
import { benchProject, report, round } from './lib.js';

const loadCount = Number(process.env['IMAGES'] ?? 100);
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
for (const tool of ['pulumi', 'tofu', 'terraform-provider-openstack']) {
  const found = await locateTool(tool);
  if (!found.ok) throw new Error(`${tool} is needed: ${found.reason}`);
}
const tofuPath = await locateTool('tofu').then((found) => (found.ok ? found.path : 'tofu'));
const dir = mkdtempSync(join(tmpdir(), 'bench-reliability-'));
const stackEnv = { ...labStackEnv(lab), NODE_PATH: join(repoRoot, 'node_modules') };
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'reliability' };
const clouds = lab.clouds;
process.env['OS_CLIENT_CONFIG_FILE'] = clouds;
const admin = Session.forCloud('admin');

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A file of `mib` MiB that does not compress away. */
function dataFile(mib: number): string {
  const file = join(dir, `data-${mib}.raw`);
  const fd = openSync(file, 'w');
  for (let i = 0; i < mib; i += 1) writeSync(fd, randomBytes(1024 * 1024));
  closeSync(fd);
  return file;
}

/** The images whose name starts with `prefix`, as admin sees them (every project, hidden ones too). */
async function imagesOf(prefix: string): Promise<ImageWire[]> {
  return (await snapshotImages(admin)).filter((image) => image.name?.startsWith(prefix) === true);
}

/** How a side ended after its second apply. */
interface Outcome {
  readonly duplicated: number;
  readonly halfMade: number;
  readonly lost: number;
  readonly converged: boolean;
}

const bad = (o: Outcome): number => o.duplicated + o.halfMade + o.lost + (o.converged ? 0 : 1);

async function score(names: readonly string[], prefix: string, converged: boolean): Promise<Outcome> {
  const images = await imagesOf(prefix);
  const active = images.filter((i) => i.status === 'active');
  return {
    duplicated: names.reduce((n, name) => n + Math.max(0, active.filter((i) => i.name === name).length - 1), 0),
    halfMade: images.filter((i) => i.status !== 'active').length,
    lost: names.filter((name) => !active.some((i) => i.name === name)).length,
    converged,
  };
}

/** Deletes every image of a prefix (unprotected first), as admin. */
async function cleanUp(prefix: string): Promise<void> {
  for (const image of await imagesOf(prefix)) await removeImage(admin, image).catch(() => undefined);
}

/** Kills glance-api (its process group); `lab up` brings it back. */
function killGlance(): void {
  process.kill(-labServicePid('glance'), 'SIGKILL');
}

function labUp(): void {
  const ran = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'lab.ts'), 'up'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  if (ran.status !== 0) throw new Error('npm run lab -- up failed');
}

// ---- this package: pulumi through the Automation API -------------------------------------------------------

function imagesProgram(prefix: string, file: string, count: number): Program {
  return () => {
    for (let i = 0; i < count; i += 1)
      new Image(`n${i}`, { name: `${prefix}n${i}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file }, properties: metadata });
    return Promise.resolve({});
  };
}

async function pulumiTarget(name: string): Promise<StackTarget> {
  const target = benchProject(dir, name, stackEnv);
  await (await openStack(target)).setConfig('image-catalog:cloud', { value: 'platform' });
  return target;
}

/** An up that `fault` interrupts once an upload reports `atMiB` MiB sent; then the up again. */
async function pulumiFaulted(name: string, count: number, mib: number, atMiB: number, fault: 'process' | 'glance'): Promise<Outcome> {
  const prefix = `ubuntu-24.04-r${randomBytes(3).toString('hex')}`;
  const program = imagesProgram(prefix, dataFile(mib), count);
  const target = await pulumiTarget(name);
  const kill = { fired: false };
  const first = await runStack(await openStack(target, program), 'up', {
    onEvent: (event) => {
      const sent = /uploaded ([\d.]+) MiB/.exec(event.diagnosticEvent?.message ?? '')?.[1];
      if (kill.fired || sent === undefined || Number(sent) < atMiB) return;
      kill.fired = true;
      if (fault === 'glance') {
        killGlance();
        return;
      }
      killDeployment(process.pid, true);
    },
  });
  if (first.ok || !kill.fired) throw new Error(`the ${fault} kill did not land during pulumi up (${name})`);
  if (fault === 'glance') labUp();
  // runStack clears the lock the killed run left (its pulumi is gone), after saying so.
  const second = await runStack(await openStack(target, program), 'up', { onNotice: say });
  const outcome = await score(
    Array.from({ length: count }, (_, i) => `${prefix}n${i}-v1.0`),
    prefix,
    second.ok,
  );
  await cleanUp(prefix);
  return outcome;
}

// ---- the peer: tofu + terraform-provider-openstack ---------------------------------------------------------

async function tofuProject(
  name: string,
  prefix: string,
  file: string,
  count: number,
): Promise<{ project: string; env: NodeJS.ProcessEnv }> {
  const project = join(dir, name);
  mkdirSync(project);
  const resources = Array.from({ length: count }, (_, i) =>
    imageResource(`n${i}`, { name: `${prefix}n${i}-v1.0`, file, properties: metadata, visibility: 'shared' }),
  ).join('\n');
  writeFileSync(join(project, 'main.tf'), openstackConfiguration(resources));
  const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: clouds };
  spawnSync(tofuPath, ['init', '-input=false'], { cwd: project, env, stdio: 'ignore' });
  return { project, env };
}

function tofuApply(project: string, env: NodeJS.ProcessEnv): boolean {
  return spawnSync(tofuPath, ['apply', '-auto-approve', '-input=false'], { cwd: project, env, stdio: 'ignore' }).status === 0;
}

/** A tofu apply that `fault` interrupts once Glance shows an upload under way for `waitMs`; then the apply again. */
async function tofuFaulted(name: string, count: number, mib: number, waitMs: number, fault: 'process' | 'glance'): Promise<Outcome> {
  const prefix = `ubuntu-24.04-t${randomBytes(3).toString('hex')}`;
  const { project, env } = await tofuProject(name, prefix, dataFile(mib), count);
  const apply = spawn(tofuPath, ['apply', '-auto-approve', '-input=false'], { cwd: project, env, stdio: 'ignore' });
  const ended = new Promise<void>((resolve) => apply.on('exit', () => resolve()));
  for (let i = 0; i < 600; i += 1) {
    if ((await imagesOf(prefix)).some((image) => image.status === 'saving')) break;
    await sleep(100);
  }
  await sleep(waitMs);
  if (fault === 'glance') killGlance();
  else {
    for (const provider of childProcesses(apply.pid ?? -1)) process.kill(provider.pid, 'SIGKILL');
    apply.kill('SIGKILL');
  }
  await ended;
  if (fault === 'glance') labUp();
  const converged = tofuApply(project, env);
  const outcome = await score(
    Array.from({ length: count }, (_, i) => `${prefix}n${i}-v1.0`),
    prefix,
    converged,
  );
  await cleanUp(prefix);
  return outcome;
}

// ---- this package's CDKTF layer: cdktn deploy through the gate --------------------------------------------

/** A cdktn app of `sources.length` CatalogImages (`ubuntu-24.04-<profile>-v1.<i>`) in its own folder and state. */
function cdktfProject(name: string, profile: string, sources: readonly ({ file: string } | { url: string })[]): string {
  const project = join(dir, name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(project, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx tsx main.ts', output: 'cdktf.out' }));
  const properties = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'reliability' };
  writeFileSync(
    join(project, 'main.ts'),
    [
      "import { App, TerraformStack } from 'cdktn';",
      "import { CatalogImage, OpenstackProvider, checkCatalog } from 'image-catalog/cdktf';",
      'const app = new App();',
      "const stack = new TerraformStack(app, 'bench');",
      "new OpenstackProvider(stack, 'owner', { cloud: 'platform' });",
      ...sources.map(
        (source, i) =>
          `new CatalogImage(stack, 'n${i}', { os: 'ubuntu', osVersion: '24.04', profile: '${profile}', version: '1.${i}', diskFormat: 'raw', ` +
          `visibility: 'shared', source: ${JSON.stringify(source)}, properties: ${JSON.stringify(properties)}, createTimeout: '2m' });`,
      ),
      'await checkCatalog(app);',
      'app.synth();',
      '',
    ].join('\n'),
  );
  linkCheckout(project);
  return project;
}

/** `cdktn deploy` of `project` through the gate (a process group of its own, so that a kill takes all of it). */
async function cdktnDeploy(project: string): Promise<{ done: Promise<{ ok: boolean; output: string }>; pid: number }> {
  const env = await toolEnv(cdktfEnv(clouds));
  const child = spawn('cdktn', ['deploy', '--auto-approve', '--skip-provider-lock'], {
    cwd: project,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<{ ok: boolean; output: string }>((resolve) => child.on('close', (code) => resolve({ ok: code === 0, output })));
  return { done, pid: child.pid ?? -1 };
}

/** A deploy that `fault` interrupts once Glance shows an upload under way for `waitMs`; then the deploy again. */
async function cdktfFaulted(name: string, count: number, mib: number, waitMs: number, fault: 'process' | 'glance'): Promise<Outcome> {
  const profile = `c${randomBytes(3).toString('hex')}`;
  const prefix = `ubuntu-24.04-${profile}-`;
  const file = dataFile(mib);
  const project = cdktfProject(
    name,
    profile,
    Array.from({ length: count }, () => ({ file })),
  );
  const first = await cdktnDeploy(project);
  for (let i = 0; i < 1200; i += 1) {
    if ((await imagesOf(prefix)).some((image) => image.status === 'saving')) break;
    await sleep(100);
  }
  await sleep(waitMs);
  if (fault === 'glance') killGlance();
  else process.kill(-first.pid, 'SIGKILL');
  await first.done;
  if (fault === 'glance') labUp();
  const second = await (await cdktnDeploy(project)).done;
  if (!second.ok) say(second.output.slice(-3000));
  const outcome = await score(
    Array.from({ length: count }, (_, i) => `${prefix}v1.${i}`),
    prefix,
    second.ok,
  );
  await cleanUp(prefix);
  return outcome;
}

/** How a bad source ended: refused (the deploy failed), and the records it left. */
interface Refusal {
  readonly refused: boolean;
  readonly recordsLeft: number;
  readonly seconds: number;
}

/** A deploy of one image whose source is bad (a url that answers 404, a file that is not there). */
async function cdktfBadSource(name: string, source: { file: string } | { url: string }): Promise<Refusal> {
  const profile = `c${randomBytes(3).toString('hex')}`;
  const t0 = Date.now();
  const ran = await (await cdktnDeploy(cdktfProject(name, profile, [source]))).done;
  const seconds = round((Date.now() - t0) / 1000, 1);
  const left = (await imagesOf(`ubuntu-24.04-${profile}-`)).length;
  await cleanUp(`ubuntu-24.04-${profile}-`);
  return { refused: !ran.ok, recordsLeft: left, seconds };
}

/** The same bad source through tofu + terraform-provider-openstack alone (its create bounded at 2 minutes). */
async function tofuBadSource(name: string, source: { file: string } | { url: string }): Promise<Refusal> {
  const prefix = `ubuntu-24.04-t${randomBytes(3).toString('hex')}`;
  const project = join(dir, name);
  mkdirSync(project);
  writeFileSync(
    join(project, 'main.tf'),
    openstackConfiguration(
      imageResource('n0', { name: `${prefix}-v1.0`, ...source, properties: metadata, visibility: 'shared', createTimeout: '2m' }),
    ),
  );
  const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: clouds };
  spawnSync(tofuPath, ['init', '-input=false'], { cwd: project, env, stdio: 'ignore' });
  const t0 = Date.now();
  const ok = tofuApply(project, env);
  const seconds = round((Date.now() - t0) / 1000, 1);
  const left = (await imagesOf(prefix)).length;
  await cleanUp(prefix);
  return { refused: !ok, recordsLeft: left, seconds };
}

// ---- this package alone ------------------------------------------------------------------------------------

async function load(count: number): Promise<{ created: number; lost: number; duplicated: number; peakRssMiB: number; seconds: number }> {
  const prefix = `debian-12-b${randomBytes(3).toString('hex')}`;
  const file = join(dir, 'small.raw');
  writeFileSync(file, randomBytes(64 * 1024));
  const target = await pulumiTarget(`load-${count}`);
  const program = (): Promise<Record<string, unknown>> => {
    for (let i = 0; i < count; i += 1)
      new Image(`n${i}`, {
        name: `${prefix}n${i}-v1.0`,
        diskFormat: 'raw',
        visibility: 'private',
        source: { file },
        properties: { ...metadata, os_distro: 'debian', os_version: '12' },
      });
    return Promise.resolve({});
  };
  const memory = peakSampler('pulumi-resource-image-catalog');
  const sample = memory.sample;
  const timer = setInterval(sample, 250);
  const t0 = Date.now();
  const up = await runStack(await openStack(target, program), 'up', { parallel: 50, onEvent: sample });
  const seconds = (Date.now() - t0) / 1000;
  const names = Array.from({ length: count }, (_, i) => `${prefix}n${i}-v1.0`);
  const outcome = await score(names, prefix, up.ok);
  const down = await runStack(await openStack(target, program), 'destroy', { parallel: 50, onEvent: sample });
  clearInterval(timer);
  const left = (await imagesOf(prefix)).length;
  if (!down.ok || left > 0) throw new Error(`the load's destroy failed or left ${left} image(s)`);
  return {
    created: count - outcome.lost,
    lost: outcome.lost,
    duplicated: outcome.duplicated,
    peakRssMiB: round(memory.peak() / 1048576, 0),
    seconds: round(seconds, 1),
  };
}

/** Runs test files through tap (TAP output) and reads: passes, failures, and the numbers its comments give. */
function runTests(files: readonly string[]): { ok: boolean; text: string } {
  const ran = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bootstrap.js'), 'tap', '--reporter=tap', '--jobs=1', ...files], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: ran.status === 0, text: `${ran.stdout}${ran.stderr}` };
}

function counted(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].reduce((n, m) => n + Number(m[1] ?? 0), 0);
}

try {
  say('process kill: this package (pulumi up, SIGKILL of pulumi and its provider during 3 uploads of 192 MiB), then up again');
  const oursKill = await pulumiFaulted('kill', 3, 192, 20, 'process');
  say(`  ${JSON.stringify(oursKill)}`);
  say('process kill: the peer (tofu apply, SIGKILL of tofu and its provider during the same uploads), then apply again');
  const peerKill = await tofuFaulted('tofu-kill', 3, 192, 300, 'process');
  say(`  ${JSON.stringify(peerKill)}`);
  say('glance kill: this package (glance-api SIGKILLed at ~340 MiB of a 1 GiB upload, lab up), then up again');
  const oursGlance = await pulumiFaulted('glance', 1, 1024, 340, 'glance');
  say(`  ${JSON.stringify(oursGlance)}`);
  say('glance kill: the peer (the same, with tofu apply), then apply again');
  const peerGlance = await tofuFaulted('tofu-glance', 1, 1024, 2000, 'glance');
  say(`  ${JSON.stringify(peerGlance)}`);

  say(
    'CDKTF, process kill: cdktn deploy through the gate (cdktn, the gate, tofu and its provider SIGKILLed during 3 uploads of 192 MiB), then deploy again',
  );
  const cdktfKill = await cdktfFaulted('cdktf-kill', 3, 192, 300, 'process');
  say(`  ${JSON.stringify(cdktfKill)}`);
  say('CDKTF, glance kill: glance-api SIGKILLed during a 1 GiB upload of a gated deploy, lab up, then deploy again');
  const cdktfGlance = await cdktfFaulted('cdktf-glance', 1, 1024, 2000, 'glance');
  say(`  ${JSON.stringify(cdktfGlance)}`);
  const missingUrl = new URL(`missing-${randomBytes(3).toString('hex')}.raw`, `${lab.sourceUrl}/`).href;
  const missingFile = join(dir, 'missing.raw');
  say(`bad sources: a web-download url that answers 404 and a file that is not there, through the gate and through tofu alone`);
  const cdktf404 = await cdktfBadSource('cdktf-404', { url: missingUrl });
  const peer404 = await tofuBadSource('tofu-404', { url: missingUrl });
  const cdktfMissing = await cdktfBadSource('cdktf-missing', { file: missingFile });
  const peerMissing = await tofuBadSource('tofu-missing', { file: missingFile });
  say(`  404: gate ${JSON.stringify(cdktf404)}, tofu ${JSON.stringify(peer404)}`);
  say(`  missing file: gate ${JSON.stringify(cdktfMissing)}, tofu ${JSON.stringify(peerMissing)}`);

  // The same load with a tenth of the images first: the provider's memory should not grow with the count.
  const fewCount = Math.max(1, Math.round(loadCount / 10));
  say(`load: ${fewCount} images in one pulumi up --parallel 50, then destroy (memory baseline)`);
  const few = await load(fewCount);
  say(`  ${JSON.stringify(few)}`);
  say(`load: ${loadCount} images in one pulumi up --parallel 50, then destroy`);
  const held = await load(loadCount);
  say(`  ${JSON.stringify(held)}`);

  say('injected faults (HTTP faults, a killed glance-api, short tokens, a killed Keystone), bad inputs and secrets: their tests, run here');
  const faults = runTests(['test/integration/faults.test.ts', 'test/e2e/tokens.test.ts']);
  const badInputs = runTests(['test/unit/bad-input.test.ts']);
  const secrets = runTests(['test/e2e/secrets.test.ts']);
  // Each scenario of the faults test is one fault injected (a top-level subtest); it survived when it passed.
  const scenarios = [...faults.text.matchAll(/^ {4}(not )?ok \d+ - /gm)];
  const survivedScenarios = scenarios.filter((m) => m[1] === undefined).length;

  const memoryGrowth = round(held.peakRssMiB / Math.max(few.peakRssMiB, 1));
  const ours = bad(oursKill) + bad(oursGlance);
  const peer = bad(peerKill) + bad(peerGlance);
  const row = (label: string, o: Outcome, p: Outcome): string =>
    `| ${label} | ${o.duplicated} / ${p.duplicated} | ${o.halfMade} / ${p.halfMade} | ${o.lost} / ${p.lost} | ${o.converged ? 'yes' : 'no'} / ${p.converged ? 'yes' : 'no'} |`;
  say('');
  say('| fault (this package / tofu + terraform-provider-openstack) | duplicated | half-made left | lost | converged |');
  say('|---|---|---|---|---|');
  say(row('deploying process SIGKILLed during 3 uploads', oursKill, peerKill));
  say(row('glance-api SIGKILLed during a 1 GiB upload', oursGlance, peerGlance));
  say(row('CDKTF (gate): deploying process SIGKILLed during 3 uploads', cdktfKill, peerKill));
  say(row('CDKTF (gate): glance-api SIGKILLed during a 1 GiB upload', cdktfGlance, peerGlance));
  const refusal = (label: string, o: Refusal, p: Refusal): string =>
    `| ${label} | refused ${o.refused ? 'yes' : 'no'} / ${p.refused ? 'yes' : 'no'} | records left ${o.recordsLeft} / ${p.recordsLeft} | ${o.seconds} s / ${p.seconds} s |`;
  say('');
  say('| bad source (CDKTF through the gate / tofu + terraform-provider-openstack, create timeout 2m) | refused | records left | time |');
  say('|---|---|---|---|');
  say(refusal('web-download url answering 404', cdktf404, peer404));
  say(refusal('local file that is not there', cdktfMissing, peerMissing));
  say('');
  say(
    `load held: ${held.created} of ${loadCount} images created, ${held.lost} lost, ${held.duplicated} duplicated, provider peak RSS ${held.peakRssMiB} MiB ` +
      `(${few.peakRssMiB} MiB for ${fewCount} images: ×${memoryGrowth}), ${held.seconds} s`,
  );
  say(
    `injected faults (proxy: 5xx, a 5xx to a create, slow answers, a cut upload, a flipped byte; a killed glance-api; a run outlasting its token; Keystone killed during a run): ${survivedScenarios} of ${scenarios.length} survived`,
  );
  say(
    `bad inputs tried: ${counted(badInputs.text, /bad inputs tried: (\d+)/)}, ${badInputs.ok ? 'each refused with no request' : 'SOME NOT REFUSED OR WITH REQUESTS'}`,
  );
  say(`secrets found: ${secrets.ok ? 0 : 'some (see test/e2e/secrets.test.ts)'}`);

  const oursFaulted = [oursKill, oursGlance];
  report({
    bench: 'reliability',
    peer: `tofu ${toolSpec('tofu').version} + terraform-provider-openstack ${toolSpec('terraform-provider-openstack').version} on the same faults (process kill, glance-api kill)`,
    ratio: round(ours / Math.max(peer, 1)),
    goal: '0: no image duplicated, half-made, lost, and every re-run converging (bad outcomes over the peer)',
    met: ours === 0,
    badOutcomes: { ours, peer },
    images_created: held.created + 3 - oursKill.lost + 1 - oursGlance.lost,
    images_lost: held.lost + oursKill.lost + oursGlance.lost,
    images_duplicated: held.duplicated + oursKill.duplicated + oursGlance.duplicated,
    faults_injected: oursFaulted.length + scenarios.length,
    faults_survived: oursFaulted.filter((o) => bad(o) === 0).length + survivedScenarios,
    bad_inputs_tried: counted(badInputs.text, /bad inputs tried: (\d+)/),
    bad_inputs_with_api_calls: badInputs.ok ? 0 : null,
    secrets_found: secrets.ok ? 0 : null,
    load: held,
    memory: { images: [fewCount, loadCount], peakRssMiB: [few.peakRssMiB, held.peakRssMiB], growth: memoryGrowth },
    processKill: { ours: oursKill, peer: peerKill },
    glanceKill: { ours: oursGlance, peer: peerGlance },
    // The CDKTF layer (cdktn deploy through the gate) on the same faults, and two bad sources.
    cdktf_faults_injected: 4,
    cdktf_faults_survived:
      [cdktfKill, cdktfGlance].filter((o) => bad(o) === 0).length +
      [cdktf404, cdktfMissing].filter((r) => r.refused && r.recordsLeft === 0).length,
    cdktf_images_lost: cdktfKill.lost + cdktfGlance.lost,
    cdktf_images_duplicated: cdktfKill.duplicated + cdktfGlance.duplicated,
    cdktf_records_left: cdktfKill.halfMade + cdktfGlance.halfMade + cdktf404.recordsLeft + cdktfMissing.recordsLeft,
    cdktf_goal: 'survived = injected; lost, duplicated and records left 0',
    cdktf_met:
      [cdktfKill, cdktfGlance].every((o) => bad(o) === 0) && [cdktf404, cdktfMissing].every((r) => r.refused && r.recordsLeft === 0),
    tofu_same_faults: {
      bad_outcomes: bad(peerKill) + bad(peerGlance),
      records_left: peerKill.halfMade + peerGlance.halfMade + peer404.recordsLeft + peerMissing.recordsLeft,
      bad_source_seconds: { url404: peer404.seconds, missingFile: peerMissing.seconds },
    },
    cdktf: { processKill: cdktfKill, glanceKill: cdktfGlance, url404: cdktf404, missingFile: cdktfMissing },
  });
} finally {
  await admin.close();
  rmSync(dir, { recursive: true, force: true });
}
