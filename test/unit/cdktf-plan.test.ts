/**
 * A Terraform/OpenTofu plan's resource changes (terraform-provider-openstack 3.4.0's image resources) as the policy
 * envelope's changes: actions, wire names, unknowns; the envelope they make fits its schema.
 */
import t from 'tap';
import { bootLinks, withLiveProperties } from '../../provider/cdktf/decide.js';
import { statusChanges, withDeclaredDeactivation } from '../../provider/cdktf/deactivation.js';
import { actionOf, configAddress, planChanges, type PlanResourceChange } from '../../provider/cdktf/plan.js';
import { buildEnvelope, checkEnvelope } from '../../provider/policy/envelope.js';

const image = {
  name: 'ubuntu-24.04-base-v1.0',
  disk_format: 'qcow2',
  container_format: 'bare',
  visibility: 'shared',
  min_disk_gb: 10,
  min_ram_mb: 0,
  protected: false,
  hidden: false,
  tags: ['golden'],
  properties: { os_distro: 'ubuntu', os_version: '24.04' },
  local_file_path: '/data/ubuntu.qcow2',
  image_cache_path: '/tmp/cache',
};

const changes: PlanResourceChange[] = [
  {
    address: 'openstack_images_image_v2.v10',
    type: 'openstack_images_image_v2',
    change: { actions: ['create'], before: null, after: image, after_unknown: { id: true } },
  },
  {
    address: 'openstack_images_image_v2.v09',
    type: 'openstack_images_image_v2',
    change: {
      actions: ['delete', 'create'],
      before: { ...image, id: 'i-9', name: 'ubuntu-24.04-base-v0.9' },
      after: { ...image, name: 'ubuntu-24.04-base-v0.9', disk_format: 'raw' },
      after_unknown: {},
    },
  },
  {
    address: 'openstack_images_image_access_v2.share',
    type: 'openstack_images_image_access_v2',
    change: { actions: ['create'], before: null, after: { member_id: 'p-2' }, after_unknown: { image_id: true, status: true } },
  },
  {
    address: 'openstack_images_image_v2.same',
    type: 'openstack_images_image_v2',
    change: { actions: ['no-op'], before: image, after: image },
  },
  { address: 'null_resource.x', type: 'null_resource', change: { actions: ['create'], before: null, after: {} } },
];

t.test("a plan's actions are the envelope's", (t) => {
  t.equal(actionOf(['create']), 'create');
  t.equal(actionOf(['update']), 'update');
  t.equal(actionOf(['delete']), 'delete');
  t.equal(actionOf(['delete', 'create']), 'replace');
  t.equal(actionOf(['create', 'delete']), 'replace');
  t.equal(actionOf(['no-op']), undefined);
  t.equal(actionOf(['read']), undefined);
  t.end();
});

t.test('image, member changes in wire names; unknowns marked; no-ops and other types left out', (t) => {
  const made = planChanges(changes);
  t.same(
    made.map((c) => [c.address, c.kind, c.action]),
    [
      ['openstack_images_image_v2.v10', 'image', 'create'],
      ['openstack_images_image_v2.v09', 'image', 'replace'],
      ['openstack_images_image_access_v2.share', 'member', 'create'],
    ],
  );
  const [create, replace, share] = made;
  t.same(
    create?.after,
    {
      name: 'ubuntu-24.04-base-v1.0',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'shared',
      min_disk: 10,
      min_ram: 0,
      protected: false,
      os_hidden: false,
      tags: ['golden'],
      properties: { os_distro: 'ubuntu', os_version: '24.04' },
    },
    'the attributes under Glance names; the id to be assigned and the file and cache paths are no part of it',
  );
  t.equal(create?.before, null);
  t.equal(replace?.before?.['id'], 'i-9');
  t.equal(replace?.after?.['disk_format'], 'raw');
  t.same(share?.after, { status: 'pending', image_id: { $unknown: true }, member_id: 'p-2' });
  const envelope = buildEnvelope({ user_id: 'u', project_id: 'p', roles: ['member'] }, [], made);
  const checked = checkEnvelope(envelope);
  t.ok(checked.ok, 'the envelope fits schemas/policy-input.schema.json', { problems: checked.ok ? [] : checked.problems });
  t.end();
});

t.test('servers and volumes a plan makes: what each boots, by id, name or block device; a server booted from a volume boots none', (t) => {
  const server = (
    address: string,
    after: Record<string, unknown>,
    unknown: Record<string, unknown> = {},
    actions = ['create'],
  ): PlanResourceChange => ({
    address,
    type: 'openstack_compute_instance_v2',
    change: { actions, before: actions[0] === 'create' ? null : { image_id: 'old' }, after, after_unknown: unknown },
  });
  const made = planChanges(
    [
      server('openstack_compute_instance_v2.by_id', { image_id: 'img-1', image_name: 'x', flavor_id: '1' }),
      server('openstack_compute_instance_v2.by_name', { image_id: null, image_name: 'ubuntu-24.04-base-v1.1' }, { image_id: true }),
      server(
        'openstack_compute_instance_v2.from_volume',
        { block_device: [{ source_type: 'volume', uuid: 'vol-1', boot_index: 0 }] },
        { image_id: true, image_name: true },
      ),
      server(
        'openstack_compute_instance_v2.from_image_device',
        { block_device: [{ source_type: 'image', uuid: 'img-2', boot_index: 0 }] },
        { image_id: true, image_name: true },
      ),
      server('openstack_compute_instance_v2.unknown', {}, { image_id: true }),
      server('openstack_compute_instance_v2.moved', { image_id: 'img-3' }, {}, ['delete', 'create']),
      server('openstack_compute_instance_v2.renamed', { image_id: 'img-3' }, {}, ['update']),
      {
        address: 'openstack_blockstorage_volume_v3.disk',
        type: 'openstack_blockstorage_volume_v3',
        change: { actions: ['create'], before: null, after: { image_id: 'img-4', size: 10 } },
      },
      {
        address: 'openstack_blockstorage_volume_v3.blank',
        type: 'openstack_blockstorage_volume_v3',
        change: { actions: ['create'], before: null, after: { size: 10 } },
      },
    ],
    new Map([['openstack_compute_instance_v2.unknown', new Set(['image_id', 'flavor_id'])]]),
  );
  t.same(
    made.map((c) => [c.address, c.kind, c.action, c.after?.['boots']]),
    [
      ['openstack_compute_instance_v2.by_id', 'consumer', 'create', [{ field: 'image_id', id: 'img-1' }]],
      ['openstack_compute_instance_v2.by_name', 'consumer', 'create', [{ field: 'image_name', name: 'ubuntu-24.04-base-v1.1' }]],
      ['openstack_compute_instance_v2.from_image_device', 'consumer', 'create', [{ field: 'block_device.uuid', id: 'img-2' }]],
      ['openstack_compute_instance_v2.unknown', 'consumer', 'create', [{ field: 'image_id', id: { $unknown: true } }]],
      ['openstack_compute_instance_v2.moved', 'consumer', 'replace', [{ field: 'image_id', id: 'img-3' }]],
      ['openstack_blockstorage_volume_v3.disk', 'consumer', 'create', [{ field: 'image_id', id: 'img-4' }]],
    ],
    'an update boots nothing new; a volume without an image and a server from a volume boot none',
  );
  const checked = checkEnvelope(buildEnvelope({ user_id: 'u', project_id: 'p', roles: ['member'] }, [], made));
  t.ok(checked.ok, 'the envelope fits schemas/policy-input.schema.json', { problems: checked.ok ? [] : checked.problems });
  t.end();
});

t.test('what a server boots that is not known until apply is an unknown boot, never left out', (t) => {
  const server = (address: string, after: Record<string, unknown>, unknown: Record<string, unknown>): PlanResourceChange => ({
    address,
    type: 'openstack_compute_instance_v2',
    change: { actions: ['create'], before: null, after, after_unknown: unknown },
  });
  const made = planChanges(
    [
      server('openstack_compute_instance_v2.by_unknown_name', {}, { image_id: true, image_name: true }),
      server('openstack_compute_instance_v2.unknown_devices', {}, { image_id: true, image_name: true, block_device: true }),
      server(
        'openstack_compute_instance_v2.unknown_source',
        { block_device: [{ uuid: 'vol-or-image', boot_index: 0 }] },
        { image_id: true, image_name: true, block_device: [{ source_type: true }] },
      ),
    ],
    new Map([
      ['openstack_compute_instance_v2.by_unknown_name', new Set(['image_name'])],
      ['openstack_compute_instance_v2.unknown_devices', new Set(['block_device'])],
      ['openstack_compute_instance_v2.unknown_source', new Set(['block_device'])],
    ]),
  );
  t.same(
    made.map((c) => [c.address, c.after?.['boots']]),
    [
      ['openstack_compute_instance_v2.by_unknown_name', [{ field: 'image_name', id: { $unknown: true } }]],
      ['openstack_compute_instance_v2.unknown_devices', [{ field: 'block_device.uuid', id: { $unknown: true } }]],
      ['openstack_compute_instance_v2.unknown_source', [{ field: 'block_device.uuid', id: { $unknown: true } }]],
    ],
  );
  t.end();
});

t.test("a CatalogImage's declared deactivation: decided as an update of its status where Glance differs, set on a create", (t) => {
  const kept = (address: string, id: string): PlanResourceChange => ({
    address,
    type: 'openstack_images_image_v2',
    change: {
      actions: ['no-op'],
      before: { ...image, id, status: 'active' },
      after: { ...image, id, status: 'active' },
      after_unknown: {},
    },
  });
  const live = new Map([
    ['i-rev', { id: 'i-rev', status: 'active' }],
    ['i-back', { id: 'i-back', status: 'deactivated' }],
    ['i-same', { id: 'i-same', status: 'deactivated' }],
    ['i-hcl', { id: 'i-hcl', status: 'deactivated' }],
    ['i-queued', { id: 'i-queued', status: 'queued' }],
  ]);
  const declared = new Map([
    ['openstack_images_image_v2.rev', true],
    ['openstack_images_image_v2.back', false],
    ['openstack_images_image_v2.same', true],
    ['openstack_images_image_v2.queued', true],
    ['openstack_images_image_v2.new', true],
  ]);
  const created: PlanResourceChange = {
    address: 'openstack_images_image_v2.new',
    type: 'openstack_images_image_v2',
    change: { actions: ['create'], before: null, after: image, after_unknown: { id: true, status: true } },
  };
  const seen = withDeclaredDeactivation(
    [
      kept('openstack_images_image_v2.rev', 'i-rev'),
      kept('openstack_images_image_v2.back', 'i-back'),
      kept('openstack_images_image_v2.same', 'i-same'),
      kept('openstack_images_image_v2.hcl', 'i-hcl'),
      kept('openstack_images_image_v2.queued', 'i-queued'),
      created,
    ],
    live,
    declared,
    configAddress,
  );
  const decided = planChanges(seen);
  const by = new Map(decided.map((c) => [c.address, c]));
  t.match(
    by.get('openstack_images_image_v2.rev'),
    { action: 'update', before: { status: 'active' }, after: { status: 'deactivated' } },
    'revoked',
  );
  t.match(
    by.get('openstack_images_image_v2.back'),
    { action: 'update', before: { status: 'deactivated' }, after: { status: 'active' } },
    'un-revoked',
  );
  t.notOk(by.has('openstack_images_image_v2.same'), 'deactivated as declared: no change');
  t.notOk(by.has('openstack_images_image_v2.hcl'), 'an image no CatalogImage declares (plain HCL): left as it is');
  t.notOk(by.has('openstack_images_image_v2.queued'), 'an image neither active nor deactivated: not touched');
  t.match(by.get('openstack_images_image_v2.new'), { action: 'create', after: { status: 'deactivated' } }, 'a create declared revoked');
  t.notOk(
    'status' in (planChanges([{ ...created, change: { ...created.change } }])[0]?.after ?? {}),
    "a create's status is Glance's to assign",
  );
  t.end();
});

t.test("a server's ids not known until apply: each boot refers to the plan's image change its own expression names", (t) => {
  const images = ['good', 'old'].map((name): PlanResourceChange => ({
    address: `openstack_images_image_v2.${name}`,
    type: 'openstack_images_image_v2',
    change: { actions: ['create'], before: null, after: image, after_unknown: { id: true } },
  }));
  const server: PlanResourceChange = {
    address: 'openstack_compute_instance_v2.web',
    type: 'openstack_compute_instance_v2',
    change: {
      actions: ['create'],
      before: null,
      after: {
        block_device: [{ source_type: 'image', boot_index: 0 }, { source_type: 'volume', uuid: 'vol-1' }, { source_type: 'image' }],
      },
      after_unknown: { image_id: true, block_device: [{ uuid: true }, {}, { uuid: true }] },
    },
  };
  const plan = {
    format_version: '1.2',
    configuration: {
      root_module: {
        resources: [
          {
            address: 'openstack_compute_instance_v2.web',
            expressions: {
              image_id: { references: ['openstack_images_image_v2.good.id', 'openstack_images_image_v2.good'] },
              block_device: [
                { uuid: { references: ['openstack_images_image_v2.old.id', 'openstack_images_image_v2.old'] } },
                { uuid: { constant_value: 'vol-1' } },
                { uuid: { references: ['var.image'] } },
              ],
            },
          },
        ],
      },
    },
  };
  const links = bootLinks(plan, [...images, server]);
  t.same(links.get('openstack_compute_instance_v2.web'), {
    id: 'openstack_images_image_v2.good',
    devices: ['openstack_images_image_v2.old', undefined, undefined],
  });
  const [made] = planChanges([server], new Map([['openstack_compute_instance_v2.web', new Set(['image_id', 'block_device'])]]), links);
  t.same(made?.after?.['boots'], [
    { field: 'image_id', id: { $unknown: true }, image_address: 'openstack_images_image_v2.good' },
    { field: 'block_device.uuid', id: { $unknown: true }, image_address: 'openstack_images_image_v2.old' },
    { field: 'block_device.uuid', id: { $unknown: true } },
  ]);
  const checked = checkEnvelope(buildEnvelope({ user_id: 'u', project_id: 'p', roles: ['member'] }, [], made === undefined ? [] : [made]));
  t.ok(checked.ok, 'the envelope fits its schema', { problems: checked.ok ? [] : checked.problems });
  t.end();
});

t.test('un-revoked right after the gate deactivated: decided against Glance, not against the state the deactivation left', (t) => {
  const refreshed = { ...image, id: 'i-1', status: 'deactivated', properties: { ...image.properties } };
  const kept: PlanResourceChange = {
    address: 'openstack_images_image_v2.v10',
    type: 'openstack_images_image_v2',
    change: { actions: ['no-op'], before: refreshed, after: refreshed, after_unknown: {} },
  };
  // The state as the apply before the deactivation wrote it: active, Glance's stores in its properties.
  const applied = { ...image, id: 'i-1', status: 'active', properties: { ...image.properties, stores: 'fast' } };
  const seen = withDeclaredDeactivation(
    [kept],
    new Map([['i-1', { id: 'i-1', status: 'deactivated' }]]),
    new Map([['openstack_images_image_v2.v10', false]]),
    configAddress,
  );
  const { changes } = withLiveProperties(seen, new Map(), new Map(), new Map([['openstack_images_image_v2.v10', applied]]));
  t.match(changes, [{ action: 'update', before: { status: 'deactivated' }, after: { status: 'active' } }]);
  t.notOk(Object.keys(changes[0]?.before?.['properties'] ?? {}).includes('stores'), "Glance's stores is no property of the catalog");
  t.same([...statusChanges(changes)], [['openstack_images_image_v2.v10', false]], 'the gate reactivates it after the apply');
  t.same([...statusChanges(planChanges([kept]))], [], 'a change set that decided no status sets none (an apply -refresh-only)');
  t.end();
});
