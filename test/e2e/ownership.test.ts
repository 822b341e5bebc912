/**
 * One owner per image and per store (issue 23): two checkouts of the example with the same project and stack
 * names, each with its own state (`.pulumi-state/` of its folder), against the test lab. The second stops at the
 * check naming every image and store the first made, and takes nothing over. Then a stack whose records carry the
 * marks of a release before 0.3 (the resource's URN; no `catalogMark` in the state) is updated in place by the
 * next `npm start`, its marks rewritten, nothing re-created.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { creationMark } from '../../provider/resources/image/image.js';
import { isLegacyMark, stackOfMark } from '../../provider/resources/mark.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, scratchDir } from '../helpers/lab.js';
import { imageRecords } from '../helpers/pulumi.js';
import { runCommand, type Ran } from '../helpers/run.js';

// The stack test/e2e/catalog.test.ts applies (its images stay in the test lab): this test's first checkout.
const stackName = 'e2e-catalog';
const example = ['ubuntu-24.04-base-v1.0', 'ubuntu-24.04-base-v1.1', 'debian-12-tools-v1.0', 'cirros-0.6-tiny-v1.0'];

const start = (cwd: string, ...args: string[]): Promise<Ran> =>
  runCommand(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--stack', stackName, ...args], process.env, cwd);

/** A second checkout: the tracked files as they are in this working tree, the same node_modules, its own state. */
function secondCheckout(): string {
  const dir = join(scratchDir(), 'checkout');
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .stdout.split('\0')
    .filter((f) => f !== '');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(repoRoot, file), join(dir, file));
    } catch {
      // A file deleted in the working tree and not yet committed.
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const marks = async (): Promise<Map<string, unknown>> =>
  new Map((await imageRecords('')).filter((i) => example.includes(i.name)).map((i) => [i.name, i.mark]));

t.test('two checkouts, one stack name, two states: the second stops at the check naming every taken image and store', async (t) => {
  const first = await start(repoRoot);
  t.equal(first.code, 0, 'the first checkout applies the example', { output: first.stdout + first.stderr });
  const owned = await marks();
  t.equal(owned.size, example.length, 'its four images are in the lab');
  const stacks = new Set([...owned.values()].map(stackOfMark));
  t.equal(stacks.size, 1, 'each marked by one stack instance');
  t.notOk(stacks.has(undefined), 'with an opaque mark');
  for (const mark of owned.values()) t.notMatch(String(mark), /e2e-catalog|image-catalog|urn:/, 'that names no stack or project');

  const other = secondCheckout();
  const before = (await imageRecords('')).map((i) => `${i.name} ${i.status} ${String(i.mark)}`).sort();
  const second = await start(other);
  const text = second.stdout + second.stderr;
  t.not(second.code, 0, 'the second checkout fails', { output: text });
  for (const name of example)
    t.match(text, new RegExp(`"${name.replaceAll('.', '\\.')}" is already used by image [0-9a-f-]{36}`), `it names ${name}`);
  t.match(text, /store golden is already managed by a StorageBackend of another stack instance or resource/, 'and the store');
  t.match(text, /import it on purpose/, 'with the ways out');
  t.match(
    text,
    /Image::[\w.-]+: name: "[\w.-]+" is held by image [0-9a-f-]{36}, made by another stack instance .*nothing is taken over: import [0-9a-f-]{36} on purpose/,
    'each taken name with its image, its maker and the ways out (the runner, not only npm start)',
  );
  t.notMatch(text, /taking over/, 'nothing is taken over');
  t.same((await imageRecords('')).map((i) => `${i.name} ${i.status} ${String(i.mark)}`).sort(), before, 'nothing changed in the lab');
  for (const name of example) t.equal((await imageRecords('')).filter((i) => i.name === name).length, 1, `one image named ${name}`);
});

t.test('a stack marked by a release before 0.3 is migrated in place by the next npm start', async (t) => {
  const made = await start(repoRoot);
  t.equal(made.code, 0, 'the stack is applied', { output: made.stdout + made.stderr });
  // Make it what 0.2 left: each record marked with its URN, no catalogMark and no instance key in the state.
  const stack = await openStack({ cwd: repoRoot, stack: stackName, stateDir: join(repoRoot, '.pulumi-state'), env: labStackEnv(lab()) });
  const exported = await stack.exportStack();
  const deployment = exported.deployment as {
    resources: { urn: string; type: string; id?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[];
  };
  const ids = new Map<string, string>();
  for (const resource of deployment.resources) {
    if (resource.type === 'pulumi:providers:image-catalog') delete resource.inputs?.['catalogInstance'];
    if (resource.outputs !== undefined && 'catalogMark' in resource.outputs) {
      delete resource.outputs['catalogMark'];
      if (resource.type === 'image-catalog:index:Image' && resource.id !== undefined) ids.set(resource.id, resource.urn);
    }
  }
  await stack.importStack(exported);
  for (const [id, urn] of ids) {
    const patched = await glance(
      'admin',
      'PATCH',
      `/v2/images/${id}`,
      [{ op: 'replace', path: `/${creationMark}`, value: urn }],
      'application/openstack-images-v2.1-json-patch',
    );
    t.equal(patched.status, 200, `${id} marked with its URN`);
  }
  t.ok([...(await marks()).values()].every(isLegacyMark), 'the records carry legacy marks');

  const migrated = await start(repoRoot);
  t.equal(migrated.code, 0, 'the next npm start succeeds', { output: migrated.stdout + migrated.stderr });
  t.match(migrated.stdout, /pulumi up: .*\d+ updated/, 'as updates');
  t.notMatch(migrated.stdout, /created|replaced|deleted/, 'nothing created, replaced or deleted');
  const now = await marks();
  t.ok(
    [...now.values()].every((m) => !isLegacyMark(m) && stackOfMark(m) !== undefined),
    'every record carries its stack instance mark now',
  );
  const again = await start(repoRoot);
  t.match(again.stdout, /pulumi up: \d+ unchanged/, 'and the run after it changes nothing');
});
