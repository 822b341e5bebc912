/**
 * `image-catalog adopt --language typescript` against the lab: images made with the openstack client only (named
 * by the convention and not, shared with a member, hidden and deprecated, community), the written project's
 * preview (`image-catalog preview --format json`, its steps) holds imports only, `pulumi up` imports them, the next
 * preview changes nothing, and a version added to the written program is published. A non-empty --out is refused.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { openStack, type Program, type StackTarget } from '../../provider/pulumi/automation.js';
import { Image, Provider } from '../../provider/pulumi/index.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, scratchDir, suffix } from '../helpers/lab.js';
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

async function make(name: string, visibility: string, properties: Record<string, string>, hidden = false): Promise<string> {
  const id = await openstackImage('platform', name, { visibility, properties, file: data() });
  if (hidden) await run('image', 'set', '--hidden', id);
  return id;
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
  const appteam = lab().projects['appteam'] ?? '';
  await run('image', 'add', 'project', v11, appteam);

  const out = join(scratchDir(), 'catalog');
  const adopt = (...args: string[]) =>
    runCommand(process.execPath, ['bin/image-catalog.js', 'adopt', '--cloud', 'platform', '--include', tag, ...args], env);
  const written = await adopt('--out', out);
  t.equal(written.code, 0, 'adopt writes the project', { stderr: written.stderr });
  t.match(written.stdout, /adopt: 4 images and 1 membership of project \S+ written to /);
  t.match(written.stdout, `"Image ${tag}" (${bare}): naming, required_metadata`, 'the images that break rules are said');
  const program = readFileSync(join(out, 'index.ts'), 'utf8');
  t.match(program, `{ provider, import: '${v10}' }`, 'each image carries its import id');
  t.match(program, `{ provider, import: '${v11}/${appteam}' }`, 'the membership too');
  t.match(program, /\/\/ audit: mandatory naming: name "Image a\w+" does not follow/, 'a broken rule is said above its image');
  t.match(program, 'source: {\n      imported: true,\n    },', 'the data is said to be imported');

  const again = await adopt('--out', out);
  t.equal(again.code, 2, 'a folder that is not empty is refused');
  t.match(again.stderr, /not empty; nothing was written/);
  t.equal(readFileSync(join(out, 'index.ts'), 'utf8'), program, 'and left as it was');

  // The written project, with the package beside it as an install would put it.
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
  t.same(
    steps.filter((s) => s.type.startsWith('image-catalog:index:')).map((s) => s.op),
    ['import', 'import', 'import', 'import', 'import'],
    'its steps: 4 images and 1 membership imported',
  );
  t.same(
    steps.filter((s) => s.op !== 'import' && s.op !== 'same' && !(s.op === 'create' && /^pulumi:(pulumi:Stack|providers:)/.test(s.type))),
    [],
    'nothing else is created, updated, replaced or deleted (a new stack makes its own stack and provider resources)',
  );

  const generated = ((await import(pathToFileURL(join(out, 'index.ts')).href)) as { default: Program }).default;
  const up = await pulumi(target, 'up', generated);
  t.ok(up.ok, 'pulumi up imports them', { output: up.text });
  t.equal(up.changes['import'], 5, 'five imports');
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

  // Added with a provider of its own (the stack has no image-catalog:cloud): decided and applied as that cloud.
  const withNewVersion: Program = async () => {
    await retire();
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
