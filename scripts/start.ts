/**
 * `npm start`: the main job. Builds pulumi when it is missing (scripts/toolchain.ts), brings the lab up when it
 * is down (scripts/lab.ts), selects the stack `dev` in the local file backend `.pulumi-state/`, writes the
 * example's stack config from the lab, runs `pulumi up --yes` on the example catalog (index.ts) with the catalog
 * policy enforced, and prints the catalog as the Image Service has it.
 *
 *   npm start                      preview + apply, then the table
 *   npm start -- --stack NAME      another stack of the same backend
 *   npm start -- destroy           pulumi destroy --yes (where the policy allows it)
 *   npm start -- preview           pulumi preview only
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogRows, formatTable } from '../provider/cli/table.js';
import { Session } from '../provider/client/session.js';
import { defaultStateDir, runPulumi, selectStack, type Program, type StackTarget } from '../provider/pulumi/host.js';
import { exampleConfig } from './example-config.js';
import { readLabRecord } from './lab-settings.js';
import { locateTool, repoRoot } from './tools.js';

const usage = `usage: npm start [-- [up|preview|destroy] [--stack NAME]]

Runs the example catalog (index.ts) through pulumi against the local lab, the catalog policy enforced
before anything is applied. Builds pulumi and starts the lab when needed. State: .pulumi-state/ (local file
backend); stack config: Pulumi.<stack>.yaml, written from the lab. PULUMI_CONFIG_PASSPHRASE protects the
stack's secrets (default for the lab: image-catalog-lab).
`;

function step(message: string): void {
  process.stdout.write(`start: ${message}\n`);
}

function runNode(script: string, args: readonly string[]): number {
  const ran = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', script), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return ran.status ?? 1;
}

/**
 * Whether the stack was last run against another lab: `npm run lab -- reset` makes new projects, so the consumer
 * project id in the stack config no longer matches, and every resource in the stack's state is gone.
 */
async function labWasReset(target: StackTarget): Promise<boolean> {
  const got = await runPulumi(target, ['config', 'get', 'image-catalog:consumerProjectId'], { echo: false });
  if (got.code !== 0) return false;
  return got.stdout.trim() !== exampleConfig()['image-catalog:consumerProjectId'];
}

/** Whether the stack holds no resource yet (a new stack, or one whose resources were all deleted). */
async function hasNoResources(target: StackTarget): Promise<boolean> {
  const exported = await runPulumi(target, ['stack', 'export'], { echo: false });
  if (exported.code !== 0) return false;
  const resources = (JSON.parse(exported.stdout) as { deployment?: { resources?: unknown[] } }).deployment?.resources ?? [];
  return resources.length === 0;
}

/** The image names the versioning rule found taken by images already in the lab. */
function takenNames(output: string): string[] {
  return [...new Set([...output.matchAll(/name "([^"]+)" is already used by image /g)].map((m) => m[1] ?? ''))];
}

/**
 * What to do when a new stack meets the example's images made by another stack (another checkout, or a state
 * directory that was deleted): Pulumi cannot import into dynamic providers (pulumi/pulumi#16175), so the way
 * out is the stack that made them or a lab started afresh.
 */
function leftoversHint(stack: string, names: readonly string[]): string {
  return [
    `stack ${stack} is new, and images it declares are already in the lab (${names.join(', ')}, perhaps more): another`,
    `  stack made them (another checkout, or a .pulumi-state/ that was deleted), and the catalog policy does not let`,
    `  a name be published twice.`,
    `  Either run npm start where that stack lives, or start the lab afresh (deletes every image in it):`,
    `    npm run lab -- reset && npm start`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const stackAt = argv.indexOf('--stack');
  const stack = stackAt >= 0 ? argv[stackAt + 1] : 'dev';
  const command = argv.find((a, i) => !a.startsWith('--') && (stackAt < 0 || i !== stackAt + 1)) ?? 'up';
  if (stack === undefined || !['up', 'preview', 'destroy'].includes(command)) {
    process.stderr.write(usage);
    return 2;
  }

  if (!(await locateTool('pulumi')).ok) {
    step('building pulumi (once; cached after)');
    if (runNode('toolchain.ts', ['pulumi']) !== 0) return 1;
  }
  step('lab');
  if (runNode('lab.ts', ['up']) !== 0) return 1;
  const record = readLabRecord();
  if (record === undefined) return 1;

  const target: StackTarget = { cwd: repoRoot, stack, stateDir: defaultStateDir(repoRoot), env: { OS_CLIENT_CONFIG_FILE: record.clouds } };
  step(`stack ${stack} in ${target.stateDir}`);
  await selectStack(target);
  if (await labWasReset(target)) {
    step(
      `the lab was reset since stack ${stack} last ran (its projects are new): the stack's images are gone with it; starting the stack afresh`,
    );
    const removed = await runPulumi(target, ['stack', 'rm', '--yes', '--force'], { echo: false });
    if (removed.code !== 0) throw new Error(`pulumi stack rm ${stack} failed: ${removed.stderr.trim()}`);
    await selectStack(target);
  }
  const pairs = Object.entries(exampleConfig()).flatMap(([k, v]) => ['--plaintext', `${k}=${v}`]);
  const set = await runPulumi(target, ['config', 'set-all', ...pairs], { echo: false });
  if (set.code !== 0) throw new Error(`pulumi config set-all failed: ${set.stderr.trim()}`);

  const program = ((await import(pathToFileURL(join(repoRoot, 'index.ts')).href)) as { default: Program }).default;
  const args = command === 'up' ? ['up', '--yes'] : command === 'destroy' ? ['destroy', '--yes'] : ['preview'];
  step(`pulumi ${args.join(' ')}`);
  const run = await runPulumi(target, args, { program });
  if (run.code !== 0) {
    // A failed preview changed nothing: a stack with no resources now had none before this run.
    const taken = command === 'destroy' ? [] : takenNames(run.stdout + run.stderr);
    if (taken.length > 0 && (await hasNoResources(target))) step(leftoversHint(stack, taken));
    return run.code;
  }
  if (command !== 'up') return 0;

  const outputs = await runPulumi(target, ['stack', 'output', '--json'], { echo: false });
  const catalog = (JSON.parse(outputs.stdout) as { catalog?: { imageId: string }[] }).catalog ?? [];
  process.env['OS_CLIENT_CONFIG_FILE'] = record.clouds;
  const admin = Session.forCloud('admin');
  try {
    const names = Object.fromEntries(Object.entries(record.projects).map(([name, id]) => [id, name]));
    const rows = await catalogRows(
      admin,
      catalog.map((c) => c.imageId),
      names,
    );
    process.stdout.write(`\n${formatTable(rows)}`);
  } finally {
    await admin.close();
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`start: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
