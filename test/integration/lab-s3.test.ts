/**
 * The lab's S3 server (SeaweedFS, `weed server -s3`) as a team's state store: `lab env s3` gives its endpoint and
 * keys, `pulumi login` takes the state bucket as a DIY backend, a stack is made, listed and removed there; wrong
 * keys and a bucket that does not exist are refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { labS3BackendUrl } from '../../scripts/lab-settings.js';
import { locateTool } from '../../scripts/tools.js';
import { lab as labRecord, scratchDir, suffix } from '../helpers/lab.js';
import { lab, runCommand } from '../helpers/run.js';

/** The exports `lab env s3` prints, as an environment. */
async function s3Env(): Promise<Record<string, string>> {
  const printed = await lab(['env', 's3']);
  if (printed.code !== 0) throw new Error(`lab env s3: ${printed.stderr}`);
  return Object.fromEntries([...printed.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

t.test(
  "the lab's S3 holds a Pulumi DIY backend: login, a stack made and listed there; wrong keys and a missing bucket refused",
  async (t) => {
    const pulumi = await locateTool('pulumi');
    if (!pulumi.ok) throw new Error(`pulumi: ${pulumi.reason}`);
    const aws = await s3Env();
    t.same(
      Object.keys(aws).sort(),
      ['AWS_ACCESS_KEY_ID', 'AWS_ENDPOINT_URL_S3', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY'],
      'lab env s3 exports',
    );
    const record = labRecord();
    const url = labS3BackendUrl(record);
    const project = scratchDir();
    writeFileSync(join(project, 'Pulumi.yaml'), 'name: s3probe\nruntime: yaml\n');
    const env = (over: Record<string, string> = {}): NodeJS.ProcessEnv => ({
      PATH: process.env['PATH'] ?? '',
      HOME: project,
      PULUMI_HOME: join(project, '.pulumi'),
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      PULUMI_CONFIG_PASSPHRASE: 'lab-s3-test',
      ...aws,
      ...over,
    });
    const run = (args: readonly string[], over?: Record<string, string>) => runCommand(pulumi.path, args, env(over), project);

    const login = await run(['login', url]);
    t.equal(login.code, 0, 'pulumi login to the state bucket', { stderr: login.stderr });
    t.match(login.stdout, 'Logged in to', 'pulumi says where it logged in');
    const stack = `probe${suffix().slice(0, 6)}`;
    const made = await run(['stack', 'init', stack, '--non-interactive']);
    t.equal(made.code, 0, 'a stack is made on the S3 backend', { stderr: made.stderr });
    t.teardown(() => run(['stack', 'rm', stack, '--yes', '--force', '--non-interactive']));
    const listed = await run(['stack', 'ls', '--json']);
    t.equal(listed.code, 0, 'pulumi stack ls', { stderr: listed.stderr });
    t.notMatch(`${made.stderr}${listed.stderr}`, /WARN/, 'without warnings of the AWS SDK');
    t.ok(
      (JSON.parse(listed.stdout) as { name: string }[]).some((s) => s.name.endsWith(stack)),
      'and listed from it',
    );

    const wrongKey = await run(['login', url], { AWS_SECRET_ACCESS_KEY: `${aws['AWS_SECRET_ACCESS_KEY'] ?? ''}x` });
    t.not(wrongKey.code, 0, 'a wrong secret key is refused');
    t.match(`${wrongKey.stdout}${wrongKey.stderr}`, /SignatureDoesNotMatch|AccessDenied|InvalidAccessKeyId|403/, 'saying why', {
      said: wrongKey.stderr,
    });

    const missing = await run(['login', labS3BackendUrl(record, `missing-${suffix().slice(0, 6)}`)]);
    t.not(missing.code, 0, 'a bucket that does not exist is refused');
    t.match(`${missing.stdout}${missing.stderr}`, /NoSuchBucket|does not exist|not found|404/i, 'saying why', { said: missing.stderr });
  },
);
