/**
 * The stack's state on the lab's S3 (SeaweedFS), as a team shares it: `npm start -- --backend s3` moves the main
 * job's stack there and back; two ups of one stack at once (two checkouts of one program) are kept apart by the DIY
 * backend's lock on S3; a `pulumi` killed in the middle of an update leaves a lock the next run clears (after
 * saying so) before it converges; SeaweedFS killed during an update fails the run, and the next run (S3 back)
 * converges from the last checkpoint, one image per name.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { labS3BackendUrl, labS3Env, labServicePid, labStackEnv } from '../../scripts/lab-settings.js';
import { killDeployment } from '../../scripts/processes.js';
import { lab, scratchDir, suffix } from '../helpers/lab.js';
import { e2eStack, familyProgram, imageRecords, incompressibleFile, pulumi, upCutDuringUpload, type Outcome } from '../helpers/pulumi.js';
import { lab as labRun, runCommand } from '../helpers/run.js';

const family = `debian-12-s${suffix().slice(0, 6)}`;
const metadata = { os_distro: 'debian', os_version: '12', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'state on S3' };
// 128 MiB: a create takes long enough to be cut in the middle.
const data = incompressibleFile(family, 128);

const start = (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  runCommand(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--stack', 'e2e-catalog', ...args]);

t.test('npm start -- --backend s3 moves the main job to the S3 state bucket and runs it there; npm start moves it back', async (t) => {
  const onFile = await start([]);
  t.equal(onFile.code, 0, 'npm start (file backend)', { output: onFile.stdout + onFile.stderr });
  const onS3 = await start(['--backend', 's3']);
  t.equal(onS3.code, 0, 'npm start -- --backend s3', { output: onS3.stdout + onS3.stderr });
  t.match(
    onS3.stdout,
    /^start: stack e2e-catalog in s3:\/\/image-catalog-state \(the lab's S3, http:\/\/127\.0\.0\.1:\d+\)/m,
    'says where',
  );
  t.match(onS3.stdout, /^start: stack e2e-catalog moved from \.pulumi-state\/ to s3:\/\/image-catalog-state/m, 'moves the stack there');
  t.match(onS3.stdout, /^start: pulumi up: \d+ unchanged$/m, 'and the run on S3 finds every resource as it is (nothing made twice)');
  t.match(onS3.stdout, /NAME\s+VERSION\s+REGION\s+VISIBILITY/, 'the catalog table');
  const back = await start([]);
  t.equal(back.code, 0, 'npm start again on the file backend', { output: back.stdout + back.stderr });
  t.match(back.stdout, /^start: stack e2e-catalog moved from s3:\/\/image-catalog-state .* to \.pulumi-state\//m, 'moves it back');
  t.match(back.stdout, /^start: pulumi up: \d+ unchanged$/m, 'no change');
  const bad = await start(['--backend', 'gcs']);
  t.equal(bad.code, 2, 'an unknown backend is refused');
  t.match(bad.stderr, /--backend takes file or s3, not "gcs"/, 'naming the ones it takes');
});

t.test('two ups of one stack on S3 at once: the lock on S3 keeps the second out, nothing is made twice', async (t) => {
  const name = `${family}-c`;
  const target = await e2eStack(name, { backend: 's3' });
  const program = familyProgram(name, { data, metadata }, { '1.0': {} });
  const [one, two] = await Promise.all([pulumi(target, 'up', program), pulumi(target, 'up', program)]);
  t.equal([one, two].filter((r) => r.ok).length, 1, 'one up applies', { output: `${one.text}\n---\n${two.text}` });
  const refused = [one, two].find((r) => !r.ok);
  t.match(
    refused?.text,
    /the stack is locked by another run \(pulumi pid \d+ of \S+@\S+, since /,
    'the other is refused, naming its holder',
  );
  t.ok((refused?.locks?.length ?? 0) >= 1, 'with the locks it met (RunResult.locks)');
  t.same(
    (await imageRecords(name)).map((i) => [i.name, i.status]),
    [[`${name}-v1.0`, 'active']],
    'one image, made once',
  );
  const again = await pulumi(target, 'up', program);
  t.ok(again.ok, 'a later up runs', { output: again.text });
  t.same(again.changes, { same: 2 }, 'and finds the stack as the first left it (its state on S3 complete)');
});

t.test('pulumi killed during an update on S3: the next run clears its lock on S3, says so, and converges', async (t) => {
  const name = `${family}-k`;
  const target = await e2eStack(name, { backend: 's3' });
  const program = familyProgram(name, { data, metadata }, { '1.0': {}, '1.1': {} });
  const killed = (await upCutDuringUpload(target, program, () => killDeployment(process.pid, false))).outcome;
  t.notOk(killed.ok, 'the killed run fails');
  const notices: string[] = [];
  const again = await pulumi(target, 'up', program, { onNotice: (line) => notices.push(line) });
  t.match(
    notices.join('\n'),
    /is locked by pulumi pid \d+ .* which is no longer running \(an interrupted run\): clearing its lock/,
    'the lock the killed run left on S3 is said and cleared',
  );
  t.ok(again.ok, 'the next run succeeds', { output: again.text });
  t.same(
    (await imageRecords(name)).map((i) => [i.name, i.status]),
    [
      [`${name}-v1.0`, 'active'],
      [`${name}-v1.1`, 'active'],
    ],
    'one active image per name',
  );
});

t.test('SeaweedFS killed during an update: the run fails, and with S3 back the next run converges from the last checkpoint', async (t) => {
  // One image: each state write Pulumi cannot make holds the run ~75 s (its DIY backend tries a snapshot write 11
  // times, then fails the step), so the fewer writes after the kill, the shorter the test.
  const name = `${family}-w`;
  const target = await e2eStack(name, { backend: 's3' });
  const program = familyProgram(name, { data, metadata }, { '1.0': {} });
  let failed: Outcome;
  try {
    failed = (await upCutDuringUpload(target, program, () => process.kill(-labServicePid('s3'), 'SIGKILL'))).outcome;
  } finally {
    const back = await labRun(['up']);
    t.equal(back.code, 0, 'the lab (its S3) is back', { output: back.stderr });
  }
  t.notOk(failed.ok, 'the run fails');
  t.match(failed.text, /failed to save snapshot: .*PutObject/, 'saying the state could not be written to S3', { said: failed.text });
  const notices: string[] = [];
  const again = await pulumi(target, 'up', program, { onNotice: (line) => notices.push(line) });
  t.ok(again.ok, 'the next run succeeds', { output: again.text, notices });
  t.match(
    notices.join('\n'),
    /which is no longer running \(an interrupted run\): clearing its lock/,
    'clearing the lock the failed run could not delete',
  );
  t.same(
    (await imageRecords(name)).map((i) => [i.name, i.status]),
    [[`${name}-v1.0`, 'active']],
    'one active image per name, nothing made twice',
  );
  const after = await pulumi(target, 'up', program);
  t.same(after.changes, { same: 2 }, 'a third run changes nothing');
});

t.test(
  'a state backend that cannot be used is said of the backend: wrong keys, a missing bucket, an endpoint that does not answer',
  async (t) => {
    const record = lab();
    const cwd = scratchDir();
    const cases = [
      {
        what: 'a wrong secret key',
        url: labS3BackendUrl(record),
        env: { ...labS3Env(record), AWS_SECRET_ACCESS_KEY: 'not-the-key' },
        said: /^the state backend s3:\/\/image-catalog-state \(endpoint http:\/\/127\.0\.0\.1:\d+\) refused the credentials \(SignatureDoesNotMatch\): check AWS_ACCESS_KEY_ID/,
      },
      {
        what: 'a bucket that does not exist',
        url: labS3BackendUrl(record, `missing-${suffix().slice(0, 6)}`),
        env: labS3Env(record),
        said: /^the state backend s3:\/\/missing-\w+ .* has no such bucket \(NoSuchBucket\): make the bucket first/,
      },
      {
        what: 'an endpoint that does not answer',
        url: labS3BackendUrl({ ...record, s3: { ...record.s3, endpoint: 'http://127.0.0.1:9' } }),
        env: labS3Env(record),
        said: /^the state backend s3:\/\/image-catalog-state \(endpoint http:\/\/127\.0\.0\.1:9\) does not answer \(dial tcp 127\.0\.0\.1:9: connect: connection refused\)/,
      },
    ];
    for (const c of cases) {
      const err = await openStack({ cwd, stack: 'unusable', backendUrl: c.url, env: { ...labStackEnv(record), ...c.env } }).catch(
        (e: unknown) => e,
      );
      t.type(err, Error, `${c.what}: the stack is not opened`);
      t.match((err as Error).message, c.said, `${c.what}: said of the backend`);
      t.notMatch((err as Error).message, new RegExp(labS3Env(record)['AWS_SECRET_ACCESS_KEY'] ?? '-'), 'without the secret key');
    }
  },
);

t.test('a second checkout in another folder (its absolute file paths) runs the same stack on S3 and finds no change', async (t) => {
  const name = `${family}-p`;
  const target = await e2eStack(name, { backend: 's3' });
  const small = incompressibleFile(`${name}-a`, 4);
  const first = await pulumi(target, 'up', familyProgram(name, { data: small, metadata }, { '1.0': {} }));
  t.ok(first.ok, 'the first checkout applies', { output: first.text });
  // The other checkout: the same file, at its own absolute path.
  const elsewhere = join(scratchDir(), `${name}.raw`);
  copyFileSync(small, elsewhere);
  const second = await pulumi(target, 'up', familyProgram(name, { data: elsewhere, metadata }, { '1.0': {} }));
  t.ok(second.ok, 'the second checkout runs', { output: second.text });
  t.same(second.changes, { same: 2 }, 'and changes nothing: the data is compared, not the path (no replace of a published image)');
});
