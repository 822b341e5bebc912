/**
 * A deployment killed in the middle of its creates (SIGKILL of `pulumi`, and of the provider) against the real
 * lab: the provider leaves when its engine is gone (no orphan uploading into a closed pipe), the stack's stale
 * lock and pending operations are cleared by the next run (after saying so), and that run converges with one
 * image per name, none left half-made, with no hand edit of the state. Two ups of one stack at once, and Keystone
 * down when a run starts: refused before anything changes.
 */
import { join } from 'node:path';
import { stackOfMark } from '../../provider/resources/mark.js';
import t from 'tap';
import { openStack, resolvePending } from '../../provider/pulumi/automation.js';
import { labServicePid } from '../../scripts/lab-settings.js';
import { killDeployment, processRuns } from '../../scripts/processes.js';
import { repoRoot } from '../../scripts/tools.js';
import { suffix } from '../helpers/lab.js';
import { lab as labRun } from '../helpers/run.js';
import { e2eStack, familyProgram, imageRecords, incompressibleFile, pulumi, upCutDuringUpload, type Outcome } from '../helpers/pulumi.js';

const family = `ubuntu-24.04-k${suffix().slice(0, 6)}`;
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'kill test' };
const versions = ['1.0', '1.1', '1.2'] as const;

// 192 MiB: each create takes long enough to be killed in the middle.
const program = familyProgram(
  family,
  { data: incompressibleFile(family, 192), metadata },
  Object.fromEntries(versions.map((v) => [v, {}])),
);

async function waitGone(pids: readonly number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (pids.some(processRuns) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return pids.filter(processRuns);
}

/** The family's images as admin sees them: name, status, creation mark. */
const images = (): ReturnType<typeof imageRecords> => imageRecords(family);

t.test('pulumi killed during its creates: the provider leaves, and the next run clears the lock and converges', async (t) => {
  const target = await e2eStack(family);
  const { outcome, cut: providers } = await upCutDuringUpload(target, program, () => killDeployment(process.pid, false));
  t.notOk(outcome.ok, 'the killed run fails');
  t.ok(providers.length > 0, `the provider was running (pids ${providers.join(', ')})`);
  t.same(await waitGone(providers, 20_000), [], 'the provider exits once its engine is gone (after stopping its uploads)');
  t.same(
    (await images()).filter((i) => i.status !== 'active'),
    [],
    'the creates it stopped removed their records',
  );

  const notices: string[] = [];
  const again = await pulumi(target, 'up', program, { onNotice: (line) => notices.push(line) });
  t.match(
    notices.join('\n'),
    /is locked by pulumi pid \d+ .* which is no longer running .*clearing its lock/,
    'the stale lock is said and cleared',
  );
  t.ok(again.ok, 'the next run succeeds', { output: again.text });
  t.match(notices.join('\n'), /an interrupted run left \d+ operation\(s\) pending in the state \(creating v1\./);
  t.same(
    (await images()).map((i) => [i.name, i.status]),
    versions.map((v) => [`${family}-v${v}`, 'active']),
    'one active image per name',
  );
  t.same(await resolvePending(await openStack(target, program)), [], 'nothing is pending any more');
});

t.test('pulumi and its provider killed during the creates: the next run removes the half-made records and converges', async (t) => {
  const target = await e2eStack(`${family}-b`);
  const name = (v: string): string => `${family}-b-v${v}`;
  const programB = familyProgram(
    `${family}-b`,
    { data: join(repoRoot, 'test-results', 'e2e', `${family}.raw`), metadata },
    {
      '1.0': {},
      '1.1': {},
    },
  );
  const { outcome, cut: providers } = await upCutDuringUpload(target, programB, () => killDeployment(process.pid, true));
  t.notOk(outcome.ok, 'the killed run fails');
  t.ok(providers.length > 0, 'a provider was killed');
  const left = await imageRecords(`${family}-b`);
  t.ok(left.length > 0, `half-made records are left (${left.map((i) => i.status).join(', ')})`);
  t.ok(
    left.every((i) => stackOfMark(i.mark) !== undefined) && new Set(left.map((i) => stackOfMark(i.mark))).size === 1,
    'each carries the creation mark of the resource that made it, all of one stack instance',
  );

  const notices: string[] = [];
  const again = await pulumi(target, 'up', programB, { onNotice: (line) => notices.push(line) });
  t.ok(again.ok, 'the next run succeeds: no versioning refusal of the names the half-made records hold', { output: again.text });
  t.same(
    (await imageRecords(`${family}-b`)).map((i) => [i.name, i.status]),
    [
      [name('1.0'), 'active'],
      [name('1.1'), 'active'],
    ],
    'one active image per name, nothing half-made',
  );
});

t.test('two ups of the same stack at once: Pulumi locks the second out before it changes anything', async (t) => {
  const target = await e2eStack(`${family}-c`);
  const programC = familyProgram(`${family}-c`, { data: join(repoRoot, 'test-results', 'e2e', `${family}.raw`), metadata }, { '1.0': {} });
  const [one, two] = await Promise.all([pulumi(target, 'up', programC), pulumi(target, 'up', programC)]);
  t.equal([one, two].filter((r) => r.ok).length, 1, 'one up applies');
  const refused = [one, two].find((r) => !r.ok);
  t.match(refused?.text, /the stack is locked by another run \(pulumi pid \d+/, 'the other is refused by the lock, naming its holder');
  t.notMatch(refused?.text, /delete the lock file with `pulumi cancel`/, 'without advice that would break the run');
  t.same(
    (await images()).filter((i) => i.name.startsWith(`${family}-c-`)).map((i) => [i.name, i.status]),
    [[`${family}-c-v1.0`, 'active']],
    'one image, made once',
  );
});

t.test('Keystone down at the start of a run: a clear error naming the cloud, nothing changed', async (t) => {
  const target = await e2eStack(`${family}-d`);
  const programD = familyProgram(`${family}-d`, { data: join(repoRoot, 'test-results', 'e2e', `${family}.raw`), metadata }, { '1.0': {} });
  process.kill(-labServicePid('keystone'), 'SIGKILL');
  let outcome: Outcome;
  try {
    outcome = await pulumi(target, 'up', programD);
  } finally {
    const back = await labRun(['up']);
    t.equal(back.code, 0, 'the lab is back', { output: back.stderr });
  }
  t.notOk(outcome.ok, 'the run fails');
  t.match(
    outcome.text,
    /cloud "platform" in .*clouds\.yaml: Keystone did not answer: POST http:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens: no answer/,
  );
  t.same(
    (await images()).filter((i) => i.name.startsWith(`${family}-d-`)),
    [],
    'nothing was made',
  );
});
