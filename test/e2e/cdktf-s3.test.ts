/**
 * The CDKTF example with its state on the lab's S3 (OpenTofu's s3 backend with use_lockfile), as a team shares it:
 * `npm run start:cdktf -- --backend s3` deploys a copy of the example there (nothing local), a second deploy
 * changes nothing; a second checkout of the catalog (one state key) is kept out while another tofu holds the lock;
 * the state moves to the local backend and back, each time with no change.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { labS3Ports, labSettings } from '../../scripts/lab-settings.js';
import { cdktfEnv, exampleDir, s3StateEnv } from '../../scripts/start-cdktf.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { destroyPastTheGate } from '../helpers/cdktf.js';
import { lab, scratchDir, suffix } from '../helpers/lab.js';
import { runCommand, type Ran } from '../helpers/run.js';

const tag = `s${suffix().slice(0, 6)}`;
/** Two checkouts of one catalog: copies of the example with one state key. */
const dirs = [scratchDir(), scratchDir()];
for (const dir of dirs)
  for (const file of ['main.ts', 'cdktf.json', 'package.json', 'tsconfig.json']) copyFileSync(join(exampleDir, file), join(dir, file));
const env = {
  ...process.env,
  CATALOG_PROFILE_SUFFIX: tag,
  CATALOG_DATA_DIR: join(repoRoot, '.image-data'),
  CATALOG_STATE_S3_KEY: `cdktf-s3-test/${tag}/catalog.tfstate`,
};
const [first, second] = dirs as [string, string];

const startCdktf = (dir: string, ...args: string[]): Promise<Ran> =>
  runCommand(process.execPath, ['--import', 'tsx', 'scripts/start-cdktf.ts', '--dir', dir, ...args], env);

/** Resolves once the state bucket holds `key` (read from SeaweedFS's filer); fails after a minute. */
async function waitForLock(key: string): Promise<void> {
  const url = `http://127.0.0.1:${String(labS3Ports(labSettings().s3Port).filer)}/buckets/${lab().s3.bucket}/${key}`;
  for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200)))
    if ((await fetch(url, { method: 'HEAD' })).ok) return;
  throw new Error(`no lock file ${key} in the state bucket after a minute`);
}

const noChange = /No changes\.[\s\S]*Apply complete! Resources: 0 added, 0 changed, 0 destroyed/;

// The test's images are removed past the gate (published images cannot be destroyed through it), from the local state.
t.teardown(async () => {
  await startCdktf(first, 'diff');
  await destroyPastTheGate(first, env);
});

t.test('start:cdktf --backend s3: the state in the bucket, a second deploy changes nothing', async (t) => {
  const made = await startCdktf(first, '--backend', 's3');
  t.equal(made.code, 0, 'the deploy succeeds', { output: made.stdout.slice(-4000) + made.stderr.slice(-2000) });
  t.match(
    made.stdout,
    new RegExp(`state in s3://image-catalog-state/cdktf-s3-test/${tag}/catalog\\.tfstate on the lab's S3`),
    'says where',
  );
  t.match(made.stdout, /Apply complete! Resources: \d+ added/, 'tofu applied');
  t.notOk(existsSync(join(first, 'terraform.catalog.tfstate')), 'no local state was written');
  const again = await startCdktf(first, '--backend', 's3');
  t.equal(again.code, 0, 'a second deploy succeeds', { output: again.stdout.slice(-4000) });
  t.match(again.stdout, noChange, 'and changes nothing: its state came back from S3');
});

t.test(
  'a deploy while another tofu of the same state holds its lock (S3 lock file): refused naming the holder; released, the second checkout deploys',
  async (t) => {
    // A real holder that stays: `tofu console` in the first checkout keeps the state lock as long as it runs (two
    // deploys started together overlap only when the machine's timing lets them, which made the test a race).
    const tofu = await locateTool('tofu');
    if (!tofu.ok) throw new Error(tofu.reason);
    const holder = spawn(tofu.path, ['console', '-no-color'], {
      cwd: join(first, 'cdktf.out', 'stacks', 'catalog'),
      env: await toolEnv(cdktfEnv(lab().clouds, { ...env, ...s3StateEnv(lab(), first) })),
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const ended = new Promise<void>((done) => holder.on('close', () => done()));
    try {
      await waitForLock(`cdktf-s3-test/${tag}/catalog.tfstate.tflock`);
      const refused = await startCdktf(second, '--backend', 's3');
      t.not(refused.code, 0, "the second checkout's deploy fails");
      const said = refused.stdout + refused.stderr;
      t.match(said, /Error acquiring the state lock/, 'refused by the lock', { output: said.slice(-3000) });
      t.match(said, /Lock Info:[\s\S]*Path:\s+image-catalog-state\/cdktf-s3-test\//, 'naming the lock it met');
    } finally {
      holder.stdin.end();
      await ended;
    }
    const after = await startCdktf(second, '--backend', 's3');
    t.equal(after.code, 0, 'the lock released, a deploy from the second checkout', { output: after.stdout.slice(-3000) });
    t.match(after.stdout, noChange, 'finds the catalog as the first checkout left it (one state)');
  },
);

t.test('the state moves to the local backend and back, with no change either way', async (t) => {
  const local = await startCdktf(first);
  t.equal(local.code, 0, 'start:cdktf (file backend)', { output: local.stdout.slice(-3000) });
  t.match(
    local.stdout,
    /the example's state moved from s3:\/\/image-catalog-state\/.* to .*terraform\.catalog\.tfstate \(pulled; the S3 copy emptied\)/,
    'moved',
  );
  t.match(local.stdout, noChange, 'no change');
  const back = await startCdktf(first, '--backend', 's3');
  t.equal(back.code, 0, 'start:cdktf --backend s3 again', { output: back.stdout.slice(-3000) });
  t.match(
    back.stdout,
    /the example's state moved from .*terraform\.catalog\.tfstate to s3:\/\/image-catalog-state\/.*\(tofu state push; the local file kept as/,
    'moved back',
  );
  t.match(back.stdout, noChange, 'no change');
  const last = await startCdktf(first);
  t.match(last.stdout, /the example's state moved from s3:/, 'and to the local backend for the cleanup');
});
