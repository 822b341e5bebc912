/**
 * The package as a platform team gets it: `npm pack` of this checkout, a new project in a temporary folder
 * outside the checkout with examples/pulumi/ copied into it, `npm install` of the tarball (and @pulumi/pulumi
 * from the registry), then the example program run through the Automation API of that project's own
 * @pulumi/pulumi against the test lab. Nothing of the checkout is on the way: no source export condition, no
 * tsx, the provider code loaded from node_modules/image-catalog/dist. Then the same for examples/cdktf/: the
 * tarball with cdktn, constructs and cdktn-cli from the registry, deployed by that project's own `cdktn deploy`
 * through the installed gate `image-catalog-tofu`; and `image-catalog plan-check` in a project that never installed
 * cdktn.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { parse } from 'yaml';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { cdktfExampleEnv, examplePolicyFile } from '../../scripts/example-config.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { lab, scratchDir, suffix } from '../helpers/lab.js';
import { openstack, removeFamily } from '../helpers/pulumi.js';
import { runCommand, type Ran } from '../helpers/run.js';

type Row = Record<string, unknown>;

const profile = `p${suffix().slice(0, 6)}`;
const example = join(repoRoot, 'examples', 'pulumi');

/**
 * The environment of the new project's commands: this machine's PATH (Node 24, pulumi) without the checkout's
 * node_modules/.bin, and no NODE_OPTIONS (the checkout's source condition, tap's own loaders).
 */
function outsideEnv(): NodeJS.ProcessEnv {
  const path = (process.env['PATH'] ?? '')
    .split(':')
    .filter((p) => p !== join(repoRoot, 'node_modules', '.bin'))
    .join(':');
  return { ...process.env, PATH: path, ...labStackEnv(lab()) };
}

/**
 * Runs a command of the new project. Through `env -u NODE_OPTIONS`: tap hands its NODE_OPTIONS (with the
 * checkout's source condition) to every child it sees spawned, whatever the env given.
 */
function outside(cmd: string, args: readonly string[], cwd: string): Promise<Ran> {
  return runCommand('env', ['-u', 'NODE_OPTIONS', cmd, ...args], outsideEnv(), cwd);
}

/**
 * The driver a CI job of that project would write: the program through its own Automation API with the lines
 * docs/install.md shows (its stack in a local state folder), the config set first and a JSON line for the test.
 */
const driver = `
import program from './index.ts';
import { formatChanges, openStack, progressPrinter, runStack } from 'image-catalog/pulumi';
import { formatDecision } from 'image-catalog/policy';

const [command, config] = [process.argv[2], JSON.parse(process.argv[3])];
const stack = await openStack({ cwd: process.cwd(), stack: 'dev', stateDir: 'state' }, program);
await stack.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, value]) => [k, { value }])));
const run = await runStack(stack, command, { onEvent: progressPrinter(console.log) });
if (run.violations.length > 0) console.log(formatDecision({ allowed: run.ok, violations: run.violations }));
console.log(run.ok ? \`up: \${formatChanges(run.changes)}\` : \`up failed: \${run.failure ?? run.errors.map((e) => e.message).join('\\n')}\`);
process.exitCode = run.ok ? 0 : 1;
const outputs = Object.fromEntries(Object.entries(run.outputs).map(([k, v]) => [k, v.value]));
process.stdout.write(JSON.stringify({ ok: run.ok, changes: run.changes, outputs, errors: run.errors, failure: run.failure }) + '\\n');
`;

interface DriverResult {
  readonly ok: boolean;
  /** The run's violations (the legacy driver prints them). */
  readonly violations?: readonly unknown[];
  readonly changes: Record<string, number>;
  readonly outputs: Record<string, unknown>;
  readonly errors: readonly { message: string }[];
}

function lastJson(ran: Ran): DriverResult {
  const line = ran.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as DriverResult;
  } catch {
    throw new Error(`the driver printed no result (exit ${ran.code}):\n${ran.stdout}\n${ran.stderr}`);
  }
}

/** The tarball the first test packed (the others reuse it). */
let packedTarball: string | undefined;
/** The Pulumi project the first test installed it into (the trust test reuses it). */
let pulumiProject: string | undefined;

/** A program of one image the project takes over (env: its name, data file and, for the import, its id). */
const legacyProgram = `
import { Image } from 'image-catalog/pulumi';

export default async function legacy() {
  const id = process.env.LEGACY_IMPORT ?? '';
  new Image(
    'legacy',
    {
      name: process.env.LEGACY_NAME,
      diskFormat: 'raw',
      visibility: 'shared',
      source: { file: process.env.LEGACY_DATA },
      properties: { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'legacy' },
    },
    id === '' ? {} : { import: id },
  );
  return {};
}
`;

/** Runs legacy.mjs as stack \`legacy\` through the project's Automation API: \`node legacy-run.mjs up|preview [refresh]\`. */
const legacyDriver = `
import program from './legacy.mjs';
import { openStack, runStack } from 'image-catalog/pulumi';

const stack = await openStack({ cwd: process.cwd(), stack: 'legacy', stateDir: 'state' }, program);
await stack.setConfig('image-catalog:cloud', { value: 'platform' });
const run = await runStack(stack, process.argv[2], { refresh: process.argv[3] === 'refresh' });
process.stdout.write(JSON.stringify({ ok: run.ok, changes: run.changes, outputs: {}, errors: run.errors, violations: run.violations }) + '\\n');
`;

t.test(
  'npm pack, installed into a new project: the example catalog runs as declared, again without change, no secret in its state',
  async (t) => {
    const work = scratchDir();

    const packed = await runCommand('npm', ['pack', '--pack-destination', work, '--json'], process.env, repoRoot);
    t.equal(packed.code, 0, 'npm pack succeeds (prepack builds dist/)', { output: packed.stderr });
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const tarball = join(work, info[0]?.filename ?? '');
    packedTarball = tarball;
    const shipped = (info[0]?.files ?? []).map((f) => f.path);
    t.ok(
      shipped.includes('dist/pulumi/index.js') && shipped.includes('dist/pulumi/index.d.ts'),
      'the tarball has the compiled layer and its types',
    );
    t.ok(
      [
        'policies/build/catalog.wasm',
        'policies/build/rules.json',
        'policies/data.json',
        'schemas/image.schema.json',
        'bin/image-catalog.js',
        'bin/pulumi-resource-image-catalog',
        'bin/pulumi-resource-image-catalog.js',
        'dist/pulumi/plugin/main.js',
        'schema.json',
      ].every((f) => shipped.includes(f)),
      'and the Wasm bundle, the policy data, the schemas, the bins, the provider plugin and its Pulumi schema',
    );
    t.same(
      shipped.filter((f) => f.startsWith('provider/') || f.startsWith('scripts/') || f.startsWith('test/')),
      [],
      'no sources, scripts or tests',
    );

    const project = join(work, 'catalog');
    mkdirSync(project);
    for (const file of ['Pulumi.yaml', 'index.ts', 'tsconfig.json']) copyFileSync(join(example, file), join(project, file));
    const manifest = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    manifest.dependencies['image-catalog'] = `file:${tarball}`;
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(project, 'run.mjs'), driver);
    pulumiProject = project;
    const installed = await outside('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], project);
    t.equal(installed.code, 0, 'npm install of the tarball and @pulumi/pulumi succeeds', { output: installed.stderr });
    t.notMatch(installed.stderr, /install-scripts/, "12: no install-scripts warning (the example's allowScripts)");

    const version = await outside('npx', ['image-catalog', '--version'], project);
    t.equal(version.code, 0, 'the image-catalog bin runs from node_modules/.bin', { output: version.stderr });

    const schema = await outside('pulumi', ['package', 'get-schema', './node_modules/.bin/pulumi-resource-image-catalog'], project);
    t.equal(schema.code, 0, 'pulumi package get-schema runs the installed provider plugin', { output: schema.stderr });
    t.same(
      JSON.parse(schema.stdout || '{}') as unknown,
      JSON.parse(readFileSync(join(project, 'node_modules', 'image-catalog', 'schema.json'), 'utf8')) as unknown,
      "its GetSchema answers the package's schema.json",
    );

    // The third way Pulumi finds the plugin: its plugin cache (a PULUMI_HOME of this test's own).
    const home = join(work, 'pulumi-home');
    const cached = await runCommand(
      'env',
      ['-u', 'NODE_OPTIONS', 'npx', 'image-catalog', 'plugin', 'install'],
      { ...outsideEnv(), PULUMI_HOME: home },
      project,
    );
    t.equal(cached.code, 0, 'image-catalog plugin install puts the plugin into the plugin cache', {
      output: cached.stdout + cached.stderr,
    });
    const { version: installedVersion } = JSON.parse(
      readFileSync(join(project, 'node_modules', 'image-catalog', 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const fromCache = await runCommand(
      'env',
      ['-u', 'NODE_OPTIONS', 'pulumi', 'package', 'get-schema', `image-catalog@${installedVersion}`],
      { ...outsideEnv(), PULUMI_HOME: home },
      work,
    );
    t.equal(fromCache.code, 0, 'and pulumi runs it from there, by name and version', { output: fromCache.stderr });
    t.equal(fromCache.stdout, schema.stdout, 'the same plugin');

    const typecheck = await outside('npx', ['tsc', '--noEmit'], project);
    t.equal(typecheck.code, 0, 'tsc --noEmit of the program against the installed types passes', { output: typecheck.stdout });

    const data = join(work, 'data');
    mkdirSync(data);
    const names = [`rocky-9-${profile}-v1.0`, `rocky-9-${profile}-v1.1`, `alpine-3.20-${profile}-v1.0`];
    for (const name of names) execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', join(data, `${name}.qcow2`), '64M']);
    t.teardown(async () => {
      await removeFamily(`rocky-9-${profile}`);
      await removeFamily(`alpine-3.20-${profile}`);
    });
    const config = {
      'image-catalog:cloud': 'platform',
      'image-catalog-example:consumerProjectId': lab().projects['appteam'] ?? '',
      'image-catalog-example:consumerCloud': 'appteam',
      'image-catalog-example:dataDir': data,
      'image-catalog-example:profile': profile,
      // The SCS-0102 profile on, as the example's README shows.
      'image-catalog:policy': JSON.stringify(JSON.parse(readFileSync(examplePolicyFile, 'utf8'))),
    };
    const drive = (command: string): Promise<Ran> => outside('node', ['run.mjs', command, JSON.stringify(config)], project);

    const first = lastJson(await drive('up'));
    t.ok(first.ok, 'the example program runs through the Automation API', { errors: first.errors });
    t.equal(first.outputs['current'], `rocky-9-${profile}-v1.1`, 'its outputs name the current version');

    const show = async (name: string): Promise<Row> => (await openstack('platform', ['image', 'show', name])) as Row;
    const projects = lab().projects;
    t.match(
      await show(`rocky-9-${profile}-v1.0`),
      { status: 'active', visibility: 'shared', owner: projects['platform'], properties: { os_hidden: true, deprecated: 'true' } },
      'v1.0: active, deprecated, hidden',
    );
    t.match(
      await show(`rocky-9-${profile}-v1.1`),
      { status: 'active', visibility: 'shared', properties: { os_hidden: false, os_distro: 'rocky', os_version: '9' } },
      'v1.1: active, current',
    );
    t.match(await show(`alpine-3.20-${profile}-v1.0`), { status: 'active', visibility: 'community' }, 'the community image');
    const members = (await openstack('platform', ['image', 'member', 'list', `rocky-9-${profile}-v1.1`])) as Row[];
    t.same(
      members.map((m) => [m['Member ID'], m['Status']]),
      [[projects['appteam'], 'accepted']],
      'v1.1 is shared with the consumer, accepted',
    );

    const secondRun = await drive('up');
    const second = lastJson(secondRun);
    t.ok(second.ok, 'a second run succeeds', { errors: second.errors });
    t.match(secondRun.stdout, /^up: \d+ unchanged$/m, "9: a run that changes nothing says so (docs/install.md's lines)");
    t.same(Object.keys(second.changes), ['same'], 'and changes nothing', { changes: second.changes });

    const stateDir = join(project, 'state');
    const text = readdirSync(stateDir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(stateDir, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f).toString('latin1'))
      .join('\n');
    const clouds = parse(readFileSync(lab().clouds, 'utf8')) as { clouds: Record<string, { auth: { password: string } }> };
    t.ok(text.includes(`rocky-9-${profile}-v1.1`), 'the state holds the catalog');
    t.same(
      Object.values(clouds.clouds)
        .map((c) => c.auth.password)
        .filter((p) => text.includes(p)),
      [],
      'no lab password in the state',
    );
    t.notMatch(text, /gAAAAA[\w-]{20,}/, 'no Keystone (Fernet) token in the state');
    t.notMatch(text, new RegExp(repoRoot.replaceAll('/', '\\/') + '\\/(provider|node_modules)'), 'no path into this checkout in the state');
  },
);

t.test(
  '1, 2, 3, 4, 6 from the tarball: an image made by the openstack CLI imported, drift put back, a pull request weakening the policy',
  async (t) => {
    if (pulumiProject === undefined) throw new Error('the first test installs the project');
    // A project of its own (its Pulumi.yaml's main is legacy.mjs), with the installed project's node_modules.
    const project = join(pulumiProject, '..', 'legacy');
    mkdirSync(project, { recursive: true });
    symlinkSync(join(pulumiProject, 'node_modules'), join(project, 'node_modules'));
    writeFileSync(join(project, 'package.json'), '{ "name": "legacy", "private": true, "type": "module" }\n');
    writeFileSync(join(project, 'Pulumi.yaml'), 'name: legacy\nruntime: nodejs\nmain: legacy.mjs\n');
    const name = `ubuntu-24.04-${profile}legacy-v1.0`;
    t.teardown(() => removeFamily(`ubuntu-24.04-${profile}legacy`));
    const data = join(project, 'legacy.raw');
    writeFileSync(data, Buffer.alloc(65536, 9));
    writeFileSync(join(project, 'legacy.mjs'), legacyProgram);
    writeFileSync(join(project, 'legacy-run.mjs'), legacyDriver);
    // 6: made the way many catalogs are, with the OpenStack SDK's own properties (owner_specified.openstack.*).
    const made = (await openstack('platform', [
      'image',
      'create',
      '--disk-format',
      'raw',
      '--container-format',
      'bare',
      '--shared',
      '--file',
      data,
      '--property',
      'os_distro=ubuntu',
      '--property',
      'os_version=24.04',
      '--property',
      'hw_disk_bus=virtio',
      '--property',
      'hw_vif_model=virtio',
      '--property',
      'description=legacy',
      name,
    ])) as { id: string; properties?: Record<string, unknown> };
    t.ok(
      Object.keys(made.properties ?? {}).some((k) => k.startsWith('owner_specified.openstack.')),
      'the SDK added its properties',
    );
    const env = { LEGACY_NAME: name, LEGACY_DATA: data };
    const legacy = async (args: string[], extra: Record<string, string> = {}): Promise<Ran> =>
      runCommand('env', ['-u', 'NODE_OPTIONS', 'node', 'legacy-run.mjs', ...args], { ...outsideEnv(), ...env, ...extra }, project);
    const cli = async (args: string[]): Promise<Ran> =>
      runCommand(
        'env',
        ['-u', 'NODE_OPTIONS', 'npx', 'image-catalog', ...args],
        { ...outsideEnv(), ...env, PULUMI_BACKEND_URL: pathToFileURL(join(project, 'state')).href },
        project,
      );

    const imported = lastJson(await legacy(['up'], { LEGACY_IMPORT: made.id }));
    t.ok(imported.ok, "6: the import is not refused for the SDK's properties", { errors: imported.errors });
    const kept = lastJson(await legacy(['up']));
    t.ok(kept.ok, 'the import option removed: up runs', { errors: kept.errors });
    t.same(Object.keys(kept.changes), ['same'], 'and changes nothing', { changes: kept.changes });
    const preview = await cli(['preview', '--cwd', '.', '--stack', 'legacy', '--program', 'legacy.mjs']);
    t.equal(preview.code, 0, '1: image-catalog preview decides the stack that imported it', { output: preview.stdout + preview.stderr });
    t.notMatch(preview.stdout + preview.stderr, /source: is required/, 'no "source: is required"');

    const set = await runCommand(
      'openstack',
      ['--os-cloud', 'platform', 'image', 'set', '--property', 'hw_vif_model=e1000', '--property', 'x_by_hand=y', made.id],
      { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds },
    );
    t.equal(set.code, 0, 'openstack image set', { output: set.stderr });
    const live = (await openstack('platform', ['image', 'show', made.id])) as { properties: Record<string, unknown> };
    t.match(live.properties, { hw_vif_model: 'e1000', x_by_hand: 'y' }, 'edited by hand');
    const drift = await cli(['preview', '--cwd', '.', '--stack', 'legacy', '--program', 'legacy.mjs', '--refresh', '--format', 'json']);
    t.equal(drift.code, 0, '2: image-catalog preview --refresh allows putting it back', { output: drift.stdout + drift.stderr });
    const restored = lastJson(await legacy(['up', 'refresh']));
    t.ok(restored.ok, '3: up --refresh puts it back (the property added by hand too)', {
      errors: restored.errors,
      violations: restored.violations,
    });
    const after = (await openstack('platform', ['image', 'show', made.id])) as { properties: Record<string, unknown> };
    t.equal(after.properties['hw_vif_model'], 'virtio', 'hw_vif_model is back');
    t.equal(after.properties['x_by_hand'], undefined, 'x_by_hand is gone');
    t.ok(
      Object.keys(after.properties).some((k) => k.startsWith('owner_specified.openstack.')),
      "the SDK's properties stay",
    );

    // 4: the pull request disables immutability in its own stack config; the check decides with the base's.
    const git = (...args: string[]): Promise<Ran> =>
      runCommand('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], process.env, project);
    await git('init', '-q');
    await git('add', 'Pulumi.yaml', 'Pulumi.legacy.yaml', 'legacy.mjs', 'package.json');
    await git('commit', '-q', '-m', 'base');
    const base = (await git('rev-parse', 'HEAD')).stdout.trim();
    const config = join(project, 'Pulumi.legacy.yaml');
    writeFileSync(
      config,
      `${readFileSync(config, 'utf8')}  image-catalog:policy: '{"image_catalog":{"rules":{"immutability":{"level":"disabled"}}}}'\n`,
    );
    await git('commit', '-q', '-am', 'weaken the policy');
    const checked = await cli([
      'pr-check',
      '--pulumi',
      '.',
      '--stack',
      'legacy',
      '--base',
      base,
      '--report',
      'none',
      '--format',
      'json',
      '--no-refresh',
    ]);
    t.equal(checked.code, 1, '4: pr-check blocks the pull request', { output: checked.stdout + checked.stderr });
    const out = JSON.parse(checked.stdout) as { stacks: { violations: { rule: string; field: string }[] }[] };
    t.match(
      out.stacks.flatMap((s) => s.violations),
      [{ rule: 'policy_change', field: 'image_catalog.rules.immutability.level' }],
      'a policy_change finding of the weakened rule',
    );
  },
);

t.test('the CDKTF example, installed from the tarball, deploys through the installed gate; plan-check needs no cdktn', async (t) => {
  if (packedTarball === undefined) throw new Error('the first test packs the tarball');
  const work = scratchDir();
  const project = join(work, 'catalog-cdktf');
  const example = join(repoRoot, 'examples', 'cdktf');
  mkdirSync(project);
  for (const file of ['main.ts', 'cdktf.json', 'tsconfig.json', 'policy.json']) copyFileSync(join(example, file), join(project, file));
  const manifest = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  manifest.dependencies['image-catalog'] = `file:${packedTarball}`;
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  const installed = await outside('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], project);
  t.equal(installed.code, 0, 'npm install of the tarball, cdktn, constructs and cdktn-cli succeeds', { output: installed.stderr });
  t.notMatch(installed.stderr, /install-scripts/, "12: no install-scripts warning (the example's allowScripts)");
  const typecheck = await outside('npx', ['tsc', '--noEmit'], project);
  t.equal(typecheck.code, 0, 'tsc --noEmit of the app against the installed types passes', { output: typecheck.stdout });

  const tag = `k${suffix().slice(0, 6)}`;
  const tofu = await locateTool('tofu');
  if (!tofu.ok) throw new Error(tofu.reason);
  // The project's environment: the lab's settings, the tools' cache dirs on PATH (tofu), offline.
  const env = {
    ...(await toolEnv(outsideEnv())),
    ...cdktfExampleEnv(),
    OS_CLIENT_CONFIG_FILE: lab().clouds,
    CATALOG_PROFILE_SUFFIX: tag,
    CATALOG_DATA_DIR: join(work, 'data'),
    CHECKPOINT_DISABLE: '1',
    TERRAFORM_BINARY_NAME: 'image-catalog-tofu',
    // The example's policy data (the SCS-0102 profile), as its README sets it.
    IMAGE_CATALOG_POLICY_DATA: join(project, 'policy.json'),
  };
  const inProject = (cmd: string, args: string[]): Promise<Ran> => runCommand('env', ['-u', 'NODE_OPTIONS', cmd, ...args], env, project);
  t.teardown(() =>
    runCommand(
      'env',
      ['-u', 'NODE_OPTIONS', tofu.path, 'destroy', '-auto-approve', '-input=false'],
      { ...env, TF_VAR_image_catalog_gate: 'decided-by-image-catalog' },
      join(project, 'cdktf.out', 'stacks', 'catalog'),
    ),
  );
  const doctor = await inProject('npx', ['image-catalog', 'doctor']);
  t.equal(doctor.code, 0, 'image-catalog doctor passes in a CDKTF project', { output: doctor.stdout });
  t.match(doctor.stdout, /ok\s+image-catalog-tofu\s/, 'it finds the gate');
  t.match(doctor.stdout, /--\s+pulumi\s+not checked: this project has no @pulumi\/pulumi/, 'and does not ask for pulumi');
  const deployed = await inProject('npx', ['cdktn', 'deploy', '--auto-approve', '--skip-provider-lock']);
  t.equal(deployed.code, 0, 'cdktn deploy through the installed gate succeeds', {
    output: (deployed.stdout + deployed.stderr).slice(-4000),
  });
  t.match(deployed.stdout, /image-catalog gate: \d+ change\(s\) of the catalog decided/, 'the installed gate decided the plan');
  t.match(
    await openstack('platform', ['image', 'show', `ubuntu-24.04-base-${tag}-v1.1`]),
    { status: 'active', visibility: 'shared' },
    'v1.1 is live',
  );
  const state = readFileSync(join(project, 'terraform.catalog.tfstate'), 'utf8');
  // The lab's reload command runs the checkout's scripts/lab.ts (lab machinery); the catalog's own code never.
  t.notMatch(
    state,
    new RegExp(repoRoot.replaceAll('/', '\\/') + '\\/(provider|dist|bin)\\/'),
    "no path into this checkout's code in the state",
  );

  // HCL users: the plan of that deployment, checked by a project that has only the tarball (no cdktn).
  const plain = join(work, 'plain');
  mkdirSync(plain);
  writeFileSync(
    join(plain, 'package.json'),
    JSON.stringify({ name: 'plain', private: true, dependencies: { 'image-catalog': `file:${packedTarball}` } }),
  );
  const plainInstalled = await outside('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], plain);
  t.equal(plainInstalled.code, 0, 'npm install of the tarball alone', { output: plainInstalled.stderr });
  t.notOk(existsSync(join(plain, 'node_modules', 'cdktn')), 'cdktn is not installed there');
  t.notOk(existsSync(join(plain, 'node_modules', '@pulumi', 'pulumi')), 'nor @pulumi/pulumi (both optional peers)');
  const stackDir = join(project, 'cdktf.out', 'stacks', 'catalog');
  const planned = await runCommand(
    'env',
    ['-u', 'NODE_OPTIONS', tofu.path, 'plan', '-input=false', '-out=check.bin'],
    { ...env, TF_VAR_image_catalog_gate: 'decided-by-image-catalog' },
    stackDir,
  );
  t.equal(planned.code, 0, 'tofu plan', { output: planned.stderr });
  const shown = await runCommand('env', ['-u', 'NODE_OPTIONS', tofu.path, 'show', '-json', 'check.bin'], env, stackDir);
  writeFileSync(join(plain, 'plan.json'), shown.stdout);
  const checked = await runCommand('env', ['-u', 'NODE_OPTIONS', 'npx', 'image-catalog', 'plan-check', 'plan.json'], env, plain);
  t.equal(checked.code, 0, 'plan-check of the deployed app (no change) passes without cdktn or pulumi', {
    output: checked.stdout + checked.stderr,
  });
  // The pull-request check from the installed package (its GitHub side and @actions/core from the tarball's deps).
  const sarif = join(plain, 'check.sarif');
  const prChecked = await runCommand(
    'env',
    [
      '-u',
      'NODE_OPTIONS',
      'npx',
      'image-catalog',
      'pr-check',
      '--plan',
      'plan.json',
      '--report',
      'none',
      '--sarif',
      sarif,
      '--format',
      'github',
    ],
    env,
    plain,
  );
  t.equal(prChecked.code, 0, 'pr-check --plan from the installed package: allowed (no change)', {
    output: prChecked.stdout + prChecked.stderr,
  });
  t.match(JSON.parse(readFileSync(sarif, 'utf8')), { version: '2.1.0', runs: [{ results: [] }] }, 'and its SARIF written');
});
