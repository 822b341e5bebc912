/**
 * Where `image-catalog pr-check` reports: the GitHub Actions environment and its event payload, the flags over
 * them, a fork's pull request seen as such, what is missing named with the flag or variable that gives it; the
 * channels --report names; the lines an HCL configuration declares its resources on; paths made relative to the
 * checkout, and none outside it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { backendProblem, essential, lockHolders } from '../../provider/pulumi/cli-failure.js';
import { gitHubToken, pullRequestContext, readEvent } from '../../provider/github/context.js';
import { hclDeclarations, hclLine, locate, programOf, reportChannels } from '../../provider/cli/pr-check.js';

const head = 'b'.repeat(40);
const merge = 'c'.repeat(40);

function event(body: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'image-catalog-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
}

t.test('a pull_request event: head for the check run, merge commit and ref for code scanning', (t) => {
  const env = {
    GITHUB_REPOSITORY: 'platform/catalog',
    GITHUB_SHA: merge,
    GITHUB_REF: 'refs/pull/42/merge',
    GITHUB_EVENT_PATH: event({
      pull_request: {
        number: 42,
        head: { sha: head, repo: { full_name: 'platform/catalog' } },
        base: { repo: { full_name: 'platform/catalog' } },
      },
    }),
  };
  t.same(pullRequestContext({}, env), {
    ok: true,
    context: {
      owner: 'platform',
      repo: 'catalog',
      headSha: head,
      commitSha: merge,
      ref: 'refs/pull/42/merge',
      pullRequest: 42,
      fromFork: false,
    },
  });
  t.end();
});

t.test('a fork’s pull request is known from its event; flags win over the environment', (t) => {
  const env = {
    GITHUB_REPOSITORY: 'platform/catalog',
    GITHUB_SHA: merge,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_EVENT_PATH: event({
      pull_request: {
        number: 7,
        head: { sha: head, repo: { full_name: 'someone/catalog' } },
        base: { repo: { full_name: 'platform/catalog' } },
      },
    }),
  };
  t.match(pullRequestContext({}, env), { ok: true, context: { fromFork: true, pullRequest: 7 } });
  t.match(pullRequestContext({ repo: 'other/repo', pr: '9', sha: 'd'.repeat(40) }, env), {
    ok: true,
    context: { owner: 'other', repo: 'repo', pullRequest: 9, headSha: 'd'.repeat(40), commitSha: 'd'.repeat(40) },
  });
  t.end();
});

t.test('what is missing is named with the flag or the variable that gives it', (t) => {
  const found = pullRequestContext({ pr: 'x' }, {});
  t.notOk(found.ok);
  t.match(found, { missing: [/--repo or GITHUB_REPOSITORY/, /--sha or GITHUB_SHA/, /--ref or GITHUB_REF/, /--pr: "x" is not one/] });
  t.match(pullRequestContext({ repo: 'a/b/c', sha: merge, ref: 'refs/heads/main' }, {}), { ok: false, missing: [/not "a\/b\/c"/] });
  t.equal(gitHubToken({}), undefined, 'no token');
  t.equal(gitHubToken({ GH_TOKEN: 'x' }), 'x', 'GH_TOKEN as the gh CLI names it');
  t.end();
});

t.test('--report: channels, none, the default inside and outside GitHub Actions, an unknown one refused', (t) => {
  t.same(reportChannels(undefined, { GITHUB_ACTIONS: 'true' }), ['check-run', 'comment']);
  t.same(reportChannels(undefined, {}), []);
  t.same(reportChannels('none'), []);
  t.same(reportChannels('sarif,check-run,sarif'), ['sarif', 'check-run']);
  t.throws(() => reportChannels('check-run,status'), /status: not a channel \(check-run, comment, sarif, or none\)/);
  t.throws(() => reportChannels('none,sarif'), /none posts nothing, so it stands alone/);
  t.end();
});

t.test('HCL: each resource block’s file and line; paths relative to the checkout, none outside it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-hcl-'));
  writeFileSync(join(dir, 'main.tf'), 'provider "openstack" {}\n\nresource "openstack_images_image_v2" "ubuntu" {\n  name = "x"\n}\n');
  writeFileSync(join(dir, 'shares.tf'), '  resource  "openstack_images_image_access_v2"   "appteam" {\n}\n');
  const found = hclDeclarations(dir);
  t.same(found.get('openstack_images_image_v2.ubuntu'), { file: join(dir, 'main.tf'), line: 3, column: 1 });
  t.same(found.get('openstack_images_image_access_v2.appteam')?.line, 1);
  t.same(locate(dir, found.get('openstack_images_image_v2.ubuntu')), { path: 'main.tf', line: 3 });
  t.equal(locate(join(dir, 'sub'), found.get('openstack_images_image_v2.ubuntu')), undefined, 'outside the checkout: no location');
  writeFileSync(join(dir, 'modules.tf'), 'module "alma" {\n  source = "./modules/img"\n}\n');
  const withModules = hclDeclarations(dir);
  const strip = (a: string): string => a.replace(/\[[^\]]*\]$/, '');
  t.same(hclLine(withModules, 'module.alma.openstack_images_image_v2.this', strip)?.line, 1, 'a module resource: the module call');
  t.same(hclLine(withModules, 'module.alma.module.inner.openstack_images_image_v2.this[0]', strip)?.file, join(dir, 'modules.tf'));
  t.equal(
    hclLine(withModules, 'module.gone.openstack_images_image_v2.this', strip),
    undefined,
    'no such module: no line (never another one)',
  );
  t.same(hclLine(withModules, 'openstack_images_image_v2.ubuntu', strip)?.line, 3);
  t.end();
});

t.test('a pulumi CLI failure is reduced to its error lines, once each', (t) => {
  const failure = [
    'code: 255',
    ' stdout: ',
    ' stderr: Command failed with exit code 255: pulumi preview --client=127.0.0.1:1 --event-log tcp://x',
    'error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE',
    'error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE',
    '',
    ' err?: Error: Command failed',
  ].join('\n');
  t.equal(essential(failure), 'pulumi: error: passphrase must be set with PULUMI_CONFIG_PASSPHRASE');
  t.equal(essential('pulumi preview failed:\nsomething'), 'pulumi preview failed:\nsomething', 'other messages as they are');
  const locked = [
    'code: 255',
    ' stdout: ',
    ' stderr: Command failed with exit code 255: pulumi up --yes',
    'error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.',
    '  /state/.pulumi/locks/organization/p/dev/x.json: created by root@box (pid 4242) at 2026-12-06T20:00:00Z',
  ].join('\n');
  t.equal(
    essential(locked),
    'pulumi: the stack is locked by another run (pulumi pid 4242 of root@box, since 2026-12-06T20:00:00Z): wait for it to end, then run again. ' +
      'A lock of this machine whose run is gone (a killed pulumi) is cleared by the next run on its own; one of another machine whose ' +
      'run is gone (a CI runner that stopped) by `pulumi cancel`, never while that run is alive (it breaks the run).',
    '9: a locked stack names who holds it and never advises pulumi cancel for a run that is alive',
  );
  t.same(
    lockHolders(
      [
        'error: the stack is currently locked by 2 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.',
        '  s3://state/.pulumi/locks/organization/p/dev/a.json?endpoint=http%3A%2F%2F127.0.0.1%3A8333: created by ci@runner-7 (pid 17) at 2026-12-07T20:00:00Z',
        '  s3://state/.pulumi/locks/organization/p/dev/b.json: created by jane.doe@corp.example@laptop (pid 99) at 2026-12-07T20:01:00Z',
      ].join('\n'),
    ),
    [
      { pid: 17, username: 'ci', hostname: 'runner-7', timestamp: '2026-12-07T20:00:00Z' },
      { pid: 99, username: 'jane.doe@corp.example', hostname: 'laptop', timestamp: '2026-12-07T20:01:00Z' },
    ],
    "each lock of the refusal (on S3 too), a user name with an '@' kept whole",
  );
  t.equal(lockHolders('error: something else'), undefined, 'no locks in another failure');
  const twice = [
    'error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.',
    '  s3://state/.pulumi/locks/organization/p/dev/a.json: created by ci@runner-7 (pid 17) at 2026-12-07T20:00:00Z',
  ].join('\n');
  t.equal(
    lockHolders(`code: 255\n stderr: ${twice}\n err?: Error: ${twice}`)?.length,
    1,
    'a lock said twice by the CLI failure (stderr and error) is one lock',
  );
  t.match(
    backendProblem(
      'error: read ".pulumi/meta.yaml": blob (key ".pulumi/meta.yaml") (code=Unknown): operation error S3: GetObject, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata, https response error StatusCode: 403',
      's3://state?endpoint=http%3A%2F%2F127.0.0.1%3A8333&region=us-east-1',
    ),
    /^the state backend s3:\/\/state \(endpoint http:\/\/127\.0\.0\.1:8333\) was given no credentials: set AWS_ACCESS_KEY_ID/,
    "no credentials at all is said as such, not as credentials refused (the 403 is the metadata service's)",
  );
  t.match(
    backendProblem('api error SignatureDoesNotMatch: The request signature ...', 's3://user:secret@state'),
    /^the state backend s3:\/\/state refused the credentials \(SignatureDoesNotMatch\)/,
    'the URL said without user info',
  );
  t.equal(
    essential('code: -2\n stdout: \n stderr: Command was killed with SIGKILL (Forced termination): pulumi up --yes\n err?: Error: x'),
    'pulumi was killed (SIGKILL) in the middle of the run; the next run resolves what it left (docs/pulumi.md)',
    'a killed CLI in one line',
  );
  t.end();
});

t.test('the Pulumi program: Pulumi.yaml main (a file or a folder), else index.ts', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-project-'));
  writeFileSync(join(dir, 'Pulumi.yaml'), 'name: catalog\nruntime: nodejs\n');
  t.equal(programOf(dir), join(dir, 'index.ts'));
  writeFileSync(join(dir, 'Pulumi.yaml'), 'name: catalog\nruntime: nodejs\nmain: src/catalog.ts\n');
  t.equal(programOf(dir), join(dir, 'src', 'catalog.ts'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'Pulumi.yaml'), 'name: catalog\nruntime: nodejs\nmain: app/\n');
  t.equal(programOf(dir), join(dir, 'app', 'index.ts'));
  t.end();
});

t.test('5: a missing, unreadable or garbage event stops the check naming GITHUB_EVENT_PATH; a deleted fork is a fork', (t) => {
  const base = { GITHUB_REPOSITORY: 'platform/catalog', GITHUB_SHA: merge, GITHUB_REF: 'refs/pull/7/merge' };
  t.throws(() => pullRequestContext({}, { ...base, GITHUB_ACTIONS: 'true' }), {
    name: 'EventFileError',
    message: /GITHUB_EVENT_PATH is not set/,
  });
  t.throws(() => readEvent({ GITHUB_EVENT_PATH: '/nowhere/event.json' }), {
    message: /GITHUB_EVENT_PATH \/nowhere\/event.json: there is no such file/,
  });
  const garbage = event({});
  writeFileSync(garbage, 'not json {');
  t.throws(() => readEvent({ GITHUB_EVENT_PATH: garbage }), { message: /is not JSON/ });
  writeFileSync(garbage, '[1, 2]');
  t.throws(() => readEvent({ GITHUB_EVENT_PATH: garbage }), { message: /is not a JSON object/ });
  writeFileSync(garbage, '{"pull_request": "7"}');
  t.throws(() => readEvent({ GITHUB_EVENT_PATH: garbage }), { message: /pull_request is not an object/ });
  t.same(readEvent({}), {}, 'outside GitHub Actions, no variable is no event');
  const deleted = event({
    pull_request: { number: 7, head: { sha: head, repo: null }, base: { repo: { full_name: 'platform/catalog' } } },
  });
  t.match(
    pullRequestContext({}, { ...base, GITHUB_EVENT_PATH: deleted }),
    { ok: true, context: { fromFork: true } },
    'its token is read-only',
  );
  t.end();
});
