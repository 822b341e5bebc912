/**
 * One decision on every path: a stack whose published image was edited by hand (a property changed, one added),
 * decided by `up --refresh` (the whole plan, then the plugin), runStack's preview, `image-catalog preview
 * --refresh` and `image-catalog pr-check` (which refreshes by default): each allows putting it back, and each
 * blocks a real edit of the published image with the same violations. The CrossGuard pack, which sees new
 * inputs only (no state, so it cannot tell a repair from an edit), blocks the real edit too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import type { Violation } from '../../provider/policy/decision.js';
import type { Program } from '../../provider/pulumi/automation.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, suffix } from '../helpers/lab.js';
import { e2eStack, imageCatalogPreview, imagesNamed, pulumi } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

const family = `ubuntu-24.04-d${suffix().slice(0, 6)}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const data = join(dir, `${family}.raw`);
const programFile = join(repoRoot, 'test', 'e2e', 'programs', 'drift.ts');
const pack = join(repoRoot, 'provider', 'pulumi', 'policy-pack', 'analyzer');

/** What a violation says, as the paths are compared: rule, field and message. */
function said(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map((v) => `${v.rule} ${v.field} ${v.message}`))].sort();
}

t.test('up, preview, image-catalog preview and pr-check decide one drifted stack alike', async (t) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(data, Buffer.alloc(65536, 5));
  const target = await e2eStack(family);
  const env = (osVersion: string): Record<string, string> => ({
    DRIFT_TEST_FAMILY: family,
    DRIFT_TEST_DATA: data,
    DRIFT_TEST_OS_VERSION: osVersion,
  });
  // The inline runs call the program in this process: it reads its family, data and os_version from here.
  const drift = ((await import(pathToFileURL(programFile).href)) as { default: Program }).default;
  const load = (osVersion: string): Program => {
    return () => {
      Object.assign(process.env, env(osVersion));
      return drift();
    };
  };
  // pr-check runs the project's main: index.ts of the stack's folder, the same program.
  writeFileSync(join(target.cwd, 'index.ts'), `export { default } from ${JSON.stringify(programFile)};\n`);
  const prCheck = (osVersion: string): ReturnType<typeof runCommand> =>
    runCommand(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'provider', 'cli', 'main.ts'),
        'pr-check',
        '--pulumi',
        target.cwd,
        '--stack',
        target.stack,
        '--report',
        'none',
        '--format',
        'json',
      ],
      { ...process.env, ...target.env, ...env(osVersion), PULUMI_BACKEND_URL: pathToFileURL(target.stateDir ?? '').href },
    );

  const program = load('24.04');
  const made = await pulumi(target, 'up', program);
  t.ok(made.ok, 'v1.0 is published', { output: made.text });
  const [id = ''] = await imagesNamed(`${family}-v1.0`);
  await glance(
    'platform',
    'PATCH',
    `/v2/images/${id}`,
    [
      { op: 'replace', path: '/hw_vif_model', value: 'e1000' },
      { op: 'add', path: '/x_by_hand', value: 'y' },
    ],
    'application/openstack-images-v2.1-json-patch',
  );

  // The hand edit put back: allowed on every path.
  const preview = await pulumi(target, 'preview', program, { refresh: true });
  t.ok(preview.ok, "runStack's preview --refresh allows putting it back", { output: preview.text });
  t.equal(preview.changes['update'], 1, 'and plans it');
  const cli = await imageCatalogPreview(target, 'drift', ['--refresh', '--format', 'json'], env('24.04'));
  t.equal(cli.code, 0, 'image-catalog preview --refresh allows it', { output: cli.stdout + cli.stderr });
  const checked = await prCheck('24.04');
  t.equal(checked.code, 0, 'pr-check (refreshing) allows it', { output: checked.stdout + checked.stderr });
  t.match(JSON.parse(checked.stdout), { conclusion: 'success' });

  // A real edit of the published image (with the drift still there): blocked, with the same violations.
  const edited = load('24.10');
  const blockedPreview = await pulumi(target, 'preview', edited, { refresh: true });
  t.notOk(blockedPreview.ok, "runStack's preview blocks the edit");
  const cliBlocked = await imageCatalogPreview(target, 'drift', ['--refresh', '--format', 'json'], env('24.10'));
  t.equal(cliBlocked.code, 1, 'image-catalog preview blocks it', { output: cliBlocked.stdout + cliBlocked.stderr });
  const cliText = await imageCatalogPreview(target, 'drift', ['--refresh'], env('24.10'));
  t.match(
    cliText.stdout,
    /^# 1 change\(s\) applied by cloud platform\n {2}update {2}Image::\S+ \(ubuntu-\S+-v\d+\.\d+\)\n/m,
    'its text names each change',
  );
  const cliViolations = (JSON.parse(cliBlocked.stdout) as { decisions: { decision: { violations: Violation[] } }[] }).decisions.flatMap(
    (d) => d.decision.violations,
  );
  const prBlocked = await prCheck('24.10');
  t.equal(prBlocked.code, 1, 'pr-check blocks it', { output: prBlocked.stdout + prBlocked.stderr });
  const prViolations = (JSON.parse(prBlocked.stdout) as { stacks: { violations: Violation[] }[] }).stacks.flatMap((s) => s.violations);
  const upBlocked = await pulumi(target, 'up', edited, { refresh: true });
  t.notOk(upBlocked.ok, 'up blocks it before anything is applied');
  const expected = said(blockedPreview.violations);
  t.ok(
    expected.some((v) => v.startsWith('immutability properties.os_version ')),
    'immutability of os_version',
    { expected },
  );
  t.notOk(
    expected.some((v) => v.includes('hw_vif_model') || v.includes('x_by_hand')),
    'and nothing of the hand edit it puts back',
    { expected },
  );
  t.same(said(cliViolations), expected, 'image-catalog preview says the same');
  t.same(said(prViolations), expected, 'pr-check says the same');
  t.same(said(upBlocked.violations), expected, 'up says the same');

  const withPack = await pulumi(
    { ...target, env: { ...target.env, OS_CLOUD: 'platform', IMAGE_CATALOG_POLICY_MODE: 'report' } },
    'preview',
    edited,
    {
      policyPacks: [pack],
    },
  );
  // The pack sees new inputs only, never the state: the hand edit's repair is a change to it too (docs/pulumi.md).
  t.ok(
    withPack.policyViolations.some(
      (v) =>
        v.enforcementLevel === 'mandatory' &&
        /immutability: properties\.os_version: properties\.os_version cannot change after publish/.test(v.message),
    ),
    'the CrossGuard pack blocks the edit too',
    { violations: withPack.policyViolations },
  );

  // Put back for real: up --refresh of the unedited program.
  const restored = await pulumi(target, 'up', program, { refresh: true });
  t.ok(restored.ok, 'up --refresh puts the hand edit back', { output: restored.text });
  const image = (await glance('admin', 'GET', `/v2/images/${id}`)).body as Record<string, unknown>;
  t.equal(image['hw_vif_model'], 'virtio', 'hw_vif_model is what the catalog applied');
  t.equal(image['x_by_hand'], undefined, 'the property added by hand is gone');
});
