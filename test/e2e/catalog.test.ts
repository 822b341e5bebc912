/**
 * The main job, as a new user runs it: `npm start` applies the example catalog (index.ts) to the lab; the
 * reference python client sees exactly what the program declares; a second run changes nothing. The test runs
 * it as stack `e2e-catalog` (the same backend, `.pulumi-state/`) so that a developer's own `dev` stack, which
 * lives in the default lab, is left alone; `npm test` points the lab settings at its test lab.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab } from '../helpers/lab.js';
import { imagesNamed, openstack } from '../helpers/pulumi.js';
import { localGitHub } from '../helpers/github.js';
import { actionCheckout, headSha, mergeSha, prCheck, pulumiCheckout, runAction } from '../helpers/pr-check.js';
import { runCommand } from '../helpers/run.js';
import { gitHubText, labSecrets, leaks } from '../helpers/secrets.js';
import { validateSarif } from '../helpers/sarif.js';
import { runScsChecker, scsChecker, scsCheckerFile } from '../helpers/scs.js';

type Row = Record<string, unknown>;

const start = (stack = 'e2e-catalog'): Promise<{ code: number; stdout: string; stderr: string }> =>
  runCommand(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--stack', stack]);

t.test('npm start applies the example catalog; the reference client sees what it declares; a second run changes nothing', async (t) => {
  const first = await start();
  t.equal(first.code, 0, 'npm start succeeds', { output: first.stdout + first.stderr });
  t.match(
    first.stdout,
    /NAME\s+VERSION\s+REGION\s+VISIBILITY\s+STATUS\s+HIDDEN\s+CHANNELS\s+END OF LIFE\s+MEMBERS/,
    'it ends with the catalog table',
  );

  // As each image's owner (Glance finds a community image by name for its owner only).
  const show = async (owner: string, name: string): Promise<Row> => (await openstack(owner, ['image', 'show', name])) as Row;
  const v10 = await show('platform', 'ubuntu-24.04-base-v1.0');
  const v11 = await show('platform', 'ubuntu-24.04-base-v1.1');
  const tools = await show('platform', 'debian-12-tools-v1.0');
  const cirros = await show('admin', 'cirros-0.6-tiny-v1.0');
  const projects = lab().projects;
  t.match(
    v10,
    {
      status: 'active',
      visibility: 'shared',
      owner: projects['platform'],
      properties: { os_hidden: true, deprecated: 'true', superseded_by: 'ubuntu-24.04-base-v1.1' },
    },
    'v1.0: deprecated, superseded by v1.1, hidden',
  );
  t.match(
    v11,
    {
      status: 'active',
      visibility: 'shared',
      owner: projects['platform'],
      properties: { os_hidden: false, os_distro: 'ubuntu', os_version: '24.04' },
    },
    'v1.1: current',
  );
  t.notOk((v11['properties'] as Row)['deprecated'], 'v1.1 is not deprecated');
  t.match(tools, { status: 'active', visibility: 'community', owner: projects['platform'] }, 'the community image');
  t.match(cirros, { status: 'active', visibility: 'public', owner: projects['admin'] }, 'the public image, made with the admin cloud');
  for (const image of [v10, v11, tools, cirros]) t.equal(image['disk_format'], 'qcow2', `${String(image['name'])} is qcow2`);

  const members = (await openstack('platform', ['image', 'member', 'list', 'ubuntu-24.04-base-v1.1'])) as Row[];
  t.same(
    members.map((m) => [m['Member ID'], m['Status']]),
    [[projects['appteam'], 'accepted']],
    'v1.1 is shared with appteam, accepted',
  );
  t.same(
    ((await openstack('platform', ['image', 'member', 'list', String(v10['id'])])) as Row[]).map((m) => [m['Member ID'], m['Status']]),
    [[projects['appteam'], 'accepted']],
    'v1.0 stays shared with appteam until its end of life (shares follow the lifecycle)',
  );
  const seen = ((await openstack('appteam', ['image', 'list'])) as Row[]).map((i) => i['Name']);
  t.ok(seen.includes('ubuntu-24.04-base-v1.1'), 'appteam lists v1.1 (accepted)');
  t.notOk(seen.includes('ubuntu-24.04-base-v1.0'), 'appteam does not list v1.0');
  // This openstackclient has no store listing: the Image API itself.
  const stores = ((await glance('admin', 'GET', '/v2/info/stores/detail')).body as { stores: Row[] }).stores.filter(
    (s) => s['type'] === 'file',
  );
  t.ok(
    ['golden', 'archive'].every((id) => stores.some((s) => s['id'] === id)),
    'the two file stores of the program are live (stores/detail)',
  );

  const second = await start();
  t.equal(second.code, 0, 'a second npm start succeeds', { output: second.stdout + second.stderr });
  t.match(second.stdout, /^start: pulumi up: \d+ unchanged$/m, 'and changes nothing (the update summary counts only unchanged)', {
    output: second.stdout,
  });
});

const checker = scsCheckerFile();
const checkerName = `the SCS-0102 checker of ${scsChecker.repository} at ${scsChecker.commit.slice(0, 8)} (the stack above applied, profile scs-0102 on)`;
t.test(
  'reason' in checker
    ? `${checkerName} (skipped: ${checker.reason})`
    : `${checkerName}: every testcase passes for the example's public and community images`,
  { skip: 'reason' in checker ? checker.reason : false },
  async (t) => {
    if ('reason' in checker) return;
    // As members (not admin) of the consumer project and of the owner: what each sees, as the standard's harness
    // lists it (public and community, hidden ones too). The community image is listed for its owner only.
    for (const [cloud, names] of [
      ['appteam', ['cirros-0.6-tiny-v1.0']],
      ['platform', ['cirros-0.6-tiny-v1.0', 'debian-12-tools-v1.0']],
    ] as const) {
      const run = await runScsChecker(checker.file, cloud, names);
      t.same(run.images, [...names].sort(), `as ${cloud}: the checker sees ${names.join(' and ')}`);
      t.ok(Object.keys(run.testcases).length >= 20, `as ${cloud}: ${Object.keys(run.testcases).length} testcases ran`);
      const failed = Object.entries(run.testcases).filter(([, passed]) => !passed);
      t.same(failed, [], `as ${cloud}: every testcase passes`, { log: run.log });
    }
  },
);

t.test('pr-check on pull requests of the example (the stack above applied): each decided, reported on the declaring line', async (t) => {
  const stack = 'e2e-catalog';
  const env = { ...labStackEnv(lab()), PULUMI_BACKEND_URL: pathToFileURL(join(repoRoot, '.pulumi-state')).href };
  const github = await localGitHub({ readOnlyTokens: ['ghs_readonly'] });
  const original = readFileSync(join(repoRoot, 'index.ts'), 'utf8');
  // The line of the example's `new Image(` that declares debian-tools, and the lines of its fields the pull
  // requests below edit (10: annotations go on the field's line, which GitHub shows inside the diff's hunk).
  const lines = original.split('\n');
  const toolsLine = lines.findIndex((l) => l.includes('const tools = new Image(')) + 1;
  const fieldLine = (text: string): number => lines.findIndex((l, i) => i >= toolsLine && l.includes(text)) + 1;
  const osVersionLine = fieldLine("os_version: '12',");
  const descriptionLine = fieldLine("description: 'Debian 12 with the platform tools'");
  const nameLine = fieldLine('name: `debian-12-');
  t.ok(
    toolsLine > 0 && osVersionLine > toolsLine && nameLine > toolsLine,
    `debian-tools on line ${toolsLine}, os_version on ${osVersionLine}`,
  );
  const osVersion = (text: string): string => text.replace("os_version: '12',", "os_version: '12.1',");
  const snapshot = (await imagesNamed('')).sort();

  const edited = pulumiCheckout(stack, osVersion);
  /** What every run printed and left in its job summary (grepped for secrets at the end). */
  const printed: string[] = [];
  const run = async (workspace: string, pr: number, more: { token?: string } = {}) => {
    const ran = await prCheck(['--pulumi', workspace, '--stack', stack, '--report', 'check-run,comment,sarif'], {
      github,
      workspace,
      pr,
      env,
      ...more,
    });
    printed.push(ran.stdout, ran.stderr, ran.summary);
    return ran;
  };
  const blocked = await run(edited, 5);
  t.equal(blocked.code, 1, 'a published image’s os_version edited: exit 1 (blocked)', { output: blocked.stdout + blocked.stderr });
  const runs = [...github.state.checkRuns.values()];
  t.equal(runs.length, 1, 'one check run');
  t.match(
    runs[0]?.run,
    { name: 'image-catalog', head_sha: headSha, status: 'completed', conclusion: 'failure' },
    'failure, on the head commit',
  );
  t.ok((runs[0]?.annotations.length ?? 0) >= 1, 'annotations');
  t.ok(
    runs[0]?.annotations.every((a) => a['path'] === 'index.ts' && a['start_line'] === osVersionLine && a['annotation_level'] === 'failure'),
    `10: every annotation on index.ts line ${osVersionLine}, the edited os_version of debian-tools (not its new Image( line)`,
    { annotations: runs[0]?.annotations },
  );
  t.match(
    JSON.stringify(runs[0]?.annotations),
    /immutability properties\.os_version/,
    'the immutability violation of os_version among them',
  );
  t.match(JSON.stringify(runs[0]?.run['output']), /\| ✖ \| `Image::debian-tools` \(index\.ts:\d+\) \| immutability/);
  const sarif = github.state.sarifs[0] as { commit_sha: string; ref: string; sarif: string } | undefined;
  t.match(sarif, { commit_sha: mergeSha, ref: 'refs/pull/5/merge' }, 'SARIF for the merge commit and ref');
  const log = JSON.parse(gunzipSync(Buffer.from(sarif?.sarif ?? '', 'base64')).toString()) as {
    runs: {
      automationDetails: { id: string };
      results: {
        ruleId: string;
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      }[];
    }[];
  };
  t.same(validateSarif(log), [], 'the uploaded SARIF, unzipped: valid for the SARIF Multitool');
  t.equal(log.runs[0]?.automationDetails.id, `image-catalog/${stack}/`);
  t.match(log.runs[0]?.results, [
    { locations: [{ physicalLocation: { artifactLocation: { uri: 'index.ts' }, region: { startLine: osVersionLine } } }] },
  ]);
  t.equal(github.state.comments.length, 1, 'one PR comment');

  const again = await run(edited, 5);
  t.equal(again.code, 1, 'a second push: blocked again');
  t.equal(github.state.comments.length, 1, 'the same comment, updated in place (not a second one)');
  t.match(again.stdout, /comment: comment \d+ updated/);

  const hidden = pulumiCheckout(stack, (text) =>
    text.replace("visibility: 'community',", "visibility: 'community',\n      isHidden: true,"),
  );
  const clean = await run(hidden, 6);
  t.equal(clean.code, 0, 'hiding the community image (allowed after publish): exit 0', { output: clean.stdout + clean.stderr });
  t.match([...github.state.checkRuns.values()].at(-1)?.run, { conclusion: 'success', output: { title: 'Allowed by the catalog policy' } });

  const described = pulumiCheckout(
    stack,
    (text) => text.replace("description: 'Debian 12 with the platform tools'", "description: 'Debian 12 with the platform tools (edited)'"),
    { 'image-catalog:policy': JSON.stringify({ image_catalog: { profile: 'scs-0102', rules: { immutability: { level: 'advisory' } } } }) },
  );
  const advisory = await run(described, 7);
  t.equal(advisory.code, 0, 'immutability advisory in the stack’s policy config: exit 0', { output: advisory.stdout + advisory.stderr });
  const last = [...github.state.checkRuns.values()].at(-1);
  t.match(last?.run, { conclusion: 'success' }, 'success');
  t.match(
    last?.annotations,
    [{ annotation_level: 'warning', path: 'index.ts', start_line: descriptionLine }],
    'with a warning on the line',
  );

  // debian-tools renamed in the program: its delete is declared nowhere (shown on index.ts line 1, said so in every
  // channel), the create of the new name on its own line.
  const renamed = pulumiCheckout(stack, (text) => text.replace("'debian-tools',", "'debian-tools-renamed',"));
  const gone = await run(renamed, 10);
  t.equal(gone.code, 1, 'a published image dropped from the program (renamed): blocked', { output: gone.stdout + gone.stderr });
  const goneRun = [...github.state.checkRuns.values()].at(-1);
  t.match(
    goneRun?.annotations,
    [{ path: 'index.ts', start_line: 1, message: /::debian-tools: [\s\S]*the code no longer declares this resource/ }],
    'the delete: an annotation on index.ts line 1, saying why',
  );
  t.ok(
    goneRun?.annotations.some((a) => String(a['message']).includes('::debian-tools-renamed:') && a['start_line'] === nameLine),
    'the create: on the line of its name (the one it reuses)',
    { annotations: goneRun?.annotations },
  );
  const typo = await runCommand(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'provider', 'cli', 'main.ts'),
      'pr-check',
      '--pulumi',
      edited,
      '--stack',
      'e2e-typo',
      '--report',
      'none',
    ],
    { ...process.env, ...env },
  );
  t.equal(typo.code, 2, 'a stack that does not exist: not decided (exit 2)', { output: typo.stdout + typo.stderr });
  t.match(typo.stdout, /^pulumi: error: no stack named 'e2e-typo' found/m, 'said in one line');
  t.notOk(existsSync(join(edited, 'Pulumi.e2e-typo.yaml')), 'and no stack made for the mistyped name');

  const before = github.state.checkRuns.size;
  const readOnly = await run(edited, 8, { token: 'ghs_readonly' });
  t.equal(readOnly.code, 1, 'a read-only token: still the decision’s exit code (1), never a crash', {
    output: readOnly.stdout + readOnly.stderr,
  });
  t.equal(github.state.checkRuns.size, before, 'no check run made');
  t.ok(
    github.state.received.some((r) => r.status === 403),
    'GitHub refused the write (403)',
  );
  t.match(readOnly.stdout, /the token may not write checks \(403: a fork's pull request gets a read-only token/, 'a clear line says why');
  t.match(
    readOnly.stdout,
    new RegExp(`^::error title=immutability properties\\.os_version,file=index\\.ts,line=${osVersionLine}::`, 'm'),
    'workflow-command annotations',
  );
  t.match(readOnly.summary, /Blocked by the catalog policy[\s\S]*\| immutability \|/, 'and the job summary');

  // The action's bundle holds no @pulumi/pulumi: it takes the project's (the one its program registers with).
  // tsx only because this project's image-catalog is this checkout's TypeScript.
  const runs0 = github.state.checkRuns.size;
  const viaAction = await runAction(
    actionCheckout(),
    { pulumi: edited, stack, report: 'check-run' },
    { github, workspace: edited, pr: 9, env, nodeArgs: ['--import', 'tsx'] },
  );
  t.equal(viaAction.code, 1, 'the GitHub Action on the same pull request: blocked', { output: viaAction.stdout + viaAction.stderr });
  const actionRun = [...github.state.checkRuns.values()].at(-1);
  t.equal(github.state.checkRuns.size, runs0 + 1, 'one more check run');
  t.match(actionRun?.annotations, [{ path: 'index.ts', start_line: osVersionLine, annotation_level: 'failure' }], 'on the same line');

  printed.push(typo.stdout, typo.stderr, viaAction.stdout, viaAction.stderr, viaAction.summary);
  const secrets = [...labSecrets(), 'ghs_writer', 'ghs_readonly'];
  // `::add-mask::<token>` is the action telling the runner to mask its token: the runner takes the line, it never
  // reaches the log.
  const shown = printed.join('\n').replace(/^::add-mask::.*$/gm, '');
  t.same(
    [...leaks('what pr-check printed and summarised', shown, secrets), ...leaks('what GitHub received', gitHubText(github.state), secrets)],
    [],
    'no lab password, Keystone token or GitHub token in the outputs, the check runs, comments and SARIF (the token only in the authorization header)',
  );
  t.same((await imagesNamed('')).sort(), snapshot, 'nothing changed in the lab');
});

t.test('a new stack that meets the catalog made by another stack fails in preview, names the taken image and the way out', async (t) => {
  const other = 'e2e-other';
  t.teardown(async () => {
    const stack = await openStack({ cwd: repoRoot, stack: other, stateDir: join(repoRoot, '.pulumi-state'), env: labStackEnv(lab()) });
    await stack.workspace.removeStack(other, { force: true });
    rmSync(join(repoRoot, `Pulumi.${other}.yaml`), { force: true });
  });
  const before = await imagesNamed('');
  const ran = await start(other);
  t.not(ran.code, 0, 'npm start fails', { output: ran.stdout + ran.stderr });
  t.match(ran.stdout, /is already used by image/, 'the versioning rule names the taken name');
  t.match(
    ran.stdout,
    new RegExp(`start: stack ${other} is new, and images it declares are already in the lab \\((ubuntu|debian|cirros)-`),
    'the hint names a taken image',
  );
  t.match(ran.stdout, /pulumi import image-catalog:index:Image [\w.-]+ [0-9a-f-]{36}/, 'it says how to import them, with their ids');
  t.match(ran.stdout, /npm run lab -- reset && npm start/, 'and how to start the lab afresh');
  t.same((await imagesNamed('')).sort(), before.sort(), 'no image was created or deleted');
});
