/**
 * The apply gate's and the plan decision's pure parts: which arguments of apply/destroy go to plan, which real
 * binary runs (never the gate itself), construct paths from cdk.tf.json, each resource's cloud from the plan's
 * provider configurations, and the os_* properties terraform-provider-openstack 3.4.0 would never apply (TPO#1994)
 * decided against what Glance has.
 */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { cloudsOf, withLiveProperties, type PlanJson } from '../../provider/cdktf/decide.js';
import { constructPaths, realTerraform, splitApplyArgs, withConstructPaths } from '../../provider/cdktf/gate.js';
import type { PlanResourceChange } from '../../provider/cdktf/plan.js';
import { movedShareRefusals, sourceRefusals } from '../../provider/cdktf/sources.js';
import { urlSourceProblem } from '../../provider/resources/image/image.js';
import { cdktnTrace } from '../../scripts/start-cdktf.js';
import { localStatePath, localStateProblem } from '../../provider/cdktf/state.js';

t.test('apply/destroy arguments: -auto-approve and a plan file are the gate’s; the rest goes to plan', (t) => {
  t.same(splitApplyArgs(['-auto-approve', '-var=a=1', '-parallelism=4', '-input=false', '-no-color']), {
    planArgs: ['-var=a=1', '-parallelism=4', '-no-color'],
    autoApprove: true,
    planFile: undefined,
    noColor: true,
    parallelism: '-parallelism=4',
  });
  t.equal(splitApplyArgs(['saved.tfplan']).planFile, 'saved.tfplan');
  t.equal(splitApplyArgs([]).autoApprove, false);
  t.end();
});

t.test('the real binary: IMAGE_CATALOG_TERRAFORM, else tofu then terraform on PATH, never the gate itself', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gate-'));
  const [a, b] = [join(dir, 'a'), join(dir, 'b')];
  mkdirSync(a);
  mkdirSync(b);
  writeFileSync(join(b, 'tofu'), '#!/bin/sh\n');
  chmodSync(join(b, 'tofu'), 0o755);
  const gate = join(dir, 'gate.js');
  writeFileSync(gate, '');
  symlinkSync(gate, join(a, 'tofu')); // the gate installed under the name tofu, first on PATH
  const path = `${a}:${b}`;
  t.equal(realTerraform({ PATH: path }, gate), join(b, 'tofu'), 'skips the gate');
  t.equal(realTerraform({ PATH: path, IMAGE_CATALOG_TERRAFORM: '/opt/terraform' }, gate), '/opt/terraform');
  t.throws(() => realTerraform({ PATH: a }, gate), /neither tofu nor terraform/);
  t.end();
});

t.test('construct paths from cdk.tf.json name each violation', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gate-'));
  writeFileSync(
    join(dir, 'cdk.tf.json'),
    JSON.stringify({ resource: { openstack_images_image_v2: { img_ABC: { '//': { metadata: { path: 'catalog/line/v1.0/image' } } } } } }),
  );
  const paths = constructPaths(dir);
  t.same([...paths], [['openstack_images_image_v2.img_ABC', 'catalog/line/v1.0/image']]);
  const v = {
    rule: 'naming' as const,
    level: 'mandatory' as const,
    address: 'openstack_images_image_v2.img_ABC',
    field: 'name',
    message: 'm',
    remediation: 'r',
  };
  t.equal(
    withConstructPaths({ allowed: false, violations: [v] }, paths).violations[0]?.address,
    'catalog/line/v1.0/image (openstack_images_image_v2.img_ABC)',
  );
  t.same(constructPaths(join(dir, 'none')).size, 0, 'no cdk.tf.json (an HCL configuration): addresses as they are');
  t.end();
});

t.test("each resource's cloud comes from its provider configuration in the plan", (t) => {
  const plan: PlanJson = {
    format_version: '1.2',
    configuration: {
      provider_config: {
        openstack: { expressions: { cloud: { constant_value: 'platform' } } },
        'openstack.consumer': { expressions: { cloud: { constant_value: 'appteam' } } },
      },
      root_module: {
        resources: [
          { address: 'openstack_images_image_v2.a', provider_config_key: 'openstack' },
          { address: 'openstack_images_image_access_accept_v2.b', provider_config_key: 'openstack.consumer' },
          { address: 'openstack_images_image_v2.c' },
        ],
      },
    },
  };
  t.same(
    [...cloudsOf(plan)],
    [
      ['openstack_images_image_v2.a', 'platform'],
      ['openstack_images_image_access_accept_v2.b', 'appteam'],
      ['openstack_images_image_v2.c', 'platform'],
    ],
  );
  t.end();
});

t.test('TPO#1994: a declared os_* property Glance does not have is decided as an update from what Glance has', (t) => {
  const state = {
    id: 'i1',
    name: 'ubuntu-24.04-base-v1.1',
    properties: { os_distro: 'ubuntu', os_version: '24.04', hw_vif_model: 'virtio' },
  };
  const noop: PlanResourceChange = {
    address: 'openstack_images_image_v2.v11',
    type: 'openstack_images_image_v2',
    change: { actions: ['no-op'], before: state, after: state },
  };
  const live = new Map([['i1', { id: 'i1', properties: { os_distro: 'ubuntu', os_version: '24.04', hw_vif_model: 'virtio' } }]]);
  const declared = new Map([['openstack_images_image_v2.v11', { ...state.properties, os_version: '24.10' }]]);
  const { changes, notes } = withLiveProperties([noop], live, declared);
  t.equal(changes.length, 1, 'the no-op becomes a change');
  t.match(changes[0], {
    action: 'update',
    before: { properties: { os_version: '24.04' } },
    after: { properties: { os_version: '24.10' } },
  });
  t.match(notes, [/properties\.os_version is "24\.10" in the configuration but "24\.04" in Glance.*TPO#1994/]);

  const same = withLiveProperties([noop], live, new Map([['openstack_images_image_v2.v11', state.properties]]));
  t.same(same.changes, [], 'nothing declared differs: still no change');
  t.same(same.notes, []);
  const unknown = withLiveProperties([noop], new Map(), declared);
  t.same(unknown.changes, [], 'an image Glance does not have (gone, or another cloud) is left to the plan');

  // Glance changed by hand (24.10), the configuration still says what was applied (24.04): nothing to decide, a note.
  const handEdited = new Map([['i1', { id: 'i1', properties: { ...state.properties, os_version: '24.10' } }]]);
  const restore = withLiveProperties([noop], handEdited, new Map([['openstack_images_image_v2.v11', state.properties]]));
  t.same(restore.changes, [], 'putting back what was applied is no change of the catalog');
  t.match(restore.notes, [
    /"24\.10" in Glance \(changed outside the catalog\).*will not put it back.*openstack image set --property os_version=24\.04 i1/,
  ]);

  // 9: TPO's properties carry Glance's own os_hash_* (and os_glance_*): never proposed to be set by hand.
  const withHashes = { ...state.properties, os_hash_algo: 'sha512', os_hash_value: 'ab', os_glance_importing_to_stores: '' };
  const hashes = withLiveProperties([noop], live, new Map([['openstack_images_image_v2.v11', withHashes]]));
  t.same(hashes.notes, [], "no note proposes openstack image set of Glance's own fields");
  t.same(hashes.changes, [], 'and they are no change');
  t.end();
});

t.test("drift: an update's before is what was last applied, so putting back a hand edit is no change", (t) => {
  const applied = { id: 'i1', name: 'x-1-p-v1.0', properties: { description: 'applied' } };
  const refreshed = { ...applied, properties: { description: 'hand edited' } };
  const update: PlanResourceChange = {
    address: 'openstack_images_image_v2.x',
    type: 'openstack_images_image_v2',
    change: { actions: ['update'], before: refreshed, after: applied },
  };
  const { changes } = withLiveProperties([update], new Map(), new Map(), new Map([['openstack_images_image_v2.x', applied]]));
  t.match(changes, [
    { action: 'update', before: { properties: { description: 'applied' } }, after: { properties: { description: 'applied' } } },
  ]);
  t.end();
});

t.test('a resource only the state still has is decided as the provider the state records', (t) => {
  const plan: PlanJson = {
    format_version: '1.2',
    configuration: {
      provider_config: {
        openstack: {
          full_name: 'registry.opentofu.org/terraform-provider-openstack/openstack',
          expressions: { cloud: { constant_value: 'platform' } },
        },
        'openstack.admin': {
          full_name: 'registry.opentofu.org/terraform-provider-openstack/openstack',
          alias: 'admin',
          expressions: { cloud: { constant_value: 'admin' } },
        },
      },
      root_module: { resources: [] },
    },
  };
  const state = new Map([
    ['openstack_images_image_v2.gone', 'provider["registry.opentofu.org/terraform-provider-openstack/openstack"].admin'],
    ['openstack_images_image_v2.plain', 'provider["registry.opentofu.org/terraform-provider-openstack/openstack"]'],
  ]);
  t.same(
    [...cloudsOf(plan, state)],
    [
      ['openstack_images_image_v2.gone', 'admin'],
      ['openstack_images_image_v2.plain', 'platform'],
    ],
  );
  t.end();
});

t.test('a local state a killed deploy left empty or cut off: the way back, never a parse error', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-state-'));
  const state = join(dir, 'terraform.catalog.tfstate');
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ terraform: { backend: { local: { path: state } } } }));
  t.equal(localStatePath(dir), state, 'the local backend path of cdk.tf.json');
  t.equal(localStateProblem(state), undefined, 'no state yet: a first deploy');
  writeFileSync(state, JSON.stringify({ version: 4, serial: 7, resources: [{}, {}] }));
  t.equal(localStateProblem(state), undefined, 'a state');
  writeFileSync(state, '');
  t.match(localStateProblem(state), /is empty \(0 bytes\).*there is no backup of it: move it away/, 'empty, no backup');
  writeFileSync(`${state}.backup`, JSON.stringify({ version: 4, serial: 6, resources: [{}] }));
  t.match(
    localStateProblem(state),
    /tofu's backup .*\.backup holds the state before that run \(serial 6, 1 resource\(s\)\): put it back \(cp /,
  );
  writeFileSync(state, '{"version": 4, "ser');
  t.match(localStateProblem(state), /is not a Terraform state \(cut off, or not JSON\)/, 'cut off');
  t.end();
});

t.test('the sources of the images a plan creates: a file that is not there is refused, with its address', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-sources-'));
  writeFileSync(join(dir, 'here.qcow2'), 'x');
  const image = (address: string, after: Record<string, unknown>, actions = ['create']): PlanResourceChange => ({
    address,
    mode: 'managed',
    type: 'openstack_images_image_v2',
    change: { actions, before: null, after },
  });
  const plan: PlanJson = {
    format_version: '1.2',
    resource_changes: [
      image('openstack_images_image_v2.here', { local_file_path: 'here.qcow2' }),
      image('openstack_images_image_v2.gone', { local_file_path: '../gone.qcow2' }),
      image('openstack_images_image_v2.kept', { local_file_path: 'gone-too.qcow2' }, ['no-op']),
    ],
  };
  t.same(await sourceRefusals(plan, dir), [
    `openstack_images_image_v2.gone: local_file_path: ${join(dir, '..', 'gone.qcow2')}: there is no such file (rule: file)`,
  ]);
});

t.test('a url source: 200 to HEAD, or 206 to a ranged GET where HEAD is refused; a 404 is refused with both statuses', async (t) => {
  const server = createServer((req, res) => {
    if (req.url === '/image.qcow2') res.writeHead(200).end(req.method === 'HEAD' ? undefined : 'data');
    else if (req.url === '/no-head.qcow2' && req.method === 'HEAD') res.writeHead(405).end();
    else if (req.url === '/no-head.qcow2') res.writeHead(req.headers.range === 'bytes=0-0' ? 206 : 200).end('d');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.equal(await urlSourceProblem(`${base}/image.qcow2`), undefined);
  t.equal(await urlSourceProblem(`${base}/no-head.qcow2`), undefined);
  t.same(await urlSourceProblem(`${base}/missing.qcow2`), {
    field: 'source.url',
    rule: 'source',
    message: `${base}/missing.qcow2 answered 404 to a HEAD, then answered 404 to a ranged GET: Glance could not download it`,
  });
});

t.test("start:cdktf leaves out cdktn's own trace of a failure it already said, keeping every other line", (t) => {
  const drop = cdktnTrace();
  const lines = [
    'ERROR [catalog/no-vif]: catalog policy mandatory [required_metadata] properties.hw_vif_model: missing (fix: add it)',
    'Error: While synthesizing one or more error annotations have been encountered. Please check the log output above.',
    '    at Isr (/work/node_modules/@cdktn/cli-core/src/lib/synth.ts:51:11)',
    'Collecting Debug Information...',
    'node:internal/process/promises:394',
    '    triggerUncaughtException(err, true /* fromPromise */);',
    'Error: While synthesizing one or more error annotations have been encountered. Please check the log output above.',
    'Node.js v24.22.3',
  ];
  t.same(
    lines.filter((line) => !drop(line)),
    lines.slice(0, 2),
    'the finding and cdktn’s one line; its trace, the banner and the repeated error left out',
  );
  t.end();
});

t.test('a share 0.3 made, moved onto another image in the plan that upgrades: refused with the way (deploy the upgrade first)', (t) => {
  const member = (address: string, actions: string[], previous?: string): PlanResourceChange => ({
    address,
    type: 'openstack_images_image_access_v2',
    ...(previous === undefined ? {} : { previous_address: previous }),
    change: { actions, before: { image_id: 'img-1', member_id: 'm' }, after: { image_id: 'img-2', member_id: 'm' } },
  });
  const plan = (changes: PlanResourceChange[]): PlanJson => ({ format_version: '1.2', resource_changes: changes });
  t.same(
    movedShareRefusals(
      plan([member('openstack_images_image_access_v2.v11_share', ['delete', 'create'], 'openstack_images_image_access_v2.share')]),
    ),
    [
      'openstack_images_image_access_v2.v11_share: image_id: the share openstack_images_image_access_v2.share (made by 0.3) moves here with another image, ' +
        'a version added in the same run as the upgrade: deploy the upgrade with the versions the stack has first, then add the version (rule: moved)',
    ],
  );
  t.same(
    movedShareRefusals(plan([member('openstack_images_image_access_v2.v11_share', ['no-op'], 'openstack_images_image_access_v2.share')])),
    [],
    'moved onto the same image: nothing to refuse',
  );
  t.same(
    movedShareRefusals(plan([member('openstack_images_image_access_v2.x', ['delete', 'create'])])),
    [],
    'a replace that no moved block makes',
  );
  t.end();
});
