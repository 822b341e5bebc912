/**
 * The CDKTF example with its state on the lab's S3 (OpenTofu's s3 backend with use_lockfile), as a team shares it:
 * `npm run start:cdktf -- --backend s3` deploys a copy of the example there (nothing local), a second deploy
 * changes nothing; two checkouts of one catalog (one state key) deploying at once: the lock keeps the second out;
 * the state moves to the local backend and back, each time with no change.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { exampleDir } from '../../scripts/start-cdktf.js';
import { repoRoot } from '../../scripts/tools.js';
import { destroyPastTheGate } from '../helpers/cdktf.js';
import { scratchDir, suffix } from '../helpers/lab.js';
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

t.test('two checkouts of one catalog deploy at once: the lock file on S3 keeps the second out', async (t) => {
  const both = await Promise.all([startCdktf(first, '--backend', 's3'), startCdktf(second, '--backend', 's3')]);
  const locked = both.filter((r) => /Error acquiring the state lock/.test(r.stdout + r.stderr));
  t.equal(locked.length, 1, 'one is refused by the lock', { output: both.map((r) => r.stdout.slice(-1500)).join('\n---\n') });
  t.match(`${locked[0]?.stdout ?? ''}${locked[0]?.stderr ?? ''}`, /PreconditionFailed|Lock Info:/, 'naming the lock it met');
  t.equal(both.filter((r) => r.code === 0).length, 1, 'the other applies');
  const after = await startCdktf(second, '--backend', 's3');
  t.equal(after.code, 0, 'a later deploy from the second checkout', { output: after.stdout.slice(-3000) });
  t.match(after.stdout, noChange, 'finds the catalog as the first checkout left it (one state)');
});

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
