/**
 * The CDKTF example deployed to the test lab with the real `cdktn deploy`, as a new user runs it
 * (`npm run start:cdktf`, here on a copy of examples/cdktf with a profile suffix of its own): the reference
 * `openstack` client sees what it declares, a second deploy changes nothing, and each of these stops before any
 * change (checked through the API): editing a published image's os_version (the gate, from the plan), a public
 * image by a non-admin, a version lower than the live latest, a missing hw_vif_model (synth, checkCatalog), and
 * destroying published images that are not deprecated (the gate); `cdktn diff` shows the gate's decision. Deployed
 * without the gate, the app fails closed; `image-catalog pr-check --cdktf` reports the os_version edit on the line
 * that declares the image. A property changed by hand in Glance is put back, and a deprecated
 * version taken out of the app is deleted as the cloud that made it. No lab password, Keystone token or GitHub
 * token is in what pr-check printed or sent, nor in any file cdktn and tofu wrote (synth output, plans, state).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { cdktfEnv, exampleDir } from '../../scripts/start-cdktf.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { glance, lab, scratchDir, suffix } from '../helpers/lab.js';
import { imagesNamed, openstack } from '../helpers/pulumi.js';
import { localGitHub } from '../helpers/github.js';
import { prCheck } from '../helpers/pr-check.js';
import { destroyPastTheGate } from '../helpers/cdktf.js';
import { runCommand, type Ran } from '../helpers/run.js';
import { validateSarif } from '../helpers/sarif.js';
import { filesText, gitHubText, labSecrets, leaks } from '../helpers/secrets.js';

type Row = Record<string, unknown>;

const tag = `t${suffix().slice(0, 6)}`;
const dir = scratchDir();
for (const file of ['main.ts', 'cdktf.json', 'package.json', 'tsconfig.json']) copyFileSync(join(exampleDir, file), join(dir, file));
const original = readFileSync(join(dir, 'main.ts'), 'utf8');
const env = { ...process.env, CATALOG_PROFILE_SUFFIX: tag, CATALOG_DATA_DIR: join(repoRoot, '.image-data') };

const startCdktf = (...args: string[]): Promise<Ran> =>
  runCommand(process.execPath, ['--import', 'tsx', 'scripts/start-cdktf.ts', '--dir', dir, ...args], env);

/** main.ts with `code` inserted before the outputs (new constructs in the Catalog stack). */
function withExtra(code: string): void {
  const at = original.indexOf('    const images = [');
  writeFileSync(join(dir, 'main.ts'), `${original.slice(0, at)}${code}\n${original.slice(at)}`);
}

/** What Glance has of this run's images: id, status, update time and properties, by name. */
async function snapshot(): Promise<string> {
  const rows: Row[] = [];
  for (const id of await imagesNamed('')) {
    const image = (await glance('admin', 'GET', `/v2/images/${id}`)).body as Row;
    if (String(image['name']).includes(`-${tag}-`)) rows.push(image);
  }
  return JSON.stringify(rows.sort((a, b) => String(a['name']).localeCompare(String(b['name']))));
}

t.teardown(() => destroyPastTheGate(dir, env));

t.test('npm run start:cdktf deploys the example; the reference client sees it; a second deploy changes nothing', async (t) => {
  const first = await startCdktf();
  t.equal(first.code, 0, 'the deploy succeeds', { output: first.stdout.slice(-4000) + first.stderr.slice(-4000) });
  t.match(first.stdout, /image-catalog gate: \d+ change\(s\) of the catalog decided/, 'the gate decided the plan');
  t.match(
    first.stdout,
    /NAME\s+VERSION\s+REGION\s+VISIBILITY\s+STATUS\s+HIDDEN\s+CHANNELS\s+END OF LIFE\s+MEMBERS/,
    'it ends with the catalog table',
  );

  const projects = lab().projects;
  const show = async (owner: string, name: string): Promise<Row> => (await openstack(owner, ['image', 'show', name])) as Row;
  const v10 = await show('platform', `ubuntu-24.04-base-${tag}-v1.0`);
  const v11 = await show('platform', `ubuntu-24.04-base-${tag}-v1.1`);
  const tools = await show('platform', `debian-12-tools-${tag}-v1.0`);
  const cirros = await show('admin', `cirros-0.6-tiny-${tag}-v1.0`);
  t.match(
    v10,
    {
      status: 'active',
      visibility: 'shared',
      owner: projects['platform'],
      properties: { os_hidden: true, deprecated: 'true', superseded_by: `ubuntu-24.04-base-${tag}-v1.1` },
    },
    'v1.0: deprecated, superseded by v1.1, hidden',
  );
  t.match(
    v11,
    {
      status: 'active',
      visibility: 'shared',
      properties: { os_hidden: false, os_distro: 'ubuntu', os_version: '24.04', hw_vif_model: 'virtio' },
    },
    'v1.1: current',
  );
  t.notOk((v11['properties'] as Row)['deprecated'], 'v1.1 is not deprecated');
  t.match(tools, { status: 'active', visibility: 'community', owner: projects['platform'] }, 'the community image');
  t.match(cirros, { status: 'active', visibility: 'public', owner: projects['admin'] }, 'the public image, made with the admin cloud');
  const members = (await openstack('platform', ['image', 'member', 'list', String(v11['id'])])) as Row[];
  t.match(members, [{ 'Member ID': projects['appteam'], Status: 'accepted' }], 'v1.1 shared with appteam and accepted');
  const stores = ((await glance('admin', 'GET', '/v2/info/stores')).body as { stores: Row[] }).stores;
  for (const id of [`golden_${tag}`, `archive_${tag}`])
    t.ok(
      stores.some((s) => s['id'] === id),
      `store ${id} is live`,
    );

  const second = await startCdktf();
  t.equal(second.code, 0, 'the second deploy succeeds', { output: second.stderr.slice(-4000) });
  t.match(second.stdout, /No changes\./, 'tofu finds no change');
  t.match(second.stdout, /0 added, 0 changed, 0 destroyed/, 'and applies none');
});

t.test('deployed without the gate, the app fails closed before any change', async (t) => {
  const before = await snapshot();
  const tofu = await locateTool('tofu');
  if (!tofu.ok) throw new Error(tofu.reason);
  const ran = await runCommand(
    'cdktn',
    ['deploy', '--auto-approve', '--skip-provider-lock'],
    cdktfEnv(lab().clouds, { ...env, TERRAFORM_BINARY_NAME: tofu.path }),
    dir,
  );
  t.not(ran.code, 0, 'the deploy fails');
  t.match(ran.stdout + ran.stderr, /image_catalog_gate/, 'naming the gate variable');
  t.equal(await snapshot(), before, 'nothing changed in Glance');
});

const blocked: { name: string; code: string; expect: RegExp[]; absent?: RegExp[]; command?: string }[] = [
  {
    name: "editing a published image's os_version (the gate, from the plan)",
    code: `    ubuntu.images['1.1']?.resource.addOverride('properties.os_version', '24.10');`,
    expect: [
      /mandatory\s+immutability\s+catalog\/ubuntu-base\/v1\.1\/image \(openstack_images_image_v2\..*properties\.os_version/,
      /TPO#1994/,
      /nothing was applied/,
    ],
  },
  {
    // Three constructs in one app: synth decides each and annotates each (one synth instead of three).
    name: 'a public image by a non-admin, a version lower than the live latest, a missing hw_vif_model (synth)',
    code: [
      `    new CatalogImage(this, 'public-by-member', { os: 'alpine', osVersion: '3.20', profile: profile('pub'), version: '1.0', visibility: 'public', source: { file: qcow2(dataDir, 'debian-12-tools-v1.0', '1G') }, properties: { ...common, description: 'x' } });`,
      `    new CatalogImage(this, 'older', { os: 'ubuntu', osVersion: '24.04', profile: profile('base'), version: '0.9', visibility: 'shared', source: { file: qcow2(dataDir, 'ubuntu-24.04-base-v1.0', '1G') }, properties: { ...common, description: 'x' } });`,
      `    new CatalogImage(this, 'no-vif', { os: 'rocky', osVersion: '9', profile: profile('novif'), version: '1.0', source: { file: qcow2(dataDir, 'debian-12-tools-v1.0', '1G') }, properties: { hw_disk_bus: 'virtio', description: 'x' } });`,
    ].join('\n'),
    expect: [
      /catalog\/public-by-member\]: catalog policy mandatory \[public_visibility\] visibility/,
      /catalog\/older\]: catalog policy mandatory \[versioning\]/,
      /catalog\/no-vif\]: catalog policy mandatory \[required_metadata\] properties\.hw_vif_model/,
    ],
    // Each finding once, as the Pulumi path prints it: no stack trace of this package's or cdktn's frames.
    absent: [/at checkCatalog|at CatalogPolicyAspect|provider\/cdktf\/policy\.ts:\d+/, /UnhandledPromiseRejection/],
  },
  {
    name: 'a source file that is not there (synth, as the Pulumi check refuses it; no record made)',
    code: `    new CatalogImage(this, 'gone-file', { os: 'almalinux', osVersion: '9', profile: profile('gone'), version: '1.0', source: { file: '/nonexistent/alma-9.qcow2' }, properties: { ...common, description: 'x' } });`,
    expect: [/catalog\/gone-file\]: source\.file: \/nonexistent\/alma-9\.qcow2: there is no such file \(rule: file\)/],
    absent: [/at new CatalogImage|provider\/cdktf\/image\.ts:\d+/, /UnhandledPromiseRejection/],
  },
  {
    name: 'a web-download URL that answers 404 (the gate, before any API call; no import left waiting)',
    code: `    new CatalogImage(this, 'gone-url', { os: 'almalinux', osVersion: '9', profile: profile('url'), version: '1.0', source: { url: '${new URL(`missing-${tag}.qcow2`, `${lab().sourceUrl}/`).href}' }, properties: { ...common, description: 'x' } });`,
    expect: [
      /openstack_images_image_v2\.[\w-]+( \([\w/-]+\))?: image_source_url: http:\/\/127\.0\.0\.1:\d+\/missing-\w+\.qcow2 answered 404 to a HEAD, then answered 404 to a ranged GET/,
      /1 image source\(s\) cannot be read, so their images cannot be made: nothing was applied/,
    ],
    absent: [/run tofu apply/, /UnhandledPromiseRejection/],
  },
  {
    name: 'cdktn diff of that edit (the gate decides plans too, and keeps no blocked plan to apply)',
    code: `    ubuntu.images['1.1']?.resource.addOverride('properties.os_version', '24.10');`,
    command: 'diff',
    expect: [/mandatory\s+immutability\s+catalog\/ubuntu-base\/v1\.1\/image/, /was removed, so it cannot be applied/],
  },
  {
    name: 'destroying published images that are not deprecated (the gate)',
    code: '',
    command: 'destroy',
    expect: [/mandatory\s+immutability\s+catalog\/ubuntu-base\/v1\.1\/image/, /nothing was applied/],
  },
];

for (const c of blocked) {
  t.test(`stops before any change: ${c.name}`, async (t) => {
    withExtra(c.code);
    const before = await snapshot();
    const ran = await startCdktf(...(c.command === undefined ? [] : [c.command]));
    const output = ran.stdout + ran.stderr;
    t.not(ran.code, 0, 'the deploy fails', { output: output.slice(-6000) });
    for (const pattern of c.expect) t.match(output, pattern, `it says ${String(pattern)}`);
    for (const pattern of c.absent ?? []) t.notMatch(output, pattern, `and not ${String(pattern)}`);
    t.equal(await snapshot(), before, 'nothing changed in Glance');
  });
}

t.test('pr-check --cdktf: the PR that edits a published image is blocked, annotated on the line that declares it', async (t) => {
  const github = await localGitHub();
  const start = original.split('\n').findIndex((l) => l.includes("const ubuntu = new VersionLine(this, 'ubuntu-base'"));
  // 10: os_version's line in the version line: its osVersion (the line GitHub shows in the diff of such an edit).
  const line = original.split('\n').findIndex((l, i) => i > start && l.includes("osVersion: '24.04'")) + 1;
  withExtra(`    ubuntu.images['1.1']?.resource.addOverride('properties.os_version', '24.10');`);
  const before = await snapshot();
  const sarif = join(dir, 'check.sarif');
  const ran = await prCheck(['--cdktf', dir, '--report', 'check-run,comment', '--sarif', sarif], {
    github,
    workspace: dir,
    env: await toolEnv(cdktfEnv(lab().clouds, env)),
  });
  t.equal(ran.code, 1, 'exit 1 (blocked)', { output: (ran.stdout + ran.stderr).slice(-6000) });
  const run = [...github.state.checkRuns.values()][0];
  t.match(run?.run, { conclusion: 'failure' });
  t.match(
    run?.annotations,
    [{ path: 'main.ts', start_line: line, annotation_level: 'failure', title: 'immutability properties.os_version' }],
    `on main.ts line ${line}, the osVersion of the new VersionLine(...) that declares v1.1`,
  );
  t.match(ran.stdout, /catalog\/ubuntu-base\/v1\.1\/image \(openstack_images_image_v2\.[\w-]+\) \(main\.ts:\d+\)/, 'the construct path');
  t.equal(github.state.comments.length, 1, 'the PR comment');
  t.same(validateSarif(sarif), [], 'SARIF valid for the SARIF Multitool');
  t.equal(await snapshot(), before, 'nothing changed in Glance');
  const secrets = [...labSecrets(), 'ghs_writer'];
  t.same(
    [
      ...leaks(
        'what pr-check printed, summarised and wrote',
        [ran.stdout, ran.stderr, ran.summary, readFileSync(sarif, 'utf8')].join('\n'),
        secrets,
      ),
      ...leaks('what GitHub received', gitHubText(github.state), secrets),
    ],
    [],
    'no lab password, Keystone token or GitHub token in its outputs',
  );
});

t.test(
  'a revoked version: shown by diff, decided with the plan, deactivated after the apply; un-revoked at once, reactivated',
  async (t) => {
    const name = `ubuntu-24.04-base-${tag}-v1.0`;
    const [id] = await imagesNamed(name);
    const entry = "version: '1.0',\n          source: { file: qcow2(dataDir, 'ubuntu-24.04-base-v1.0'";
    t.ok(original.includes(entry), "the example's v1.0 entry");
    const status = async (): Promise<unknown> => ((await glance('platform', 'GET', `/v2/images/${String(id)}`)).body as Row)['status'];
    writeFileSync(
      join(dir, 'main.ts'),
      original.replace(entry, entry.replace("version: '1.0',", "version: '1.0',\n          revoked: true,")),
    );
    const diff = await startCdktf('diff');
    t.match(
      diff.stdout + diff.stderr,
      // (cdktn adds the construct path to each address it prints)
      /image-catalog gate: note: catalog\/ubuntu-base\/v1\.0\/image \(openstack_images_image_v2\.[\w-]+.*\): revoked: deactivated after the apply/,
      "cdktn diff shows what tofu's plan cannot",
    );
    t.equal(await status(), 'active', 'a diff changes nothing');
    const revoked = await startCdktf();
    const text = revoked.stdout + revoked.stderr;
    t.equal(revoked.code, 0, 'the deploy succeeds', { output: text.slice(-4000) });
    t.match(text, /image-catalog gate: 1 change\(s\) of the catalog decided/, 'the revocation is decided with the plan');
    t.match(
      text,
      new RegExp(`image-catalog gate: deactivated ${name} \\(${String(id)}\\): revoked, so no new server boots it`),
      'and said',
    );
    t.equal(await status(), 'deactivated', 'v1.0 is deactivated in Glance');
    // Un-revoked right away: the state still has what Glance said of the active image (its stores), which is no change.
    writeFileSync(join(dir, 'main.ts'), original);
    const back = await startCdktf();
    const backText = back.stdout + back.stderr;
    t.equal(back.code, 0, 'un-revoked at once: the deploy succeeds', { output: backText.slice(-4000) });
    t.notMatch(backText, /properties\.stores/, "Glance's own fields are no change of the catalog");
    t.match(backText, new RegExp(`image-catalog gate: reactivated ${name} \\(${String(id)}\\): no longer revoked`), 'reactivated, said');
    t.equal(await status(), 'active', 'v1.0 is active again');
    const again = await startCdktf();
    t.equal(again.code, 0, 'the next deploy succeeds', { output: (again.stdout + again.stderr).slice(-3000) });
    t.notMatch(again.stdout + again.stderr, /deactivated ubuntu|reactivated/, 'and changes no status');
  },
);

t.test(
  'one deploy puts back a property changed by hand (drift is no change of the catalog) and deletes a deprecated version taken out of the app, as the cloud that made it (OS_CLOUD unset)',
  async (t) => {
    const name = `ubuntu-24.04-base-${tag}-v1.1`;
    const [id] = await imagesNamed(name);
    const patch = [{ op: 'replace', path: '/description', value: 'hand edited' }];
    await glance('platform', 'PATCH', `/v2/images/${String(id)}`, patch, 'application/openstack-images-v2.1-json-patch');
    t.match(await openstack('platform', ['image', 'show', name]), { properties: { description: 'hand edited' } }, 'edited by hand');
    // The version's entry, from its `{` to its `},` (one indentation deeper than the `versions: [`).
    const entry = /\n( +)\{\n +version: '1\.0',\n[\s\S]*?\n\1\},/.exec(original);
    t.ok(entry, 'the example declares v1.0 in one entry of versions');
    writeFileSync(join(dir, 'main.ts'), original.replace(entry?.[0] ?? '', ''));
    const ran = await runCommand(process.execPath, ['--import', 'tsx', 'scripts/start-cdktf.ts', '--dir', dir], { ...env, OS_CLOUD: '' });
    t.equal(ran.code, 0, 'the deploy succeeds', { output: (ran.stdout + ran.stderr).slice(-4000) });
    t.match(await openstack('platform', ['image', 'show', name]), { properties: { description: 'Ubuntu 24.04 base image' } }, 'put back');
    t.same(await imagesNamed(`ubuntu-24.04-base-${tag}-v1.0`), [], 'v1.0 is gone from Glance');
  },
);

t.test('no lab password or Keystone token in what cdktn and tofu wrote (synth output, plans, state)', (t) => {
  const written = filesText(dir);
  t.match(written, /"openstack_images_image_v2"/, `the synth output and the state were read (${written.length} characters)`);
  t.same(leaks(`the files under ${dir}`, written, labSecrets()), [], 'none found');
  t.end();
});
