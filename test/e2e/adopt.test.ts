/**
 * `image-catalog adopt --language typescript` against the lab: images made with the openstack client only (named
 * by the convention and not, shared with a member, hidden and deprecated, community, and one family kept as a line
 * would keep it), the written project's preview (`image-catalog preview --format json`, its steps) holds imports
 * only, `pulumi up` imports them, the next preview changes nothing, a version added to the written VersionLine is
 * published and the one before it deprecated, and a new Image beside them is published. A non-empty --out is
 * refused. A store whose StorageBackend fragment no stack holds is adopted, imported and then destroyed by the
 * written program; the lab's own stores (glance-api.conf) are said, not written.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t, { type Test } from 'tap';
import { openStack, type Program, type StackTarget } from '../../provider/pulumi/automation.js';
import { Image, Provider } from '../../provider/pulumi/index.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { cdktfEnv, linkCheckout } from '../../scripts/start-cdktf.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { glance, lab, labSession, scratchDir, suffix } from '../helpers/lab.js';
import { listStores } from '../../provider/client/stores.js';
import { applyStoreResource, deleteStoreResource } from '../../provider/resources/store/store.js';
import { imagesNamed, openstackImage, pulumi, removeFamily } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

const tag = `a${suffix().slice(0, 6)}`;
const env = { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds };
const good = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'adopt test' };

/** An openstack command that prints nothing (the helper asks for JSON). */
async function run(...args: string[]): Promise<void> {
  const ran = await runCommand('openstack', ['--os-cloud', 'platform', ...args], env);
  if (ran.code !== 0) throw new Error(`openstack ${args.join(' ')}: ${ran.stderr}`);
}

function data(): string {
  const file = join(scratchDir(), 'data.raw');
  writeFileSync(file, Buffer.alloc(8192, 5));
  return file;
}

async function make(
  name: string,
  visibility: string,
  properties: Record<string, string>,
  hidden = false,
  tags: readonly string[] = [],
): Promise<string> {
  const id = await openstackImage('platform', name, { visibility, properties, file: data(), tags });
  if (hidden) await run('image', 'set', '--hidden', id);
  return id;
}

/**
 * Opens a stack of the written project in `out` (the package beside it as an install would put it) and asserts that
 * `image-catalog preview --format json` holds `imports` imports of image-catalog resources and nothing else but the
 * new stack's own stack, provider and component records (none a cloud change). Returns the stack's target.
 */
async function previewsImportsOnly(t: Test, out: string, imports: number, what: string): Promise<StackTarget> {
  mkdirSync(join(out, 'node_modules'));
  symlinkSync(repoRoot, join(out, 'node_modules', 'image-catalog'));
  const target: StackTarget = { cwd: out, stack: 'adopted', stateDir: join(out, 'state'), env: labStackEnv(lab()) };
  await openStack(target);
  const preview = await runCommand(
    process.execPath,
    ['bin/image-catalog.js', 'preview', '--cwd', out, '--stack', 'adopted', '--state-dir', join(out, 'state'), '--format', 'json'],
    { ...process.env, ...target.env },
  );
  t.equal(preview.code, 0, 'image-catalog preview of the written project allows it', { stderr: preview.stderr });
  const steps = (JSON.parse(preview.stdout) as { steps: { type: string; op: string }[] }).steps;
  const component = 'image-catalog:index:VersionLine';
  t.same(
    steps.filter((s) => s.type.startsWith('image-catalog:index:') && s.type !== component).map((s) => s.op),
    Array(imports).fill('import'),
    `its steps: ${what} imported`,
  );
  t.same(
    steps.filter(
      (s) =>
        s.op !== 'import' &&
        s.op !== 'same' &&
        !(s.op === 'create' && (/^pulumi:(pulumi:Stack|providers:)/.test(s.type) || s.type === component)),
    ),
    [],
    'nothing else is created, updated, replaced or deleted (a new stack makes its own stack, provider and component resources: none is a cloud change)',
  );
  return target;
}

t.test('adopt: a live catalog as a Pulumi program whose first preview holds imports only', async (t) => {
  const family = `ubuntu-24.04-${tag}`;
  t.teardown(() => removeFamily(family));
  const v10 = await make(`${family}-v1.0`, 'shared', { ...good, deprecated: 'true' }, true);
  const v11 = await make(`${family}-v1.1`, 'shared', good);
  const community = await make(`debian-12-${tag}-v1.0`, 'community', { ...good, os_distro: 'debian', os_version: '12' });
  const bare = await make(`Image ${tag}`, 'private', {});
  t.teardown(async () => {
    for (const id of [community, bare]) await glance('platform', 'DELETE', `/v2/images/${id}`);
  });
  // A family kept as its VersionLine would keep it: the older version deprecated, superseded and hidden, the
  // current one tagged latest, both shared with the consumer.
  const line = `rocky-9-${tag}`;
  t.teardown(() => removeFamily(line));
  const rocky = { ...good, os_distro: 'rocky', os_version: '9' };
  const r10 = await make(`${line}-v1.0`, 'shared', { ...rocky, deprecated: 'true', superseded_by: `${line}-v1.1` }, true, [line]);
  const r11 = await make(`${line}-v1.1`, 'shared', rocky, false, [line, `${line}@latest`]);
  const appteam = lab().projects['appteam'] ?? '';
  for (const id of [v11, r10, r11]) await run('image', 'add', 'project', id, appteam);

  const out = join(scratchDir(), 'catalog');
  const adopt = (...args: string[]) =>
    runCommand(process.execPath, ['bin/image-catalog.js', 'adopt', '--cloud', 'platform', '--include', tag, ...args], env);
  const written = await adopt('--out', out);
  t.equal(written.code, 0, 'adopt writes the project', { stderr: written.stderr });
  t.match(written.stdout, /adopt: 6 images and 3 memberships of project \S+ written to /);
  t.match(written.stdout, `adopt: 1 VersionLine (${line}: 2 versions)`, 'the line is said');
  t.match(written.stdout, `"Image ${tag}" (${bare}): naming, required_metadata`, 'the images that break rules are said');
  const program = readFileSync(join(out, 'index.ts'), 'utf8');
  t.match(program, `{ provider, import: '${v10}' }`, 'each image carries its import id');
  t.match(program, `{ provider, import: '${v11}/${appteam}' }`, 'the membership too');
  t.match(program, /\/\/ audit: mandatory naming: Image a\w+: name "Image a\w+" does not follow/, 'a broken rule is said above its image');
  t.match(program, 'source: {\n      imported: true,\n    },', 'the data is said to be imported');
  t.match(program, `  new VersionLine('${line}', {`, 'the family kept as a line is written as one');
  t.match(program, `importId: '${r10}'`, 'its versions carry their import ids');
  t.match(
    program,
    new RegExp(`// ubuntu-24\\.04-${tag}: not written as a VersionLine: as a line today, version 1\\.0 \\(${v10}\\) would change`),
    'a family the line would change stays plain Images, and says why',
  );

  const again = await adopt('--out', out);
  t.equal(again.code, 2, 'a folder that is not empty is refused');
  t.match(again.stderr, /not empty; nothing was written/);
  t.equal(readFileSync(join(out, 'index.ts'), 'utf8'), program, 'and left as it was');

  // The written project, with the package beside it as an install would put it: its preview holds imports only.
  const target = await previewsImportsOnly(t, out, 9, '6 images and 3 memberships');

  const generated = ((await import(pathToFileURL(join(out, 'index.ts')).href)) as { default: Program }).default;
  const up = await pulumi(target, 'up', generated);
  t.ok(up.ok, 'pulumi up imports them', { output: up.text });
  t.equal(up.changes['import'], 9, 'nine imports');
  t.same(await imagesNamed(`${family}-v1.1`), [v11], 'no image was made');
  const after = await pulumi(target, 'preview', generated);
  t.same(
    Object.keys(after.changes).filter((op) => op !== 'same'),
    [],
    'the next preview changes nothing',
    { output: after.text },
  );

  // The image that breaks naming and required_metadata stays manageable: deprecated and hidden without renaming it.
  const retiring = program
    .replace(new RegExp(`(new Image\\('image-${tag}', \\{[\\s\\S]*?isHidden: )false`), '$1true')
    .replace(new RegExp(`(new Image\\('image-${tag}', \\{[\\s\\S]*?properties: )\\{\\}`), "$1{ deprecated: 'true' }");
  t.not(retiring, program, 'the program edited: the bare image deprecated and hidden');
  writeFileSync(join(out, 'retire.ts'), retiring);
  const retire = ((await import(pathToFileURL(join(out, 'retire.ts')).href)) as { default: Program }).default;
  const retired = await pulumi(target, 'up', retire);
  t.ok(retired.ok, 'an adopted image that breaks rules can be deprecated and hidden', { output: retired.text });
  t.equal(retired.changes['update'], 1);

  // A version added to the written line: published and shared, the one before it deprecated and hidden.
  const lined = retiring.replace(
    new RegExp(`(new VersionLine\\('${line}', \\{[\\s\\S]*?versions: \\[\\n)`),
    `$1      { version: '1.2', diskFormat: 'raw', source: { file: ${JSON.stringify(data())} } },\n`,
  );
  t.not(lined, retiring, 'the program edited: a version added to the line');
  writeFileSync(join(out, 'line.ts'), lined);
  const withLineVersion = ((await import(pathToFileURL(join(out, 'line.ts')).href)) as { default: Program }).default;
  const lineUp = await pulumi(target, 'up', withLineVersion);
  t.ok(lineUp.ok, 'a version added to the adopted line is published', { output: lineUp.text });
  const [r12] = await imagesNamed(`${line}-v1.2`);
  t.ok(r12, 'v1.2 exists');
  const older = await glance('platform', 'GET', `/v2/images/${r11}`);
  t.match(
    older.body,
    { os_hidden: true, deprecated: 'true', superseded_by: `${line}-v1.2`, tags: [line] },
    'v1.1 is deprecated, superseded by v1.2 and hidden',
  );
  const shared = await glance('platform', 'GET', `/v2/images/${r12 ?? ''}/members`);
  t.match(shared.body, { members: [{ member_id: appteam }] }, 'v1.2 is shared with the consumer');

  // Added with a provider of its own (the stack has no image-catalog:cloud): decided and applied as that cloud.
  const withNewVersion: Program = async () => {
    await withLineVersion();
    const provider = new Provider('extra', { cloud: 'platform' });
    new Image(
      'ubuntu-v1.2',
      { name: `${family}-v1.2`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: good },
      { provider },
    );
    return {};
  };
  const published = await pulumi(target, 'up', withNewVersion);
  t.ok(published.ok, 'a version added to the written program is published', { output: published.text });
  t.equal(published.changes['create'], 2, 'the image and its provider');
  t.equal((await imagesNamed(`${family}-v1.2`)).length, 1);
});

t.test('adopt --language yaml: the same adoption as a Pulumi YAML program, through pulumi-language-yaml', async (t) => {
  const line = `almalinux-9-${tag}y`;
  t.teardown(() => removeFamily(line));
  const alma = { ...good, os_distro: 'almalinux', os_version: '9' };
  const v10 = await make(`${line}-v1.0`, 'shared', { ...alma, deprecated: 'true', superseded_by: `${line}-v1.1` }, true, [line]);
  const v11 = await make(`${line}-v1.1`, 'shared', alma, false, [line, `${line}@latest`]);
  const bare = await make(`Loose ${tag}`, 'private', {});
  t.teardown(() => glance('platform', 'DELETE', `/v2/images/${bare}`));
  const appteam = lab().projects['appteam'] ?? '';
  for (const id of [v10, v11]) await run('image', 'add', 'project', id, appteam);

  const out = join(scratchDir(), 'yaml-catalog');
  const written = await runCommand(
    process.execPath,
    ['bin/image-catalog.js', 'adopt', '--cloud', 'platform', '--include', `${tag}y|Loose ${tag}`, '--language', 'yaml', '--out', out],
    env,
  );
  t.equal(written.code, 0, 'adopt writes the YAML project', { stderr: written.stderr });
  t.match(written.stdout, `adopt: 1 VersionLine (${line}: 2 versions)`);
  const program = readFileSync(join(out, 'Pulumi.yaml'), 'utf8');
  t.match(program, `type: image-catalog:index:VersionLine`, 'the line is a VersionLine the plugin builds');
  t.match(program, `importId: ${v10}`, 'its versions carry their import ids');
  t.match(program, `import: ${bare}`, 'the other image its import id');

  const target = await previewsImportsOnly(t, out, 5, '3 images and 2 memberships');
  const up = await pulumi(target, 'up');
  t.ok(up.ok, 'pulumi up imports them', { output: up.text });
  t.equal(up.changes['import'], 5, 'five imports');
  const after = await pulumi(target, 'preview');
  t.same(
    Object.keys(after.changes).filter((op) => op !== 'same'),
    [],
    'the next preview changes nothing',
    { output: after.text },
  );

  // A version added to the written YAML line: published, the one before it deprecated.
  const file = data();
  const added = program.replace(
    /(\n(\s+)versions:\n)/,
    (_, head: string, indent: string) =>
      `${head}${indent}  - version: "1.2"\n${indent}    diskFormat: raw\n${indent}    source:\n${indent}      file: ${file}\n`,
  );
  t.not(added, program, 'the program edited: a version added to the line');
  writeFileSync(join(out, 'Pulumi.yaml'), added);
  const published = await pulumi(target, 'up');
  t.ok(published.ok, 'a version added to the adopted YAML line is published', { output: published.text });
  t.equal((await imagesNamed(`${line}-v1.2`)).length, 1, 'v1.2 exists');
  t.match(
    (await glance('platform', 'GET', `/v2/images/${v11}`)).body,
    { os_hidden: true, deprecated: 'true', superseded_by: `${line}-v1.2` },
    'v1.1 is deprecated, superseded by v1.2 and hidden',
  );
});

t.test('adopt --language hcl: terraform-provider-openstack resources with import blocks; tofu plan holds imports only', async (t) => {
  const line = `debian-12-${tag}h`;
  t.teardown(() => removeFamily(line));
  const debian = { ...good, os_distro: 'debian', os_version: '12' };
  const v10 = await make(`${line}-v1.0`, 'shared', { ...debian, deprecated: 'true', superseded_by: `${line}-v1.1` }, true, [line]);
  const v11 = await make(`${line}-v1.1`, 'shared', debian, false, [line, `${line}@latest`]);
  const bare = await make(`Stray ${tag}`, 'private', {});
  t.teardown(() => glance('platform', 'DELETE', `/v2/images/${bare}`));
  const appteam = lab().projects['appteam'] ?? '';
  for (const id of [v10, v11]) await run('image', 'add', 'project', id, appteam);

  const out = join(scratchDir(), 'hcl-catalog');
  const written = await runCommand(
    process.execPath,
    ['bin/image-catalog.js', 'adopt', '--cloud', 'platform', '--include', `${tag}h|Stray ${tag}`, '--language', 'hcl', '--out', out],
    env,
  );
  t.equal(written.code, 0, 'adopt writes the configuration', { stderr: written.stderr });
  t.match(written.stdout, `adopt: 1 line (${line}: 2 versions), each version its own resource`);
  const config = readFileSync(join(out, 'main.tf'), 'utf8');
  t.match(config, `id = "${v10}/${appteam}"`, 'each membership has its import block');
  t.match(config, /# audit: mandatory naming: Stray a\w+: name "Stray a\w+" does not follow/, 'the findings above their resource');

  const found = await locateTool('tofu');
  if (!found.ok) throw new Error(`tofu is needed: ${found.reason}`);
  const tofuEnv = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: lab().clouds };
  const tofu = (...args: string[]) => runCommand(found.path, args, tofuEnv, out);
  t.equal((await tofu('init', '-input=false')).code, 0, 'tofu init (the provider from the mirror)');
  const planned = await tofu('plan', '-input=false', '-out', 'plan');
  t.equal(planned.code, 0, 'tofu plan', { output: planned.stderr });
  const shown = await tofu('show', '-json', 'plan');
  writeFileSync(join(out, 'plan.json'), shown.stdout);
  const changes = (
    JSON.parse(shown.stdout) as { resource_changes: { address: string; change: { actions: string[]; importing?: unknown } }[] }
  ).resource_changes;
  t.equal(changes.length, 5, '3 images and 2 memberships');
  t.same(
    changes.filter((c) => c.change.importing === undefined || c.change.actions.join() !== 'no-op').map((c) => c.address),
    [],
    'every one imported, none created, updated, replaced or deleted',
  );
  const checked = await runCommand(process.execPath, ['bin/image-catalog.js', 'plan-check', join(out, 'plan.json')], env);
  t.equal(checked.code, 0, 'image-catalog plan-check allows it', { output: checked.stdout + checked.stderr });
  const applied = await tofu('apply', '-input=false', 'plan');
  t.equal(applied.code, 0, 'tofu apply imports them', { output: applied.stderr });
  const again = await tofu('plan', '-input=false', '-detailed-exitcode');
  t.equal(again.code, 0, 'the next plan changes nothing', { output: again.stdout });
});

t.test(
  'adopt --language cdktf: a CDK Terrain app of the bindings with importFrom; cdktn diff through the gate holds imports only',
  async (t) => {
    const line = `fedora-41-${tag}c`;
    t.teardown(() => removeFamily(line));
    const fedora = { ...good, os_distro: 'fedora', os_version: '41' };
    const v10 = await make(`${line}-v1.0`, 'shared', { ...fedora, deprecated: 'true', superseded_by: `${line}-v1.1` }, true, [line]);
    const v11 = await make(`${line}-v1.1`, 'shared', fedora, false, [line, `${line}@latest`]);
    const appteam = lab().projects['appteam'] ?? '';
    for (const id of [v10, v11]) await run('image', 'add', 'project', id, appteam);

    const out = join(scratchDir(), 'cdktf-catalog');
    const written = await runCommand(
      process.execPath,
      ['bin/image-catalog.js', 'adopt', '--cloud', 'platform', '--include', `${tag}c`, '--language', 'cdktf', '--out', out],
      env,
    );
    t.equal(written.code, 0, 'adopt writes the app', { stderr: written.stderr });
    const app = readFileSync(join(out, 'main.ts'), 'utf8');
    t.match(app, `.importFrom('${v11}');`, 'each resource is imported');
    t.match(app, 'requireGate(this);', 'the stack requires the gate');

    linkCheckout(out);
    const cdktfRun = (command: string): Promise<{ code: number; stdout: string; stderr: string }> =>
      runCommand(
        'cdktn',
        [command, ...(command === 'deploy' ? ['--auto-approve'] : []), '--skip-provider-lock'],
        cdktfEnv(lab().clouds),
        out,
      );
    const diff = await cdktfRun('diff');
    t.equal(diff.code, 0, 'cdktn diff through the gate', { output: diff.stdout.slice(-3000) + diff.stderr.slice(-3000) });
    t.match(diff.stdout, /Plan: 4 to import, 0 to add, 0 to change, 0 to destroy\./, 'imports only: 2 images and 2 memberships');
    const deploy = await cdktfRun('deploy');
    t.equal(deploy.code, 0, 'cdktn deploy imports them', { output: deploy.stdout.slice(-3000) + deploy.stderr.slice(-3000) });
    t.match(deploy.stdout, /Resources: 4 imported, 0 added, 0 changed, 0 destroyed/);
    const again = await cdktfRun('diff');
    t.match(again.stdout, /No changes/, 'the next diff changes nothing', { output: again.stdout.slice(-2000) });
  },
);

t.test('adopt with stores: a StorageBackend fragment whose stack is gone is imported; stores configured elsewhere are said', async (t) => {
  // A store whose StorageBackend's state is gone: its fragment in glance-api's config folder, no stack holds it.
  const id = `adopt${tag.slice(1, 5)}`;
  const dataDir = join(scratchDir(), `store-${id}`);
  mkdirSync(dataDir);
  const configDir = lab().glanceConfigDir;
  const reloadCommand = [process.execPath, '--import', import.meta.resolve('tsx'), join(repoRoot, 'scripts', 'lab.ts'), 'up'];
  const made = await applyStoreResource(labSession('admin'), id, {
    id,
    type: 'file',
    description: 'adopt test store',
    configDir,
    reloadCommand,
    options: { dataDir },
  });
  let removed = false;
  t.teardown(async () => {
    if (!removed) await deleteStoreResource(labSession('admin'), id, made.inputs);
  });
  const adopt = (...args: string[]) =>
    runCommand(process.execPath, ['bin/image-catalog.js', 'adopt', '--cloud', 'platform', '--include', `^none-${tag}$`, ...args], env);
  const stores = ['--store-config-dir', configDir, '--store-reload-command', JSON.stringify(reloadCommand)];

  const notAdmin = await adopt('--out', join(scratchDir(), 'no-admin'), ...stores);
  t.equal(notAdmin.code, 2, 'a cloud that may not read the stores, and no image: nothing to adopt');
  t.match(notAdmin.stderr, /stores: not read: \/v2\/info\/stores\/detail is admin only .*--store-cloud/);
  const half = await adopt('--out', join(scratchDir(), 'half'), '--store-cloud', 'admin', '--store-config-dir', configDir);
  t.equal(half.code, 2, 'a config folder without the reload command is refused');
  t.match(half.stderr, /--store-config-dir and --store-reload-command go together/);

  const all = await adopt('--out', join(scratchDir(), 'all'), '--store-cloud', 'admin', ...stores);
  t.equal(all.code, 0, 'every store', { stderr: all.stderr });
  t.match(
    all.stdout,
    /adopt: store fast \(file, the default\).*: configured outside .*so it is not written as a StorageBackend/,
    "the lab's own stores are said",
  );

  const out = join(scratchDir(), 'stores');
  const written = await adopt('--out', out, '--store-cloud', 'admin', '--stores', `^${id}$`, ...stores);
  t.equal(written.code, 0, 'adopt writes the store', { stderr: written.stderr });
  t.match(written.stdout, `adopt: 1 StorageBackend (${id}) with their import ids, read with cloud "admin"`);
  const program = readFileSync(join(out, 'index.ts'), 'utf8');
  t.match(program, `new StorageBackend('store-${id}', {\n    storeId: '${id}',`, 'a StorageBackend');
  t.match(program, `dataDir: ${JSON.stringify(dataDir).replaceAll('"', "'")}`, 'its options from the fragment');
  t.match(program, `{ provider: storesProvider, import: '${id}' }`, 'imported with the admin provider');

  const target = await previewsImportsOnly(t, out, 1, 'the store');
  const generated = ((await import(pathToFileURL(join(out, 'index.ts')).href)) as { default: Program }).default;
  const up = await pulumi(target, 'up', generated);
  t.ok(up.ok, 'pulumi up imports it: nothing reloaded', { output: up.text });
  t.equal(up.changes['import'], 1);
  const after = await pulumi(target, 'preview', generated);
  t.same(
    Object.keys(after.changes).filter((op) => op !== 'same'),
    [],
    'the next preview changes nothing',
    { output: after.text },
  );
  const early = await pulumi(target, 'destroy', generated);
  t.notOk(early.ok, 'a destroy right after the import is refused: the state has only what Glance reports');
  t.match(early.text, /configDir, reloadCommand: not in the state \(the store was imported.*run pulumi up once after the import/);
  t.ok(
    (await listStores(labSession('platform'))).some((s) => s.id === id),
    'and the store is left as it was',
  );
  // The run after the import (its import ids removed, as docs/adopt.md says): no change, and the state records the
  // program's config folder, reload command and options (Glance reports none of them).
  const withoutImport = ((await import(pathToFileURL(join(out, 'index.ts')).href)) as { default: Program }).default;
  const again = await pulumi(target, 'up', withoutImport);
  t.same(
    Object.keys(again.changes).filter((op) => op !== 'same'),
    [],
    'the next up changes nothing',
    { output: again.text },
  );
  const destroyed = await pulumi(target, 'destroy', generated);
  t.ok(destroyed.ok, 'the adopted program manages it: destroy removes the store', { output: destroyed.text });
  removed = destroyed.ok;
  t.notOk(
    (await listStores(labSession('platform'))).some((s) => s.id === id),
    'the store is gone from the Image API',
  );
  t.notOk(existsSync(made.outputs.fragment), 'and its fragment from the config folder');
});
