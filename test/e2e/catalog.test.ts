/**
 * The main job, as a new user runs it: `npm start` applies the example catalog (index.ts) to the lab; the
 * reference python client sees exactly what the program declares; a second run changes nothing. The test runs
 * it as stack `e2e-catalog` (the same backend, `.pulumi-state/`) so that a developer's own `dev` stack, which
 * lives in the default lab, is left alone; `npm test` points the lab settings at its test lab.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab } from '../helpers/lab.js';
import { imagesNamed, openstack } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

type Row = Record<string, unknown>;

const start = (stack = 'e2e-catalog'): Promise<{ code: number; stdout: string; stderr: string }> =>
  runCommand(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--stack', stack]);

t.test('npm start applies the example catalog; the reference client sees what it declares; a second run changes nothing', async (t) => {
  const first = await start();
  t.equal(first.code, 0, 'npm start succeeds', { output: first.stdout + first.stderr });
  t.match(first.stdout, /NAME\s+VERSION\s+VISIBILITY\s+STATUS\s+HIDDEN\s+MEMBERS/, 'it ends with the catalog table');

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
    await openstack('platform', ['image', 'member', 'list', String(v10['id'])]),
    [],
    'v1.0 has no members (the share follows the version line)',
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
