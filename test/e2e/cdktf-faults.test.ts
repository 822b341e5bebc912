/**
 * The CDKTF layer under faults (issue 23), on a copy of examples/cdktf with a profile suffix and a state of its own:
 * the whole deploy (cdktn, the gate, tofu and terraform-provider-openstack) SIGKILLed while three 64 MiB images
 * upload; the next `npm run start:cdktf` removes what the killed apply left half made (each record carries the
 * stack's creation mark), says so, and converges with no hand step: one active image per name. Then a state a
 * membership the state lost is adopted (not added again: Glance answers 409). Then a state a
 * killed deploy left empty is reported with the way back (tofu's backup), never a JavaScript stack trace.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import t from 'tap';
import { cdktfEnv, exampleDir } from '../../scripts/start-cdktf.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { creationMark } from '../../provider/resources/image/image.js';
import { stackOfMark } from '../../provider/resources/mark.js';
import { glance, lab, scratchDir, suffix } from '../helpers/lab.js';
import { destroyPastTheGate } from '../helpers/cdktf.js';
import { runCommand, type Ran } from '../helpers/run.js';

const tag = `f${suffix().slice(0, 6)}`;
const dir = scratchDir();
for (const file of ['main.ts', 'cdktf.json', 'package.json', 'tsconfig.json']) copyFileSync(join(exampleDir, file), join(dir, file));
const original = readFileSync(join(dir, 'main.ts'), 'utf8');
const env = { ...process.env, CATALOG_PROFILE_SUFFIX: tag, CATALOG_DATA_DIR: join(repoRoot, '.image-data') };
const args = ['--import', 'tsx', 'scripts/start-cdktf.ts', '--dir', dir];
const startCdktf = (...extra: string[]): Promise<Ran> => runCommand(process.execPath, [...args, ...extra], env);
const stateFile = join(dir, 'terraform.catalog.tfstate');

// Three images of 64 MiB of random data each (raw: what is uploaded is the whole file), in the Catalog stack.
const data = scratchDir();
const files = [0, 1, 2].map((i) => {
  const file = join(data, `kill-${i}.raw`);
  writeFileSync(file, randomBytes(64 * 1024 * 1024));
  return file;
});
const names = [0, 1, 2].map((i) => `almalinux-9-kill-${tag}-v1.${i}`);
const at = original.indexOf('    const images = [');
writeFileSync(
  join(dir, 'main.ts'),
  original.slice(0, at) +
    files
      .map(
        (file, i) =>
          `    new CatalogImage(this, 'kill-${i}', { os: 'almalinux', osVersion: '9', profile: profile('kill'), version: '1.${i}', diskFormat: 'raw', ` +
          `source: { file: '${file}' }, properties: { ...common, description: 'x' }, dependsOn: afterStores });\n`,
      )
      .join('') +
    original.slice(at),
);

/** The records of the three images, as admin sees them. */
async function records(): Promise<{ id: string; name: string; status: string; mark: unknown }[]> {
  const found = [];
  for (const hidden of ['false', 'true']) {
    const res = await glance('admin', 'GET', `/v2/images?limit=1000&os_hidden=${hidden}&visibility=all`);
    for (const image of (res.body as { images: Record<string, unknown>[] }).images)
      if (names.includes(String(image['name'])))
        found.push({ id: String(image['id']), name: String(image['name']), status: String(image['status']), mark: image[creationMark] });
  }
  return found;
}

t.teardown(() => destroyPastTheGate(dir, env));

t.test('the deploy killed while three 64 MiB images upload: the next one removes what it left, says so, and converges', async (t) => {
  // Killed before tofu writes its state (it persists it every 20 s by default; a loaded machine kills sooner): the
  // records the killed apply finished are then in no state, and the next run must still converge.
  const killedEnv = { ...env, TF_STATE_PERSIST_INTERVAL: '3600' };
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: killedEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let seen: Awaited<ReturnType<typeof records>> = [];
  const deadline = Date.now() + 600_000;
  // Killed as soon as one of the three records exists without its data.
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL');
  });
  while (Date.now() < deadline && child.exitCode === null) {
    // The example's stores restart glance-api before the images are made: it does not answer for a moment.
    seen = await records().catch(() => []);
    if (seen.some((r) => r.status === 'queued' || r.status === 'saving')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.ok(
    seen.some((r) => r.status === 'queued' || r.status === 'saving'),
    `killed while a record was half made (${seen.map((r) => r.status).join(', ')})`,
    { output: output.slice(-3000) },
  );
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  await exited;
  const left = await records();
  t.ok(
    left.some((r) => r.status !== 'active'),
    `half-made records are left (${left.map((r) => r.status).join(', ')})`,
  );
  t.equal(new Set(left.map((r) => stackOfMark(r.mark))).size, 1, "each carries the stack's creation mark");
  t.notOk(
    left.some((r) => stackOfMark(r.mark) === undefined),
    'an opaque one',
  );

  const next = await startCdktf();
  const text = next.stdout + next.stderr;
  // The error lines first: a failed deploy's tail is mostly tofu's plan.
  const errors = text.split('\n').filter((line) => /error|refused|blocked|failed/i.test(line));
  t.equal(next.code, 0, 'the next deploy succeeds with no hand step', { errors: errors.slice(0, 40), output: text.slice(-6000) });
  t.match(
    text,
    /image-catalog gate: removed [0-9a-f-]{36} \(almalinux-9-kill-\w+-v1\.\d, (queued|saving)\): an interrupted or failed apply/,
    'it says what it removed',
  );
  t.notMatch(text, /SyntaxError|at stateResources|UnhandledPromiseRejection/, 'no JavaScript error');
  const after = await records();
  t.same(after.map((r) => r.name).sort(), [...names].sort(), 'one image per name');
  t.ok(
    after.every((r) => r.status === 'active'),
    'all active',
  );
});

t.test('a membership an interrupted apply added but never wrote to the state: adopted, not added again', async (t) => {
  const tofu = await locateTool('tofu');
  if (!tofu.ok) {
    t.fail(tofu.reason);
    return;
  }
  const stack = join(dir, 'cdktf.out', 'stacks', 'catalog');
  const stackEnv = await toolEnv(cdktfEnv(lab().clouds, env));
  const listed = await runCommand(tofu.path, ['state', 'list'], stackEnv, stack);
  const member = listed.stdout.split('\n').find((line) => line.startsWith('openstack_images_image_access_v2.'));
  if (member === undefined) {
    t.fail('the example shares no image', { output: listed.stdout });
    return;
  }
  // What a deploy killed before tofu persisted its state leaves: the member in Glance, not in the state.
  const removed = await runCommand(tofu.path, ['state', 'rm', member], stackEnv, stack);
  t.equal(removed.code, 0, `${member} taken out of the state`, { output: removed.stderr });
  const next = await startCdktf();
  const text = next.stdout + next.stderr;
  t.equal(next.code, 0, 'the next deploy succeeds with no hand step', { output: text.slice(-4000) });
  t.match(
    text,
    /image-catalog gate: adopted the membership of [0-9a-f]{32} in [0-9a-f-]{36} \((accepted|pending)\) as \S+: an interrupted apply/,
  );
  // A whole word: an image id printed in the output may hold the digits 409 (92ff7bc7-ed5e-4090-...).
  t.notMatch(text, /duplicated|\b409\b/, 'no second create of the member');
  const again = await runCommand(tofu.path, ['state', 'list'], stackEnv, stack);
  t.ok(again.stdout.split('\n').includes(member), `${member} is in the state again`);
});

t.test('a state a killed deploy left empty: the way back is said, nothing runs, no stack trace', async (t) => {
  const saved = readFileSync(stateFile);
  writeFileSync(`${stateFile}.backup`, saved);
  truncateSync(stateFile, 0);
  t.teardown(() => writeFileSync(stateFile, saved));
  const ran = await startCdktf();
  const text = ran.stdout + ran.stderr;
  t.equal(ran.code, 1, 'start:cdktf stops', { output: text });
  t.match(text, /the state .*terraform\.catalog\.tfstate is empty \(0 bytes\): most likely a deploy was killed while tofu wrote it/);
  t.match(text, /put it back \(cp .*terraform\.catalog\.tfstate\.backup .*terraform\.catalog\.tfstate\)/, 'with the way back');
  t.notMatch(text, /SyntaxError|at stateResources|node:internal/, 'no JavaScript error');
  // Cut off (tofu would stop in the init cdktn runs first): said by the gate at that init.
  writeFileSync(stateFile, readFileSync(`${stateFile}.backup`).subarray(0, 1000));
  const cut = await startCdktf();
  const cutText = cut.stdout + cut.stderr;
  t.not(cut.code, 0, 'a cut-off state stops the deploy too', { output: cutText.slice(-3000) });
  t.match(cutText, /is not a Terraform state \(cut off, or not JSON\).*put it back \(cp /s, 'with the way back');
  t.notMatch(cutText, /SyntaxError|node:internal/, 'no JavaScript error');
  writeFileSync(stateFile, readFileSync(`${stateFile}.backup`));
  const back = await startCdktf();
  t.equal(back.code, 0, 'put back, the deploy runs again', { output: (back.stdout + back.stderr).slice(-3000) });
  t.match(back.stdout, /No changes\./, 'and finds nothing to change');
});
