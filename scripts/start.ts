/**
 * `npm start`: the main job. Builds pulumi and weed (the lab's S3 server) when missing (scripts/toolchain.ts),
 * brings the lab up when it is down (scripts/lab.ts), selects the stack `dev` in the local file backend
 * `.pulumi-state/` (or, with `--backend s3`, in the lab S3's state bucket), writes the example's stack config from
 * the lab, runs the example catalog (index.ts) through Pulumi's Automation API (`up`) with the catalog policy
 * enforced, and prints the catalog as the Image Service has it.
 *
 *   npm start                      preview + apply, then the table
 *   npm start -- --stack NAME      another stack of the same backend
 *   npm start -- --backend s3      the stack's state in the lab's S3 (moved there when the other backend holds it)
 *   npm start -- destroy           destroy (where the policy allows it)
 *   npm start -- preview           preview only
 *   npm start -- refresh           read the stack's resources from the Image Service (drift shows as updates)
 *   npm start -- up --refresh      refresh first, so a hand edit is in the plan and put back (preview --refresh too)
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StackNotFoundError, type Stack } from '@pulumi/pulumi/automation/index.js';
import { snapshotImages, type ImageWire } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { formatDecision, type Violation } from '../provider/policy/decision.js';
import { essential } from '../provider/pulumi/cli-failure.js';
import {
  stackLocks,
  formatChanges,
  openStack,
  progressPrinter,
  runStack,
  type Program,
  type RunResult,
  type StackTarget,
} from '../provider/pulumi/automation.js';
import { printCatalog } from './catalog-table.js';
import { exampleConfig } from './example-config.js';
import {
  answers,
  isStateBackend,
  labS3BackendUrl,
  labS3Env,
  labServiceUrls,
  labStackEnv,
  readLabRecord,
  stateBackends,
  type LabRecord,
  type StateBackend,
} from './lab-settings.js';
import { locateTool, repoRoot } from './tools.js';

const usage = `usage: npm start [-- [up|preview|refresh|destroy] [--refresh] [--stack NAME] [--backend file|s3]]

Runs the example catalog (index.ts) through Pulumi's Automation API against the local lab, the catalog policy
enforced before anything is applied. refresh reads the stack's resources from the Image Service (a hand edit shows
as drift); --refresh does that first within up or preview, so the plan puts the hand edit back, decided by the
policy (putting a published image back to what the catalog applied is allowed). Builds pulumi and starts the lab when needed.
State: --backend file (default) keeps it in .pulumi-state/ (Pulumi's local file backend); --backend s3 in the lab
S3's bucket image-catalog-state (Pulumi's DIY backend on S3, with its lock: what a team shares, docs/scale.md).
A stack is in one backend: when the other one holds it, it is moved (exported there, imported here, removed
there) and said. Stack config: Pulumi.<stack>.yaml, written from the lab. PULUMI_CONFIG_PASSPHRASE protects the
stack's secrets (default for the lab: image-catalog-lab).
`;

/** The target of the stack in a backend, and how it is said. */
function backendTarget(
  backend: StateBackend,
  stack: string,
  record: LabRecord,
  pulumiRoot: string,
): { target: StackTarget; where: string } {
  const common = { cwd: repoRoot, stack, pulumiRoot };
  if (backend === 's3')
    return {
      target: { ...common, backendUrl: labS3BackendUrl(record), env: { ...labStackEnv(record), ...labS3Env(record) } },
      where: `s3://${record.s3.bucket} (the lab's S3, ${record.s3.endpoint})`,
    };
  return { target: { ...common, stateDir: join(repoRoot, '.pulumi-state'), env: labStackEnv(record) }, where: '.pulumi-state/' };
}

/** The stack in a backend when it exists there. */
async function existingStack(target: StackTarget, program: Program): Promise<Stack | undefined> {
  try {
    return await openStack(target, program, { existing: true });
  } catch (err) {
    if (err instanceof StackNotFoundError) return undefined;
    throw err;
  }
}

/**
 * Moves the stack into `here` (the stack in the chosen backend, holding no resources) when `from` holds its
 * resources: its state exported there, imported here, the stack removed there with its config kept. One backend
 * holds a stack, never two, or two runs would each think they own the lab's images. Returns whether it moved.
 */
async function moveHere(
  here: Stack,
  to: { target: StackTarget; where: string },
  from: { target: StackTarget; where: string },
  program: Program,
): Promise<boolean> {
  const there = await existingStack(from.target, program);
  if (there === undefined || (await hasNoResources(there))) return false;
  await here.importStack(await there.exportStack());
  try {
    await there.workspace.removeStack(from.target.stack, { force: true, preserveConfig: true });
  } catch (err) {
    // Not moved (a run there holds the stack): the copy here is emptied again, so one backend still holds it.
    await here.workspace.removeStack(to.target.stack, { force: true, preserveConfig: true });
    throw new Error(`stack ${to.target.stack} could not be moved from ${from.where}: ${essential((err as Error).message)}`, { cause: err });
  }
  step(`stack ${to.target.stack} moved from ${from.where} to ${to.where} (its state exported there, imported here, removed there)`);
  return true;
}

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
async function labWasReset(stack: Stack): Promise<boolean> {
  const config = await stack.getAllConfig();
  const known = config['image-catalog:consumerProjectId']?.value;
  return known !== undefined && known !== exampleConfig()['image-catalog:consumerProjectId'];
}

/**
 * Why the stack's state must be kept although its config names another lab's projects: a run holds the stack
 * (its lock's process runs), or images of its state are in this lab. Undefined when neither.
 */
async function keepsItsState(stack: Stack, target: StackTarget, clouds: string): Promise<string | undefined> {
  const held = (await stackLocks(stack, target)).filter((lock) => lock.held);
  if (held.length > 0) return `a run holds it (pulumi pid ${held.map((l) => l.pid).join(', ')})`;
  const state = await stack.exportStack();
  const resources = (state.deployment as { resources?: { type: string; id?: string }[] } | undefined)?.resources ?? [];
  const ids = resources.filter((r) => r.type === 'image-catalog:index:Image' && r.id !== undefined).map((r) => r.id ?? '');
  if (ids.length === 0) return undefined;
  const here = new Set((await labImages(clouds)).map((image) => image.id));
  const found = ids.filter((id) => here.has(id));
  return found.length === 0 ? undefined : `${found.length} of its ${ids.length} images are in this lab`;
}

/** Every image of the lab, as its admin sees them (hidden ones and other projects' too). */
async function labImages(clouds: string): Promise<ImageWire[]> {
  process.env['OS_CLIENT_CONFIG_FILE'] = clouds;
  const admin = Session.forCloud('admin');
  try {
    return await snapshotImages(admin);
  } finally {
    await admin.close();
  }
}

/** After a failure: the lab's services that do not answer now (the likely cause), said with the way back. */
async function sayLabDown(): Promise<void> {
  const silent = (
    await Promise.all(
      labServiceUrls()
        .filter(([name]) => name !== 'source')
        .map(async ([name, url]) => ((await answers(url)) ? [] : [name])),
    )
  ).flat();
  if (silent.length > 0)
    step(
      `the lab's ${silent.join(' and ')} does not answer: bring it back with \`npm run lab -- up\`, then run npm start again ` +
        '(it takes over or removes what a cut-off run left half-made)',
    );
}

/** Whether the stack holds no resource yet (a new stack, or one whose resources were all deleted). */
async function hasNoResources(stack: Stack): Promise<boolean> {
  const state = await stack.exportStack();
  const resources = (state.deployment as { resources?: unknown[] } | undefined)?.resources ?? [];
  return resources.length === 0;
}

/** The blocking violations of a run, each once (a resource is checked in preview and again in up). */
function blocking(run: RunResult): Violation[] {
  return run.violations.filter((v) => v.level === 'mandatory');
}

/**
 * The names the versioning rule refused that images already in the lab carry: the names of the changes it
 * blocked on `name`, found in the live catalog.
 */
async function takenNames(
  run: RunResult,
  violations: readonly Violation[],
  clouds: string,
): Promise<{ readonly name: string; readonly id: string; readonly resource: string }[]> {
  const addresses = new Set(violations.filter((v) => v.rule === 'versioning' && v.field === 'name').map((v) => v.address));
  // Image name -> the resource that declares it (an address is `Image::<resource name>`).
  const refused = new Map(
    run.decisions.flatMap(({ changes }) =>
      changes
        .filter((c) => addresses.has(c.address))
        .flatMap((c) => (c.name === undefined ? [] : [[c.name, c.address.split('::').at(-1) ?? c.address] as const])),
    ),
  );
  if (refused.size === 0) return [];
  return (await labImages(clouds)).flatMap((image) =>
    image.name !== null && refused.has(image.name) ? [{ name: image.name, id: image.id, resource: refused.get(image.name) ?? '' }] : [],
  );
}

/**
 * What to do when a new stack meets the example's images made by another stack (another checkout, or a state
 * directory that was deleted): import them into this stack (the provider plugin reads them), run the stack that
 * made them, or start the lab afresh.
 */
function leftoversHint(stack: string, taken: readonly { readonly name: string; readonly id: string; readonly resource: string }[]): string {
  const listed = [...new Map(taken.map((i) => [i.name, i])).values()];
  return [
    `stack ${stack} is new, and images it declares are already in the lab (${listed.map((i) => i.name).join(', ')}): another`,
    `  stack made them (another checkout, or a .pulumi-state/ that was deleted), and the catalog policy does not let`,
    `  a name be published twice. Ways out:`,
    `  - import them into this stack: the import resource option with the image's id in index.ts, or`,
    ...listed.map((i) => `      pulumi import image-catalog:index:Image ${i.resource} ${i.id}   # ${i.name}`),
    `    (docs/pulumi.md#refresh-drift-and-import; members and acceptances take <imageId>/<memberProjectId>);`,
    `  - run npm start where that stack lives;`,
    `  - or start the lab afresh (deletes every image in it): npm run lab -- reset && npm start`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const stackAt = argv.indexOf('--stack');
  const stackName = stackAt >= 0 ? argv[stackAt + 1] : 'dev';
  const backendAt = argv.indexOf('--backend');
  const backend = backendAt >= 0 ? argv[backendAt + 1] : 'file';
  const values = new Set([stackAt + 1, backendAt + 1].filter((i) => i > 0));
  const command = argv.find((a, i) => !a.startsWith('--') && !values.has(i)) ?? 'up';
  const refresh = argv.includes('--refresh');
  const unknown = argv.filter((a, i) => a.startsWith('--') && !['--refresh', '--stack', '--backend'].includes(a) && !values.has(i));
  if (backend !== undefined && !isStateBackend(backend)) {
    process.stderr.write(`start: --backend takes ${stateBackends.join(' or ')}, not "${backend}"\n\n${usage}`);
    return 2;
  }
  if (
    stackName === undefined ||
    backend === undefined ||
    unknown.length > 0 ||
    (command !== 'up' && command !== 'preview' && command !== 'refresh' && command !== 'destroy') ||
    (refresh && command !== 'up' && command !== 'preview')
  ) {
    process.stderr.write(usage);
    return 2;
  }

  // pulumi runs the stack; weed (SeaweedFS) is the lab's S3 server.
  const missing = [];
  for (const tool of ['pulumi', 'weed']) if (!(await locateTool(tool)).ok) missing.push(tool);
  if (missing.length > 0) {
    step(`building ${missing.join(' and ')} (once; cached after)`);
    if (runNode('toolchain.ts', missing) !== 0) return 1;
  }
  const pulumi = await locateTool('pulumi');
  if (!pulumi.ok) throw new Error(`pulumi: ${pulumi.reason}`);
  step('lab');
  if (runNode('lab.ts', ['up']) !== 0) return 1;
  const record = readLabRecord();
  if (record === undefined) return 1;

  // The pinned CLI: its folder's parent holds bin/pulumi (PulumiCommand's root).
  const pulumiRoot = dirname(dirname(pulumi.path));
  const chosen = backendTarget(backend, stackName, record, pulumiRoot);
  const other = backendTarget(backend === 's3' ? 'file' : 's3', stackName, record, pulumiRoot);
  const target = chosen.target;
  const program = ((await import(pathToFileURL(join(repoRoot, 'index.ts')).href)) as { default: Program }).default;
  step(`stack ${stackName} in ${chosen.where} (pulumi ${pulumi.version}, Node ${process.version})`);
  let stack = await openStack(target, program);
  // A stack with no resources in the chosen backend may have them in the other one (npm start --backend s3 before).
  if (await hasNoResources(stack)) await moveHere(stack, chosen, other, program);
  if (await labWasReset(stack)) {
    // Starting afresh removes the stack's state: only when no run holds it and none of its images is in this lab
    // (a lab really reset), never for a stack pointed at another lab by mistake (IMAGE_CATALOG_LAB_* settings).
    const why = await keepsItsState(stack, target, record.clouds);
    if (why !== undefined) {
      step(`stack ${stackName} was last run against another lab (its consumer project differs), and ${why}: not starting it afresh.`);
      step('check the IMAGE_CATALOG_LAB_* settings of this shell (docs/lab.md); after a real `npm run lab -- reset`, run again');
      return 1;
    }
    step(
      `the lab was reset since stack ${stackName} last ran (its projects are new): the stack's images are gone with it; starting the stack afresh`,
    );
    await stack.workspace.removeStack(stackName, { force: true });
    stack = await openStack(target, program);
  }
  await stack.setAllConfig(Object.fromEntries(Object.entries(exampleConfig()).map(([k, value]) => [k, { value, secret: false }])));

  step(`pulumi ${command}${refresh ? ' --refresh' : ''}`);
  const run = await runStack(stack, command, {
    onEvent: progressPrinter((line) => process.stdout.write(`${line}\n`)),
    onNotice: step,
    ...(refresh ? { refresh: true } : {}),
  });
  if (!run.ok) {
    const violations = blocking(run);
    if (violations.length > 0) process.stdout.write(`\n${formatDecision({ allowed: false, violations })}`);
    if (run.failure !== undefined) process.stderr.write(`${run.failure}\n`);
    if (violations.some((v) => v.rule === 'immutability'))
      step(
        'images this lab published earlier differ from what index.ts declares now (an edit, or an example that changed since, ' +
          'as when it gained the SCS-0102 metadata): a published image stays as it was published. Publish the change as a new ' +
          'version, or start the lab afresh (deletes every image in it): npm run lab -- reset && npm start',
      );
    if (command !== 'destroy' && (await hasNoResources(stack))) {
      // A failed preview changed nothing: a stack with no resources now had none before this run.
      const taken = await takenNames(run, violations, record.clouds);
      if (taken.length > 0) step(leftoversHint(stackName, taken));
    }
    const done = formatChanges(run.changes);
    step(`pulumi ${command} failed${done === 'no change' ? '' : ` (${done} before it stopped)`}`);
    await sayLabDown();
    return 1;
  }
  step(`pulumi ${command}: ${formatChanges(run.changes, command === 'preview')}`);
  if (command !== 'up') return 0;

  const catalog = (run.outputs['catalog']?.value as { imageId: string }[] | undefined) ?? [];
  await printCatalog(
    record,
    catalog.map((c) => c.imageId),
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`start: ${essential((err as Error).message)}\n`);
  await sayLabDown();
  process.exitCode = 1;
}
