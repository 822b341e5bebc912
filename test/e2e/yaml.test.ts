/**
 * The example catalog as a Pulumi YAML program (examples/yaml), run by pulumi-language-yaml (built from its Go
 * module by the toolchain) against the lab: the VersionLine is built by the provider plugin's Construct, so the
 * YAML line publishes, deprecates, hides and shares exactly as the TypeScript one; a second run changes nothing; an
 * edit of a published version is refused by the policy (in `up` and in `image-catalog preview`); a bad line is
 * refused naming its field and rule, before anything is registered.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openStack, type StackTarget } from '../../provider/pulumi/automation.js';
import { examplePolicyFile } from '../../scripts/example-config.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, scratchDir, suffix } from '../helpers/lab.js';
import { imagesNamed, pulumi, removeFamily } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

const profile = `y${suffix().slice(0, 6)}`;

t.test('the example catalog as a Pulumi YAML program: the plugin builds its VersionLine', async (t) => {
  const project = join(scratchDir(), 'yaml');
  cpSync(join(repoRoot, 'examples', 'yaml'), project, { recursive: true });
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(repoRoot, join(project, 'node_modules', 'image-catalog'));
  const data = join(project, 'images');
  mkdirSync(data);
  for (const name of [`rocky-9-${profile}-v1.0`, `rocky-9-${profile}-v1.1`, `alpine-3.20-${profile}-v1.0`])
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', join(data, `${name}.qcow2`), '64M']);
  t.teardown(async () => {
    await removeFamily(`rocky-9-${profile}`);
    await removeFamily(`alpine-3.20-${profile}`);
  });

  const target: StackTarget = { cwd: project, stack: 'yaml', stateDir: join(project, 'state'), env: labStackEnv(lab()) };
  const stack = await openStack(target);
  await stack.setAllConfig({
    'image-catalog:cloud': { value: 'platform' },
    'image-catalog:policy': { value: JSON.stringify(JSON.parse(readFileSync(examplePolicyFile, 'utf8'))) },
    'image-catalog-yaml-example:consumerProjectId': { value: lab().projects['appteam'] ?? '' },
    'image-catalog-yaml-example:consumerCloud': { value: 'appteam' },
    'image-catalog-yaml-example:dataDir': { value: data },
    'image-catalog-yaml-example:profile': { value: profile },
  });

  const first = await pulumi(target, 'up');
  t.ok(first.ok, 'the YAML program deploys', { output: first.text });
  t.equal(first.outputs['current']?.value, `rocky-9-${profile}-v1.1`, "its outputs are the line's (a component output)");
  const show = async (name: string): Promise<unknown> => {
    const [id] = await imagesNamed(name);
    return (await glance('platform', 'GET', `/v2/images/${id ?? 'none'}`)).body;
  };
  t.match(
    await show(`rocky-9-${profile}-v1.0`),
    { visibility: 'shared', os_hidden: true, deprecated: 'true', superseded_by: `rocky-9-${profile}-v1.1`, replace_frequency: 'monthly' },
    'v1.0: deprecated, superseded, hidden, with the SCS metadata of the line',
  );
  const current = (await show(`rocky-9-${profile}-v1.1`)) as { visibility: string; os_hidden: boolean; tags: string[] };
  t.match(current, { visibility: 'shared', os_hidden: false }, 'v1.1: current');
  t.same([...current.tags].sort(), [`rocky-9-${profile}`, `rocky-9-${profile}@latest`], 'tagged with its line and latest');
  t.match(await show(`alpine-3.20-${profile}-v1.0`), { visibility: 'community', os_purpose: 'custom' }, 'the community image');
  const [v11] = await imagesNamed(`rocky-9-${profile}-v1.1`);
  t.match(
    (await glance('platform', 'GET', `/v2/images/${v11 ?? 'none'}/members`)).body,
    { members: [{ member_id: lab().projects['appteam'], status: 'accepted' }] },
    'v1.1 is shared with the consumer and accepted as it',
  );

  const second = await pulumi(target, 'up');
  t.ok(second.ok, 'a second run succeeds', { output: second.text });
  t.same(Object.keys(second.changes), ['same'], 'and changes nothing', { changes: second.changes });

  // An edit of a published version is refused by the policy: in up, and in image-catalog preview's whole plan.
  const program = readFileSync(join(project, 'Pulumi.yaml'), 'utf8');
  const published = program.replace(/minRam: 512(\s+buildDate: ["']2026-11-02)/, 'minRam: 1024$1');
  t.not(published, program, "the program edited: v1.0's minRam");
  writeFileSync(join(project, 'Pulumi.yaml'), published);
  const edited = await pulumi(target, 'up');
  t.notOk(edited.ok, 'an edit of the published v1.0 is refused');
  t.same(edited.blockedBy, ['immutability'], 'by immutability', { output: edited.text });
  // The engine stops the run while the line's component still registers its outputs: no crash of the plugin.
  t.notMatch(edited.text, /exited prematurely|UNAVAILABLE/, 'the provider plugin does not crash when the run stops');
  const preview = await runCommand(
    process.execPath,
    ['bin/image-catalog.js', 'preview', '--cwd', project, '--stack', 'yaml', '--state-dir', target.stateDir ?? ''],
    { ...process.env, ...target.env },
  );
  t.equal(preview.code, 1, 'image-catalog preview of the YAML project blocks it', { output: preview.stdout + preview.stderr });
  t.match(preview.stdout, /immutability/, 'naming the rule');
  // pr-check places the violation on the edited line of Pulumi.yaml (what its annotations and SARIF carry).
  const check = await runCommand(
    process.execPath,
    ['bin/image-catalog.js', 'pr-check', '--pulumi', project, '--stack', 'yaml', '--no-refresh', '--report', 'none', '--format', 'json'],
    {
      ...process.env,
      ...target.env,
      PULUMI_BACKEND_URL: `file://${target.stateDir ?? ''}`,
      GITHUB_EVENT_PATH: '',
      GITHUB_WORKSPACE: project,
    },
  );
  t.equal(check.code, 1, 'pr-check blocks it', { output: check.stderr });
  const minRamLine = published.split('\n').findIndex((l) => l.includes('minRam: 1024')) + 1;
  t.match(
    JSON.parse(check.stdout),
    { conclusion: 'failure', stacks: [{ violations: [{ rule: 'immutability', location: { path: 'Pulumi.yaml', line: minRamLine } }] }] },
    "at the edited line of Pulumi.yaml (v1.0's minRam)",
  );

  // A bad line: refused before anything is registered, naming the field and the rule.
  const badLine = program.replace(/- version: ["']1\.1["']/, "- version: '1'");
  t.not(badLine, program, 'the program edited: version 1');
  writeFileSync(join(project, 'Pulumi.yaml'), badLine);
  const bad = await pulumi(target, 'preview');
  t.notOk(bad.ok, 'a version that is not <major>.<minor> is refused');
  t.match(
    bad.text,
    /VersionLine "rocky": versions\[1\]\.version: must match pattern .* \(rule: pattern\)/,
    'naming the field and the rule',
  );
  writeFileSync(join(project, 'Pulumi.yaml'), program);
});
