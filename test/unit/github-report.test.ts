/**
 * The pull-request check's GitHub side against a local GitHub that validates every request with GitHub's OpenAPI
 * description (test/helpers/github.ts): 120 violations are three annotation batches; the summary stays under
 * GitHub's limit; the PR comment is found by its marker and updated in place; a read-only token is refused; a
 * misspelt field is refused by the server, so these tests would see one.
 */
import t from 'tap';
import type { Decision, Violation } from '../../provider/policy/decision.js';
import { gitHubClient } from '../../provider/github/client.js';
import {
  commentMarker,
  conclusionOf,
  limits,
  postCheckRun,
  summaryOf,
  upsertComment,
  type LocatedViolation,
} from '../../provider/github/report.js';
import { localGitHub } from '../helpers/github.js';

const target = { owner: 'platform', repo: 'catalog', headSha: 'a'.repeat(40), name: 'image-catalog' };

function violation(i: number, level: Violation['level'] = 'mandatory'): LocatedViolation {
  return {
    rule: 'required_metadata',
    level,
    address: `Image::img-${i}`,
    field: 'properties.hw_vif_model',
    message: `properties.hw_vif_model is missing | image ${i}`,
    remediation: 'Set the property under properties.',
    location: { path: 'catalog/index.ts', line: 10 + i },
  };
}

/** What a promise rejects with (undefined when it resolves). */
const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (err: unknown) => err,
  );

const decided = (violations: readonly Violation[]): Decision => ({ allowed: !violations.some((v) => v.level === 'mandatory'), violations });

t.test('120 violations: one create and two updates of 50 annotations at most, the last one completing it', async (t) => {
  const github = await localGitHub();
  const client = gitHubClient({ token: 'ghs_test', baseUrl: github.url });
  const violations = Array.from({ length: 120 }, (_, i) => violation(i));
  const posted = await postCheckRun(client, target, { decision: decided(violations), violations });
  t.match(posted, { conclusion: 'failure', annotations: 120, requests: 3 });
  const run = github.state.checkRuns.get(posted.id);
  t.equal(run?.annotations.length, 120, 'GitHub holds all 120 annotations');
  t.match(run?.run, { status: 'completed', conclusion: 'failure' });
  t.match(run?.annotations[0], {
    path: 'catalog/index.ts',
    start_line: 10,
    annotation_level: 'failure',
    title: 'required_metadata properties.hw_vif_model',
  });
  const sizes = github.state.received.map((r) => ((r.body as { output?: { annotations?: unknown[] } }).output?.annotations ?? []).length);
  t.same(sizes, [50, 50, 20], 'three batches');
  t.same(
    github.state.received.map((r) => (r.body as { status?: string }).status),
    ['in_progress', 'in_progress', 'completed'],
    'completed with the last batch',
  );
  t.ok(
    github.state.received.every((r) => r.status < 300),
    'every request fit GitHub’s description',
    { received: github.state.received.map((r) => [r.path, r.status]) },
  );
  t.ok(
    github.state.received.every((r) => r.authorization === 'token ghs_test'),
    'the token only in the authorization header',
  );
  t.notMatch(JSON.stringify(github.state.received.map((r) => r.body)), /ghs_test/, 'and never in a body');
});

t.test('conclusion: success with advisories only, neutral when nothing of the catalog changes, failure without a decision', async (t) => {
  t.equal(conclusionOf({ decision: undefined, violations: [] }), 'neutral');
  t.equal(conclusionOf({ decision: decided([violation(1, 'advisory')]), violations: [violation(1, 'advisory')] }), 'success');
  t.equal(conclusionOf({ decision: undefined, violations: [], undecided: 'pulumi preview failed' }), 'failure', 'fail closed');
  const github = await localGitHub();
  const client = gitHubClient({ token: 't', baseUrl: github.url });
  const posted = await postCheckRun(client, target, {
    decision: decided([violation(1, 'advisory')]),
    violations: [violation(1, 'advisory')],
  });
  t.match(github.state.checkRuns.get(posted.id)?.annotations, [{ annotation_level: 'warning' }]);
  t.match(github.state.checkRuns.get(posted.id)?.run, { conclusion: 'success' });
});

t.test('the summary is a markdown table cut to GitHub’s limit, pipes escaped', (t) => {
  const many = Array.from({ length: 2000 }, (_, i) => violation(i));
  const summary = summaryOf({ decision: decided(many), violations: many });
  t.ok(summary.length <= limits.text, `${summary.length} characters`);
  t.match(summary, /^\*\*Blocked\*\* by 2000 mandatory violation\(s\)\./);
  t.match(summary, /…and \d+ more \(every one is an annotation of this check\)\./);
  t.match(summary, /is missing \\\| image 0/, 'a pipe in a message does not break the table');
  t.match(summaryOf({ decision: undefined, violations: [] }), /nothing to decide/);
  t.match(summaryOf({ decision: undefined, violations: [], undecided: 'no token' }), /^\*\*Could not decide\*\*.*blocked/);
  t.end();
});

t.test("the decision's notes are in the summary: a CDKTF image deactivated after the apply, which no plan shows", (t) => {
  const note = 'catalog/ubuntu-base/v1.0/image (openstack_images_image_v2.v10): revoked: deactivated after the apply';
  const allowed = summaryOf({ decision: decided([]), violations: [], notes: [note] });
  t.match(allowed, /^\*\*Allowed\*\*\.\n\n- note: catalog\/ubuntu-base\/v1\.0\/image .*: revoked: deactivated after the apply\n/);
  t.notMatch(summaryOf({ decision: decided([]), violations: [] }), /note:/, 'none without notes');
  t.end();
});

t.test('markdown: angle brackets and ampersands shown as text, not dropped as HTML tags', (t) => {
  const v = { ...violation(1), remediation: 'Name the image <os>-<osversion>-<profile>-v<major>.<minor> & retry.' };
  const summary = summaryOf({ decision: decided([v]), violations: [v] });
  t.match(summary, /Name the image &lt;os&gt;-&lt;osversion&gt;-&lt;profile&gt;-v&lt;major&gt;\.&lt;minor&gt; &amp; retry\./);
  t.notMatch(summary, /<os>/);
  t.end();
});

t.test('a named check keeps a comment of its own beside the default one', async (t) => {
  const github = await localGitHub();
  const client = gitHubClient({ token: 't', baseUrl: github.url });
  const pr = { owner: 'platform', repo: 'catalog', issueNumber: 4 };
  const plain = await upsertComment(client, pr, 'default check');
  const prod = await upsertComment(client, pr, 'prod check', 'image-catalog (prod)');
  const again = await upsertComment(client, pr, 'prod check, second push', 'image-catalog (prod)');
  t.not(prod.id, plain.id, 'two comments for two names');
  t.same(again, { id: prod.id, created: false }, 'each updated in place');
  t.match(
    github.state.comments.find((c) => c['id'] === prod.id)?.['body'],
    /^<!-- image-catalog:pr-check name="image-catalog \(prod\)" -->\n\*\*image-catalog \(prod\)\*\*/,
  );
  t.match(github.state.comments.find((c) => c['id'] === plain.id)?.['body'], /default check/, 'the default one untouched');
});

t.test('a credential an error message carried in never reaches GitHub', async (t) => {
  const secret = 'ghs_s3cr3t-value-in-an-error';
  const saved = process.env['OS_PASSWORD'];
  process.env['OS_PASSWORD'] = secret;
  t.teardown(() => {
    if (saved === undefined) delete process.env['OS_PASSWORD'];
    else process.env['OS_PASSWORD'] = saved;
  });
  const github = await localGitHub();
  const client = gitHubClient({ token: 't', baseUrl: github.url });
  const leaky = { ...violation(1), message: `auth failed for password ${secret}` };
  await postCheckRun(client, target, { decision: decided([leaky]), violations: [leaky] });
  await postCheckRun(client, target, { decision: undefined, violations: [], undecided: `keystone said: bad password ${secret}` });
  await upsertComment(client, { owner: 'platform', repo: 'catalog', issueNumber: 1 }, `text with ${secret}`);
  const sent = JSON.stringify(github.state.received.map((r) => r.body));
  t.notOk(sent.includes(secret), 'not in a check run, an annotation or the comment');
  t.match(sent, /\*\*\*/, 'masked');
});

t.test('the PR comment: created once, then found by its marker among other comments and updated in place', async (t) => {
  const github = await localGitHub();
  const client = gitHubClient({ token: 't', baseUrl: github.url });
  const pr = { owner: 'platform', repo: 'catalog', issueNumber: 7 };
  for (let i = 0; i < 120; i++) github.state.comments.push({ id: i + 1, body: `review comment ${i}` });
  const first = await upsertComment(client, pr, 'first push');
  const second = await upsertComment(client, pr, 'second push');
  t.ok(first.created, 'created on the first push');
  t.same(second, { id: first.id, created: false }, 'updated on the second, past the first page of comments');
  const mine = github.state.comments.filter((c) => String(c['body']).includes(commentMarker));
  t.equal(mine.length, 1, 'never duplicated');
  t.match(mine[0]?.['body'], /second push/);
});

t.test('a read-only token (a fork’s pull request) is refused; the local GitHub refuses a misspelt field', async (t) => {
  const github = await localGitHub({ readOnlyTokens: ['fork'] });
  const client = gitHubClient({ token: 'fork', baseUrl: github.url });
  t.match(
    await failure(postCheckRun(client, target, { decision: decided([]), violations: [] })),
    { status: 403 },
    'a write with a read-only token: 403',
  );
  const writer = gitHubClient({ token: 'w', baseUrl: github.url });
  t.match(
    await failure(
      writer.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: 'o',
        repo: 'r',
        name: 'n',
        head_sha: 'a'.repeat(40),
        sumary: 'typo',
      }),
    ),
    { status: 422, message: /additional properties: sumary/ },
    'a misspelt field: 422',
  );
  t.match(
    await failure(writer.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner: 'o', repo: 'r', sha: 'a', state: 'success' })),
    { status: 404 },
    'an endpoint the check does not use: 404',
  );
});
