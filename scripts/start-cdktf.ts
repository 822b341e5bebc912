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
 *   npm run start:cdktf -- --backend s3    the state in the lab S3's bucket (OpenTofu's s3 backend, use_lockfile)
 *
 * In this checkout the example imports `image-catalog/cdktf` from the checkout itself: examples/cdktf/node_modules/
 * image-catalog is a link to it (made here; a copied example installs the package from npm instead).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { localStateProblem } from '../provider/cdktf/state.js';
import { printCatalog } from './catalog-table.js';
import { policyDataVariable } from '../provider/policy/data.js';
import { cdktfExampleEnv, examplePolicyFile } from './example-config.js';
import { isStateBackend, labS3Env, readLabRecord, stateBackends, type LabRecord, type StateBackend } from './lab-settings.js';
import { locateTool, repoRoot, toolEnv } from './tools.js';

const usage = `usage: npm run start:cdktf [-- deploy|diff|destroy] [--dir DIR] [--backend file|s3]

Deploys the CDKTF example (examples/cdktf) to the local lab with the real cdktn deploy, through the image-catalog
gate (the catalog policy decides the plan before tofu applies it). Builds tofu and terraform-provider-openstack and
starts the lab when needed. <dir> is examples/cdktf unless --dir names a copy of it. State: --backend file (default)
<dir>/terraform.catalog.tfstate (local backend); --backend s3 OpenTofu's s3 backend in the lab S3's bucket
image-catalog-state, with its lock file (use_lockfile), one key per <dir> (docs/scale.md). The state is in one
backend: when the other one holds it, it is moved (pushed here with tofu state push; a local file is kept as
terraform.catalog.tfstate.moved-to-s3, an S3 copy emptied) and said.
`;

/**
 * The example's settings of its state on the lab's S3 (examples/cdktf/main.ts reads them), one key per folder unless
 * CATALOG_STATE_S3_KEY names one (two checkouts of one catalog).
 */
export function s3StateEnv(record: LabRecord, dir: string): Record<string, string> {
  return {
    ...labS3Env(record),
    CATALOG_STATE_S3_BUCKET: record.s3.bucket,
    CATALOG_STATE_S3_ENDPOINT: record.s3.endpoint,
    CATALOG_STATE_S3_REGION: record.s3.region,
    CATALOG_STATE_S3_KEY:
      process.env['CATALOG_STATE_S3_KEY'] ??
      `start-cdktf/${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}/catalog.tfstate`,
  };
}

interface TofuState {
  readonly serial: number;
  readonly lineage: string;
  readonly resources?: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
}

/** Runs the real tofu (not the gate) in the synthesized stack of `dir`; its output, or an error with its stderr. */
function tofu(dir: string, env: NodeJS.ProcessEnv, args: readonly string[], input?: string): string {
  const ran = spawnSync('tofu', args, { cwd: join(dir, 'cdktf.out', 'stacks', 'catalog'), env, encoding: 'utf8', input });
  if (ran.status !== 0) throw new Error(`tofu ${args.join(' ')}: ${(ran.stderr || ran.stdout).trim()}`);
  return ran.stdout;
}

/**
 * The example's state in the S3 backend its settings in `env` name: synthesized (cdktn synth), initialised with
 * that backend, pulled. Undefined when the bucket holds none under the key.
 */
function pullS3State(dir: string, env: NodeJS.ProcessEnv): TofuState | undefined {
  const synth = spawnSync('cdktn', ['synth'], { cwd: dir, env, encoding: 'utf8' });
  if (synth.status !== 0) throw new Error(`cdktn synth: ${(synth.stderr || synth.stdout).trim()}`);
  tofu(dir, env, ['init', '-reconfigure', '-input=false', '-no-color']);
  const pulled = tofu(dir, env, ['state', 'pull']).trim();
  return pulled === '' ? undefined : (JSON.parse(pulled) as TofuState);
}

/** Empties the example's state in S3: the same lineage, the next serial, no resources and no outputs. */
function emptyS3State(dir: string, s3Env: NodeJS.ProcessEnv, state: TofuState): void {
  tofu(dir, s3Env, ['state', 'push', '-'], JSON.stringify({ ...state, serial: state.serial + 1, resources: [], outputs: {} }));
}

/**
 * Keeps the example's state in the chosen backend only: moves it there when the other backend holds resources and
 * the chosen one none (tofu state push into S3, the local file kept aside; or pulled from S3 into the local file,
 * the S3 copy emptied). Returns what the chosen backend holds after it.
 */
function moveState(backend: StateBackend, dir: string, stateFile: string, s3Env: NodeJS.ProcessEnv, where: string): TofuState | undefined {
  const local = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as TofuState) : undefined;
  const holds = (state: TofuState | undefined): boolean => (state?.resources ?? []).length > 0;
  // A local state that holds resources is where the file backend's state is: S3 is not asked (a synth and an init).
  if (backend === 'file' && holds(local)) return local;
  const remote = pullS3State(dir, s3Env);
  if (backend === 's3') {
    if (!holds(local) || local === undefined) return remote;
    if (holds(remote))
      throw new Error(
        `the example's state is in ${stateFile} and in ${where}: two states of one catalog. Keep the one of the backend you ` +
          'run (--backend), and empty the other after checking it is a stale copy',
      );
    // The local state as it is (its lineage is the key of the images' creation marks), over the bucket's empty one.
    const pushed = { ...local, serial: Math.max(local.serial, remote?.serial ?? 0) + 1 };
    tofu(dir, s3Env, ['state', 'push', '-force', '-'], JSON.stringify(pushed));
    renameSync(stateFile, `${stateFile}.moved-to-s3`);
    step(
      `the example's state moved from ${relative(repoRoot, stateFile) || stateFile} to ${where} (tofu state push; the local file kept as ${relative(repoRoot, stateFile)}.moved-to-s3)`,
    );
    return pushed;
  }
  if (holds(local) || !holds(remote) || remote === undefined) return local;
  writeFileSync(stateFile, JSON.stringify(remote, null, 2), { mode: 0o600 });
  emptyS3State(dir, s3Env, remote);
  step(`the example's state moved from ${where} to ${relative(repoRoot, stateFile) || stateFile} (pulled; the S3 copy emptied)`);
  return remote;
}

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
  const backendAt = argv.indexOf('--backend');
  const backend = backendAt >= 0 ? argv[backendAt + 1] : 'file';
  const values = new Set([dirAt + 1, backendAt + 1].filter((i) => i > 0));
  const command = argv.find((a, i) => !a.startsWith('--') && !values.has(i)) ?? 'deploy';
  if (backend !== undefined && !isStateBackend(backend)) {
    process.stderr.write(`start:cdktf: --backend takes ${stateBackends.join(' or ')}, not "${backend}"\n\n${usage}`);
    return 2;
  }
  if (dir === undefined || backend === undefined || (command !== 'deploy' && command !== 'diff' && command !== 'destroy')) {
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
  const s3 = s3StateEnv(record, dir);
  const s3Where = `s3://${s3['CATALOG_STATE_S3_BUCKET'] ?? ''}/${s3['CATALOG_STATE_S3_KEY'] ?? ''} on the lab's S3`;
  const s3Env = await toolEnv(cdktfEnv(record.clouds, s3));
  const env = backend === 's3' ? s3Env : cdktfEnv(record.clouds);
  let state: TofuState | undefined;
  try {
    state = moveState(backend, dir, stateFile, s3Env, s3Where);
  } catch (err) {
    step((err as Error).message);
    return 1;
  }
  const consumer = record.projects['appteam'];
  const stale = (state?.resources ?? []).some(
    (r) => r.type === 'openstack_images_image_access_v2' && r.instances.some((i) => i.attributes['member_id'] !== consumer),
  );
  if (stale && state !== undefined) {
    step(
      `the lab was reset since the example was last deployed (its projects are new): its images are gone with it; starting from an empty state`,
    );
    if (backend === 's3') emptyS3State(dir, s3Env, state);
    else rmSync(stateFile, { force: true });
  }

  step(
    `cdktn ${command} (${relative(repoRoot, dir) || dir}, state in ${backend === 's3' ? s3Where : relative(repoRoot, stateFile) || stateFile}, through the image-catalog gate)`,
  );
  const args = command === 'diff' ? ['diff', '--skip-provider-lock'] : [command, '--auto-approve', '--skip-provider-lock'];
  // tofu's record of the backend the stack folder was last initialised with: a run on the other backend (or the
  // probe of S3 above) would make cdktn's init stop at "Backend configuration changed"; the state is where the
  // move above left it, so init starts afresh with the backend chosen.
  rmSync(join(dir, 'cdktf.out', 'stacks', 'catalog', '.terraform', 'terraform.tfstate'), { force: true });
  const status = await runCdktn(args, dir, env);
  if (status !== 0) {
    step(`cdktn ${command} failed (exit ${status}): the lines above say why (cdktn's own JavaScript trace of it is left out)`);
    return 1;
  }
  if (command !== 'deploy') return 0;

  const final = backend === 's3' ? tofu(dir, s3Env, ['state', 'pull']) : readFileSync(stateFile, 'utf8');
  const outputs = (JSON.parse(final) as { outputs?: { catalog?: { value?: { imageId: string }[] } } }).outputs;
  await printCatalog(
    record,
    (outputs?.catalog?.value ?? []).map((c) => c.imageId),
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
