/**
 * `image-catalog pr-check` at its edges, without an Image Service: a plan that changes nothing of the catalog is a
 * neutral check run (and exit 0); a token GitHub refuses makes the run end with exit 2 (a check never reported is
 * no decision) without printing the token; where to report is checked before anything runs (exit 2, what is
 * missing named); one input at a time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { localGitHub } from '../helpers/github.js';
import { prCheck } from '../helpers/pr-check.js';
import { runCommand } from '../helpers/run.js';
import { repoRoot } from '../../scripts/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'image-catalog-pr-cli-'));
const plan = join(dir, 'plan.json');
writeFileSync(
  plan,
  JSON.stringify({
    format_version: '1.2',
    resource_changes: [{ address: 'null_resource.x', mode: 'managed', type: 'null_resource', change: { actions: ['create'] } }],
  }),
);
writeFileSync(join(dir, 'main.tf'), 'resource "null_resource" "x" {}\n');

t.test('a pull request that changes nothing of the catalog: a neutral check run, exit 0', async (t) => {
  const github = await localGitHub();
  const ran = await prCheck(['--plan', plan, '--report', 'check-run'], { github, workspace: dir });
  t.equal(ran.code, 0, 'exit 0', { output: ran.stdout + ran.stderr });
  t.match([...github.state.checkRuns.values()][0]?.run, { conclusion: 'neutral', output: { title: 'No catalog change' } });
});

t.test('--name: a check run and a comment of its own (two stacks in one workflow)', async (t) => {
  const github = await localGitHub();
  const prod = await prCheck(['--plan', plan, '--report', 'check-run,comment', '--name', 'image-catalog (prod)'], {
    github,
    workspace: dir,
  });
  const plain = await prCheck(['--plan', plan, '--report', 'check-run,comment'], { github, workspace: dir });
  t.equal(prod.code + plain.code, 0, { output: prod.stderr + plain.stderr });
  t.same(
    [...github.state.checkRuns.values()].map((r) => r.run['name']),
    ['image-catalog (prod)', 'image-catalog'],
  );
  t.equal(github.state.comments.length, 2, 'two comments');
  t.match(prod.summary, /<h3>image-catalog \(prod\): No catalog change<\/h3>/, 'the job summary names the check');
});

t.test('GitHub refuses the token: exit 2, the reason said, the token never printed', async (t) => {
  const github = await localGitHub({ badTokens: ['ghs_revoked-token'] });
  const ran = await prCheck(['--plan', plan, '--report', 'check-run,comment'], { github, workspace: dir, token: 'ghs_revoked-token' });
  t.equal(ran.code, 2, 'exit 2: not reported', { output: ran.stdout + ran.stderr });
  t.match(ran.stderr, /the check could not be reported: check-run: GitHub answered 401/);
  t.notMatch(ran.stdout + ran.stderr, /ghs_revoked-token/, 'no token in the output');
});

t.test('where to report is checked first: no token, no repository; and one input at a time', async (t) => {
  const cli = (args: string[], env: NodeJS.ProcessEnv) =>
    runCommand(process.execPath, ['--import', 'tsx', join(repoRoot, 'provider', 'cli', 'main.ts'), 'pr-check', ...args], {
      ...process.env,
      GITHUB_TOKEN: '',
      GH_TOKEN: '',
      GITHUB_REPOSITORY: '',
      ...env,
    });
  const nothing = await cli(['--plan', plan, '--report', 'check-run'], {});
  t.equal(nothing.code, 2);
  t.match(
    nothing.stderr,
    /--report check-run: missing the token \(set GITHUB_TOKEN\); the repository as owner\/name \(--repo or GITHUB_REPOSITORY/,
    'all that is missing, at once',
  );
  const noPr = await cli(['--plan', plan, '--report', 'comment', '--repo', 'a/b', '--sha', 'a'.repeat(40), '--ref', 'refs/heads/main'], {
    GITHUB_TOKEN: 'x',
    GITHUB_EVENT_PATH: '',
  });
  t.equal(noPr.code, 2);
  t.match(noPr.stderr, /missing the pull request to comment on/, 'a comment needs a pull request, known before the run');
  const two = await cli(['--plan', plan, '--cdktf', dir, '--report', 'none'], {});
  t.equal(two.code, 2);
  t.match(two.stderr, /give one of --pulumi DIR, --cdktf DIR or --plan FILE/);
  const outside = await cli(['--plan', plan, '--report', 'none', '--format', 'json'], {});
  t.equal(outside.code, 0, 'outside GitHub Actions nothing is posted by default', { output: outside.stderr });
  t.match(JSON.parse(outside.stdout), { conclusion: 'neutral', reported: [] });
  // A job summary file the runner does not give: said, and the exit code stays the decision's (a trial saw 1).
  const noSummary = await cli(['--plan', plan, '--report', 'none'], { GITHUB_STEP_SUMMARY: join(dir, 'no-such-dir', 'summary.md') });
  t.equal(noSummary.code, 0, 'exit 0: nothing to decide', { output: noSummary.stderr });
  t.match(noSummary.stderr, /the job summary could not be written: /);
});
