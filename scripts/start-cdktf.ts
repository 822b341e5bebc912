/**
 * `npm run start:cdktf`: the CDKTF example (examples/cdktf) deployed to the local lab the way `npm start` runs the
 * Pulumi one. Builds tofu and terraform-provider-openstack when missing (scripts/toolchain.ts), brings the lab up
 * when it is down, sets the example's settings from the lab (scripts/example-config.ts), and runs the real
 * `cdktn deploy` through the image-catalog gate (TERRAFORM_BINARY_NAME=bin/image-catalog-tofu.js): synth decides
 * the new images (checkCatalog), the gate decides the plan, then tofu applies that plan. Prints the catalog as the
 * Image Service has it.
 *
 *   npm run start:cdktf                    deploy, then the table
 *   npm run start:cdktf -- diff            the plan only (through the gate's variable; nothing decided or applied)
 *   npm run start:cdktf -- destroy         destroy (where the policy allows it)
 *   npm run start:cdktf -- --dir DIR       a copy of the example elsewhere (its own state; the e2e test's)
 *
 * In this checkout the example imports `image-catalog/cdktf` from the checkout itself: examples/cdktf/node_modules/
 * image-catalog is a link to it (made here; a copied example installs the package from npm instead).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { localStateProblem } from '../provider/cdktf/state.js';
import { printCatalog } from './catalog-table.js';
import { policyDataVariable } from '../provider/policy/data.js';
import { cdktfExampleEnv, examplePolicyFile } from './example-config.js';
import { readLabRecord } from './lab-settings.js';
import { locateTool, repoRoot } from './tools.js';

const usage = `usage: npm run start:cdktf [-- deploy|diff|destroy] [--dir DIR]

Deploys the CDKTF example (examples/cdktf) to the local lab with the real cdktn deploy, through the image-catalog
gate (the catalog policy decides the plan before tofu applies it). Builds tofu and terraform-provider-openstack and
starts the lab when needed. State: <dir>/terraform.catalog.tfstate (local backend); <dir> is examples/cdktf unless
--dir names a copy of it.
`;

export const exampleDir = join(repoRoot, 'examples', 'cdktf');

function step(message: string): void {
  process.stdout.write(`start:cdktf: ${message}\n`);
}

function runNode(script: string, args: readonly string[]): number {
  return (
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', script), ...args], { cwd: repoRoot, stdio: 'inherit' })
      .status ?? 1
  );
}

/**
 * The example's node_modules: `image-catalog` a link to this checkout, and the example's own dependencies (cdktn,
 * constructs) links to the checkout's copies, so that a copy of the example elsewhere (--dir) resolves them too.
 */
export function linkCheckout(dir: string = exampleDir): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  const links: Record<string, string> = {
    'image-catalog': repoRoot,
    cdktn: join(repoRoot, 'node_modules', 'cdktn'),
    constructs: join(repoRoot, 'node_modules', 'constructs'),
  };
  for (const [name, target] of Object.entries(links)) {
    const link = join(modules, name);
    if (existsSync(link) && lstatSync(link).isSymbolicLink()) continue;
    rmSync(link, { recursive: true, force: true });
    symlinkSync(relative(modules, target), link);
  }
}

/** The environment `cdktn` runs the example with: the lab's settings and clouds, offline, the gate as Terraform binary. */
export function cdktfEnv(clouds: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const nodeOptions = process.env['NODE_OPTIONS'] ?? '';
  return {
    ...process.env,
    ...cdktfExampleEnv(),
    OS_CLIENT_CONFIG_FILE: clouds,
    // The example's policy data (the SCS-0102 profile) first, a file the shell names after it.
    [policyDataVariable]: [examplePolicyFile, process.env[policyDataVariable] ?? ''].filter((f) => f !== '').join(':'),
    CHECKPOINT_DISABLE: '1',
    TERRAFORM_BINARY_NAME: join(repoRoot, 'bin', 'image-catalog-tofu.js'),
    // cdktn warns when NODE_OPTIONS (set by scripts/bootstrap.js) has no heap size; give the one it would set.
    NODE_OPTIONS: nodeOptions.includes('--max-old-space-size') ? nodeOptions : `${nodeOptions} --max-old-space-size=4096`.trim(),
    ...extra,
  };
}

/** The resources of the example's state (its local backend, one localStateProblem found readable): none without one. */
function stateResources(stateFile: string): { type: string; instances: { attributes: Record<string, unknown> }[] }[] {
  if (!existsSync(stateFile)) return [];
  return (JSON.parse(readFileSync(stateFile, 'utf8')) as { resources?: [] }).resources ?? [];
}

/**
 * What cdktn prints of its own failure after the reason was said (a synth annotation, the gate's refusal): its
 * JavaScript stack trace, Node's uncaught-rejection banner, the same error once more.
 */
export function cdktnTrace(): (line: string) => boolean {
  const errors = new Set<string>();
  // Node's banner of an uncaught rejection comes last: from there on, everything is the trace.
  let uncaught = false;
  return (line) => {
    if (uncaught) return true;
    if (/^node:internal\/process\/|UnhandledPromiseRejection|triggerUncaughtException|^Collecting Debug Information/.test(line)) {
      uncaught = true;
      return true;
    }
    if (/^\s+at .*(node_modules|node:internal|file:\/\/|\.[cm]?[jt]s:\d+)/.test(line)) return true;
    if (/^node:internal\/|^\s*\^\s*$|^Node\.js v\d|^undefined$/.test(line)) return true;
    if (/^Error: /.test(line)) {
      const seen = errors.has(line);
      errors.add(line);
      return seen;
    }
    return false;
  };
}

/** Runs cdktn with `args` in `dir`, its output passed on without {@link cdktnTrace}; its exit status. */
function runCdktn(args: readonly string[], dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('cdktn', args, { cwd: dir, env, stdio: ['inherit', 'pipe', 'pipe'] });
    const drop = cdktnTrace();
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const)
      createInterface({ input: from }).on('line', (line) => {
        if (!drop(line)) to.write(`${line}\n`);
      });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 ? argv[dirAt + 1] : exampleDir;
  const command = argv.find((a, i) => !a.startsWith('--') && (dirAt < 0 || i !== dirAt + 1)) ?? 'deploy';
  if (dir === undefined || (command !== 'deploy' && command !== 'diff' && command !== 'destroy')) {
    process.stderr.write(usage);
    return 2;
  }
  for (const tool of ['tofu', 'terraform-provider-openstack']) {
    if ((await locateTool(tool)).ok) continue;
    step(`building ${tool} (once; cached after)`);
    if (runNode('toolchain.ts', [tool]) !== 0) return 1;
  }
  step('lab');
  if (runNode('lab.ts', ['up']) !== 0) return 1;
  const record = readLabRecord();
  if (record === undefined) return 1;
  linkCheckout(dir);
  const stateFile = join(dir, 'terraform.catalog.tfstate');

  const problem = localStateProblem(stateFile);
  if (problem !== undefined) {
    step(problem);
    return 1;
  }
  const consumer = record.projects['appteam'];
  const stale = stateResources(stateFile).some(
    (r) => r.type === 'openstack_images_image_access_v2' && r.instances.some((i) => i.attributes['member_id'] !== consumer),
  );
  if (stale) {
    step(
      `the lab was reset since the example was last deployed (its projects are new): its images are gone with it; starting from an empty state`,
    );
    rmSync(stateFile, { force: true });
  }

  step(`cdktn ${command} (${relative(repoRoot, dir) || dir}, through the image-catalog gate)`);
  const args = command === 'diff' ? ['diff', '--skip-provider-lock'] : [command, '--auto-approve', '--skip-provider-lock'];
  const status = await runCdktn(args, dir, cdktfEnv(record.clouds));
  if (status !== 0) {
    step(`cdktn ${command} failed (exit ${status}): the lines above say why (cdktn's own JavaScript trace of it is left out)`);
    return 1;
  }
  if (command !== 'deploy') return 0;

  const outputs = (JSON.parse(readFileSync(stateFile, 'utf8')) as { outputs?: { catalog?: { value?: { imageId: string }[] } } }).outputs;
  await printCatalog(
    record,
    (outputs?.catalog?.value ?? []).map((c) => c.imageId),
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
