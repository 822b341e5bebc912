/**
 * `image-catalog convert --from osism` on osism's real cirros definition (the pinned commit), its urls pointed at
 * files the lab's source server serves and its checksums theirs: the written program (after the one property the
 * catalog's policy requires and osism never sets, as convert says) deploys a line whose versions were fetched and
 * checked against their sha256 before Glance imported them; a version whose checksum is not its data's is refused
 * naming the sha256, and nothing of it is left.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { openStack, type Program, type StackTarget } from '../../provider/pulumi/automation.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, scratchDir, suffix } from '../helpers/lab.js';
import { osismDefinitions } from '../helpers/osism.js';
import { imagesNamed, pulumi, removeFamily } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

const found = osismDefinitions();
const skip = 'reason' in found ? found.reason : false;

t.test(
  "convert --from osism: osism's cirros definition deployed from the lab, each version checked against its sha256",
  { skip },
  async (t) => {
    if (!('dir' in found)) return;
    const profile = `o${suffix().slice(0, 6)}`;
    const family = `cirros-0.6-${profile}`;
    t.teardown(() => removeFamily(family));
    const made: string[] = [];
    t.teardown(() => {
      for (const file of made) rmSync(join(lab().sourceDir, file), { force: true });
    });
    const serve = (name: string): { url: string; sha256: string; sha512: string } => {
      const file = `osism-${profile}-${name}.qcow2`;
      execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', join(lab().sourceDir, file), `${String(16 + made.length)}M`]);
      made.push(file);
      const data = readFileSync(join(lab().sourceDir, file));
      return {
        url: `${lab().sourceUrl}/${file}`,
        sha256: createHash('sha256').update(data).digest('hex'),
        sha512: createHash('sha512').update(data).digest('hex'),
      };
    };

    // The real definition, community (the platform project publishes it; public is an admin's), served from the lab.
    const definition = parse(readFileSync(join(found.dir, 'etc', 'images', 'cirros.yml'), 'utf8')) as {
      images: { visibility: string; versions: { version: string; url: string; checksum: string }[] }[];
    };
    const image = definition.images[0];
    if (image === undefined) throw new Error('cirros.yml has no image');
    image.visibility = 'community';
    const served = new Map(image.versions.map((v) => [v.version, serve(v.version)]));
    for (const v of image.versions) {
      const s = served.get(v.version);
      v.url = s?.url ?? '';
      v.checksum = `sha256:${s?.sha256 ?? ''}`;
    }
    const file = join(scratchDir(), 'cirros.yml');
    writeFileSync(file, stringify(definition));
    const out = join(scratchDir(), 'osism-catalog');
    const converted = await runCommand(process.execPath, [
      'bin/image-catalog.js',
      'convert',
      '--from',
      'osism',
      file,
      '--out',
      out,
      '--profile',
      profile,
    ]);
    t.equal(converted.code, 0, 'convert writes the project', { stderr: converted.stderr });
    t.match(converted.stdout, `convert: 1 line (${family}: 2)`);
    t.match(converted.stdout, /policy: properties\.hw_vif_model is required by the catalog's policy/, 'what the policy will ask is said');

    // As convert says: the property the policy requires, added to the written line.
    const program = readFileSync(join(out, 'index.ts'), 'utf8');
    const completed = program.replace("hypervisor_type: 'qemu',", "hypervisor_type: 'qemu',\n      hw_vif_model: 'virtio',");
    t.not(completed, program, 'the program edited: hw_vif_model added');
    writeFileSync(join(out, 'index.ts'), completed);
    mkdirSync(join(out, 'node_modules'));
    symlinkSync(repoRoot, join(out, 'node_modules', 'image-catalog'));
    const target: StackTarget = { cwd: out, stack: 'osism', stateDir: join(out, 'state'), env: labStackEnv(lab()) };
    const stack = await openStack(target);
    await stack.setConfig('image-catalog:cloud', { value: 'platform' });
    const catalog = ((await import(pathToFileURL(join(out, 'index.ts')).href)) as { default: Program }).default;
    const up = await pulumi(target, 'up', catalog);
    t.ok(up.ok, 'the converted line deploys', { output: up.text });
    const show = async (name: string): Promise<Record<string, unknown>> => {
      const [id] = await imagesNamed(name);
      return (await glance('platform', 'GET', `/v2/images/${id ?? 'none'}`)).body as Record<string, unknown>;
    };
    t.match(
      await show(`${family}-v1.1`),
      {
        visibility: 'community',
        os_hidden: false,
        internal_version: '0.6.3',
        os_hash_value: served.get('0.6.3')?.sha512,
        replace_frequency: 'never',
      },
      "v1.1 is osism's 0.6.3, current, with the data the source holds",
    );
    t.match(
      await show(`${family}-v1.0`),
      { internal_version: '0.6.2', deprecated: 'true', os_hidden: true },
      "v1.0 is osism's 0.6.2, deprecated",
    );

    // A version whose checksum is not its data's: refused before Glance imports it, and nothing of it is left.
    const wrong = serve('0.6.9');
    const withBad = completed.replace(
      /(\n(\s+)versions: \[\n)/,
      (_, head: string, indent: string) =>
        `${head}${indent}  { version: '1.2', source: { url: '${wrong.url}', method: 'glance-direct' }, sha256: '${'f'.repeat(64)}', diskFormat: 'qcow2', buildDate: '2026-12-01' },\n`,
    );
    t.not(withBad, completed, 'the program edited: a version with a wrong checksum');
    writeFileSync(join(out, 'bad.ts'), withBad);
    const bad = ((await import(pathToFileURL(join(out, 'bad.ts')).href)) as { default: Program }).default;
    const refused = await pulumi(target, 'up', bad);
    t.notOk(refused.ok, 'a version whose data does not match its sha256 is refused');
    t.match(refused.text, `the data's sha256 is ${wrong.sha256}, not the pinned ${'f'.repeat(64)}`, 'naming the sha256');
    t.same(await imagesNamed(`${family}-v1.2`), [], 'nothing of it is left');
  },
);

t.test('convert --language hcl or cdktf: refused, nothing written (neither can pin a checksum)', async (t) => {
  const file = join(scratchDir(), 'one.yml');
  writeFileSync(file, 'images: []\n');
  for (const language of ['hcl', 'cdktf']) {
    const out = join(scratchDir(), `convert-${language}`);
    const ran = await runCommand(process.execPath, [
      'bin/image-catalog.js',
      'convert',
      '--from',
      'osism',
      file,
      '--out',
      out,
      '--language',
      language,
    ]);
    t.equal(ran.code, 2, `--language ${language} exits 2`);
    t.match(ran.stderr, `--language ${language}: not written: osism's versions are pinned by checksum`);
    t.notOk(existsSync(out), 'nothing written');
  }
});
