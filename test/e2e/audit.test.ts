/**
 * `image-catalog audit` against the lab, as a user runs it (bin/image-catalog.js): a project of its own (made with the
 * openstack client, so only this test's images are judged with --owner) holding images made with the openstack
 * client only (a clean one, one that follows no convention, a name used twice, a version published after a newer
 * one, a deprecated one still listed, one past its end of life, a public one in a project where no admin role is
 * held); text, JSON and SARIF (validated by Microsoft's SARIF Multitool); exit codes 0, 1 and 2. With --stack: a
 * stack's image edited by hand is drift (field, applied, live), an image made beside it is unmanaged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { utcToday } from '../../provider/resources/day.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { glance, lab, scratchDir, suffix } from '../helpers/lab.js';
import { e2eStack, familyProgram, imagesNamed, openstackImage, pulumi } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';
import { validateSarif } from '../helpers/sarif.js';

const env = { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds };
const tag = suffix();
const yesterday = utcToday(new Date(Date.now() - 86_400_000));

function openstack(...args: string[]): Promise<string> {
  return runCommand('openstack', ['--os-cloud', 'admin', ...args], env).then((ran) => {
    if (ran.code !== 0) throw new Error(`openstack ${args.join(' ')}: ${ran.stderr}`);
    return ran.stdout.trim();
  });
}

function audit(...args: string[]) {
  return runCommand(process.execPath, ['bin/image-catalog.js', 'audit', ...args], env);
}

const good = ['os_distro=ubuntu', 'os_version=24.04', 'hw_disk_bus=virtio', 'hw_vif_model=virtio', 'description=audit test'];

/** An image record made by the admin for `project` (no data: the audit judges metadata). */
async function image(project: string, name: string, visibility: string, properties: readonly string[], hidden = false): Promise<string> {
  const pairs = properties.map((p): [string, string] => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]);
  const id = await openstackImage('admin', name, { visibility, project, properties: Object.fromEntries(pairs) });
  if (hidden) await openstack('image', 'set', '--hidden', id);
  return id;
}

interface AuditJson {
  judged: number;
  admin_projects: string[] | null;
  notes: string[];
  findings: { image: { id: string; name: string | null }; rule: string; level: string; problems: { field: string; message: string }[] }[];
}

t.test('audit of a live catalog: findings per image and rule, as text, JSON and SARIF, with exit codes', async (t) => {
  const project = await openstack('project', 'create', `audit-${tag}`, '-f', 'value', '-c', 'id');
  t.teardown(async () => {
    const listed = await glance('admin', 'GET', `/v2/images?owner=${project}&limit=100`);
    for (const { id } of (listed.body as { images: { id: string }[] }).images) await glance('admin', 'DELETE', `/v2/images/${id}`);
    for (const { id } of ((await glance('admin', 'GET', `/v2/images?owner=${project}&os_hidden=true`)).body as { images: { id: string }[] })
      .images)
      await glance('admin', 'DELETE', `/v2/images/${id}`);
    await openstack('project', 'delete', project);
  });

  const clean = await image(project, `ubuntu-24.04-a${tag}-v1.0`, 'shared', good);
  const none = await audit('--cloud', 'admin', '--owner', project);
  t.equal(none.code, 0, 'a clean catalog exits 0', { stderr: none.stderr });
  t.match(none.stdout, /1 image judged|1 judged/, 'one image judged');
  t.match(none.stdout, /audit: no finding; 1 image clean/, 'and says so');

  const family = `ubuntu-24.04-b${tag}`;
  const bare = await image(project, `Image ${tag}`, 'private', []);
  const newer = await image(project, `${family}-v1.1`, 'shared', good);
  const older = await image(project, `${family}-v1.0`, 'public', [...good, 'deprecated=true']);
  const quiet = await image(project, `ubuntu-24.04-q${tag}-v1.0`, 'shared', [...good, 'deprecated=true']);
  const twice = await image(project, `ubuntu-24.04-a${tag}-v1.0`, 'private', good);
  const past = await image(project, `ubuntu-24.04-c${tag}-v1.0`, 'shared', [...good, `provided_until=${yesterday}`]);
  const hidden = await image(project, `ubuntu-24.04-d${tag}-v1.0`, 'shared', [...good, 'deprecated=true'], true);
  const publicOne = await image(project, `ubuntu-24.04-e${tag}-v1.0`, 'public', good);

  const text = await audit('--cloud', 'admin', '--owner', project);
  t.equal(text.code, 1, 'mandatory findings exit 1', { stderr: text.stderr });
  t.match(text.stdout, `✖ mandatory  naming  "Image ${tag}" (${bare})`, 'a finding names its rule, image name and id');
  t.match(text.stdout, 'fix: Name the image', "and the rule's remediation");

  const json = await audit('--cloud', 'admin', '--owner', project, '--format', 'json');
  t.equal(json.code, 1);
  const report = JSON.parse(json.stdout) as AuditJson;
  t.equal(report.judged, 9, 'the 9 images of the project judged');
  t.ok(report.admin_projects?.includes(lab().projects['admin'] ?? '-'), 'the admin lists where the admin roles are held');
  const found = new Set(report.findings.map((f) => `${f.image.id} ${f.rule} ${f.problems.map((p) => p.field).join(',')}`));
  t.same(
    [...found].sort(),
    [
      `${bare} naming name`,
      `${bare} required_metadata properties.description,properties.hw_disk_bus,properties.hw_vif_model,properties.os_distro,properties.os_version`,
      `${clean} versioning name`,
      `${twice} versioning name`,
      `${older} lifecycle os_hidden`,
      `${older} versioning name`,
      `${older} public_visibility visibility`,
      `${past} lifecycle properties.deprecated`,
      `${publicOne} public_visibility visibility`,
    ].sort(),
    'one finding per image and rule: no convention, metadata missing, a name twice, out of order, deprecated still listed, past end of life, public without an admin',
  );
  t.notOk(
    report.findings.some((f) => f.image.id === hidden || f.image.id === newer || f.image.id === quiet),
    'a deprecated hidden image, a deprecated shared one without members and the newest version are clean',
  );
  const outOfOrder = report.findings.find((f) => f.image.id === older && f.rule === 'versioning');
  t.match(
    outOfOrder?.problems[0]?.message,
    /^v1\.0 was published \(.*\) after v1\.1 \(image /,
    'the out-of-order version names the newer one',
  );

  const dir = scratchDir();
  const file = join(dir, 'audit.sarif');
  const sarif = await audit('--cloud', 'admin', '--owner', project, '--format', 'sarif', '--sarif', file);
  t.equal(sarif.code, 1);
  const log = JSON.parse(sarif.stdout) as {
    runs: { results: { ruleId: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[];
  };
  t.same(JSON.parse(readFileSync(file, 'utf8')), log, '--sarif writes the same log');
  t.equal(log.runs[0]?.results.length, report.findings.length, 'one result per finding');
  t.ok(
    log.runs[0]?.results.every((r) => r.locations[0]?.logicalLocations[0]?.fullyQualifiedName.startsWith('images/')),
    'each located at its image (a logical location)',
  );
  t.same(validateSarif(file), [], "the SARIF Multitool's validation finds nothing");

  const viewer = await audit('--cloud', 'platform', '--format', 'json');
  t.match(
    JSON.parse(viewer.stdout) as AuditJson,
    { admin_projects: null, notes: [/needs an admin/] },
    'a non-admin is told what it cannot judge',
  );
});

t.test('audit cannot run: exit 2 with the reason', async (t) => {
  const unknown = await audit('--cloud', 'no-such-cloud');
  t.equal(unknown.code, 2, 'an unknown cloud');
  t.match(unknown.stderr, /no-such-cloud/);
  const refused = await runCommand(process.execPath, ['bin/image-catalog.js', 'audit'], {
    ...process.env,
    OS_CLIENT_CONFIG_FILE: join(scratchDir(), 'none.yaml'),
    OS_CLOUD: '',
    OS_AUTH_URL: `${lab().keystoneUrl}/v3`,
    OS_USERNAME: 'platform',
    OS_PASSWORD: 'not-the-password',
    OS_PROJECT_NAME: 'platform',
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
  });
  t.equal(refused.code, 2, 'credentials Keystone refuses');
  t.match(refused.stderr, /could not audit/);
  t.notMatch(refused.stderr, /not-the-password/, 'the password is not in the error');
  const format = await audit('--cloud', 'admin', '--format', 'xml');
  t.equal(format.code, 2, 'an unknown format');
});

t.test("audit --stack: a stack's drift and the images of its owner it does not manage", async (t) => {
  const family = `ubuntu-24.04-s${tag}`;
  const target = await e2eStack(family);
  const dir = scratchDir();
  const data = join(dir, 'one.raw');
  writeFileSync(data, Buffer.alloc(4096, 3));
  const metadata = {
    os_distro: 'ubuntu',
    os_version: '24.04',
    hw_disk_bus: 'virtio',
    hw_vif_model: 'virtio',
    description: 'audit drift test',
  };
  const up = await pulumi(target, 'up', familyProgram(family, { data, metadata }, { '1.0': { minRam: 128 } }));
  t.ok(up.ok, 'the stack made its image', { output: up.text });
  const [managed] = await imagesNamed(`${family}-v1.0`);
  await runCommand(
    'openstack',
    ['--os-cloud', 'platform', 'image', 'set', '--property', 'description=edited by hand', '--min-ram', '64', String(managed)],
    env,
  );
  const unmanaged = await openstackImage('platform', `${family}-v2.0`);
  t.teardown(() => glance('platform', 'DELETE', `/v2/images/${unmanaged}`));

  const args = ['--cloud', 'platform', '--stack', 'e2e', '--cwd', target.cwd, '--state-dir', target.stateDir ?? ''];
  const stackEnv = { ...env, ...labStackEnv(lab()) };
  const json = await runCommand(process.execPath, ['bin/image-catalog.js', 'audit', ...args, '--format', 'json'], stackEnv);
  t.not(json.code, 2, 'the stack is read', { stderr: json.stderr });
  const report = (
    JSON.parse(json.stdout) as {
      stack: { images: number; drifted: { urn: string; id: string; drift: unknown[] }[]; unmanaged: { id: string }[] };
    }
  ).stack;
  t.equal(report.images, 1, 'the stack manages one image');
  t.same(
    report.drifted,
    [
      {
        urn: report.drifted[0]?.urn ?? '',
        id: managed,
        name: `${family}-v1.0`,
        drift: [
          { field: 'minRam', applied: 128, live: 64 },
          { field: 'properties.description', applied: 'audit drift test', live: 'edited by hand' },
        ],
      },
    ],
    'the hand edits are its drift, field by field (applied, live)',
  );
  t.ok(
    report.unmanaged.some((u) => u.id === unmanaged),
    'the image made beside it is not managed by it',
  );
  t.notOk(
    report.unmanaged.some((u) => u.id === managed),
    'its own image is not in that list',
  );
  const text = await runCommand(process.execPath, ['bin/image-catalog.js', 'audit', ...args], stackEnv);
  t.match(text.stdout, `    properties.description: applied "audit drift test", live "edited by hand"`, 'the text says each drifted field');
  t.match(text.stdout, `+ unmanaged  "${family}-v2.0" (${unmanaged})`);
  const missing = await runCommand(
    process.execPath,
    ['bin/image-catalog.js', 'audit', '--cloud', 'platform', '--stack', 'nope', '--cwd', target.cwd, '--state-dir', target.stateDir ?? ''],
    stackEnv,
  );
  t.equal(missing.code, 2, 'a stack that cannot be read exits 2');
  t.match(missing.stderr, /--stack nope/);
});
