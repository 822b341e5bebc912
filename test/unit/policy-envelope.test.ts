import { readFileSync } from 'node:fs';
import t from 'tap';
import { changeKinds, checkEnvelope, familyKey, narrowCatalog, type Envelope } from '../../provider/policy/envelope.js';
import { formatDecision } from '../../provider/policy/decision.js';

const image = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  disk_format: 'qcow2',
  container_format: 'bare',
  ...extra,
});

function envelope(changes: Envelope['changes'], images: Record<string, unknown>[]): Envelope {
  return { principal: { user_id: 'u', project_id: 'p', roles: ['member'] }, changes, catalog: { images } };
}

t.test('a well-formed envelope passes the schema', (t) => {
  const result = checkEnvelope(
    envelope([{ address: 'a', kind: 'image', action: 'create', before: null, after: image('ubuntu-24.04-base-v1.0') }], []),
  );
  t.ok(result.ok);
  t.end();
});

t.test('schema problems name the field: a create with a before, a bad visibility, a missing principal field', (t) => {
  const bad = {
    principal: { user_id: 'u', roles: ['member'] },
    changes: [{ address: 'a', kind: 'image', action: 'create', before: image('x'), after: image('y', { visibility: 'everyone' }) }],
    catalog: { images: [] },
  };
  const result = checkEnvelope(bad);
  t.notOk(result.ok);
  const fields = result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
  t.ok(fields.includes('principal.project_id: is required'), 'the missing project_id is named');
  t.ok(fields.includes('changes[0].before: must be null'), 'a create with a before is refused');
  t.ok(
    fields.some((f) => f.startsWith('changes[0].after.visibility: must be one of "private", "shared", "community", "public"')),
    'the bad visibility is named with the allowed values',
  );
  t.end();
});

t.test('a catalog image without an id is refused, with its index', (t) => {
  const result = checkEnvelope(envelope([], [{ name: 'x' }]));
  t.same(result.ok ? [] : result.problems, [{ field: 'catalog.images[0].id', message: 'is required' }]);
  t.end();
});

t.test('familyKey strips the version suffix and reads the numbers without leading zeros', (t) => {
  t.same(familyKey('ubuntu-24.04-base-v1.10'), { key: 'ubuntu-24.04-base', version: ['1', '10'] });
  t.same(familyKey('ubuntu-24.04-base-v01.002'), { key: 'ubuntu-24.04-base', version: ['1', '2'] });
  t.same(familyKey('cirros'), { key: 'cirros', version: undefined });
  t.end();
});

t.test('the narrowed catalog keeps the two highest versions of each changed family and the images with the same name', (t) => {
  const live = [
    { id: '1', name: 'ubuntu-24.04-base-v1.2' },
    { id: '2', name: 'ubuntu-24.04-base-v1.10' },
    { id: '3', name: 'ubuntu-24.04-base-v1.9' },
    { id: '4', name: 'debian-12-base-v3.0' },
    { id: '5', name: 'odd-name' },
  ];
  const env = envelope([{ address: 'a', kind: 'image', action: 'create', before: null, after: image('ubuntu-24.04-base-v2.0') }], live);
  t.same(
    narrowCatalog(env).catalog.images.map((i) => i['id']),
    ['2', '3'],
  );
  const rename = envelope([{ address: 'b', kind: 'image', action: 'create', before: null, after: image('odd-name') }], live);
  t.same(
    narrowCatalog(rename).catalog.images.map((i) => i['id']),
    ['5'],
  );
  t.end();
});

t.test('the text form gives one block per violation, mandatory first, and the verdict', (t) => {
  const text = formatDecision({
    allowed: false,
    violations: [
      {
        rule: 'required_metadata',
        level: 'advisory',
        address: 'image.b',
        field: 'properties.description',
        message: 'properties.description is missing',
        remediation: 'Set it.',
      },
      {
        rule: 'naming',
        level: 'mandatory',
        address: 'image.a',
        field: 'name',
        message: 'name "x" does not follow',
        remediation: 'Rename it.',
      },
    ],
  });
  t.equal(
    text,
    [
      '✖ mandatory  naming  image.a  name\n  name "x" does not follow\n  fix: Rename it.',
      '! advisory  required_metadata  image.b  properties.description\n  properties.description is missing\n  fix: Set it.',
      'policy: blocked by 1 mandatory violation (and 1 advisory)',
    ].join('\n\n') + '\n',
  );
  t.end();
});

t.test("the schema's change kinds are the envelope's: the catalog's resource kinds and consumer", (t) => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/policy-input.schema.json', import.meta.url), 'utf8')) as {
    $defs: { change: { properties: { kind: { enum: string[] } } } };
  };
  t.same(schema.$defs.change.properties.kind.enum, changeKinds);
  t.end();
});

t.test('narrowing keeps the images a server boots, by id and by name', (t) => {
  const images = [
    { id: 'a', name: 'ubuntu-24.04-base-v1.0' },
    { id: 'b', name: 'ubuntu-24.04-base-v1.1' },
    { id: 'c', name: 'other-1-base-v1.0' },
  ];
  const consumer = (boots: unknown[]): Envelope['changes'][number] => ({
    address: 'openstack_compute_instance_v2.web',
    kind: 'consumer',
    action: 'create',
    before: null,
    after: { resource_type: 'openstack_compute_instance_v2', boots },
  });
  const narrowed = narrowCatalog(
    envelope([consumer([{ field: 'image_id', id: 'a' }]), consumer([{ field: 'image_name', name: 'ubuntu-24.04-base-v1.1' }])], images),
  );
  t.same(narrowed.catalog.images.map((i) => i['id']).sort(), ['a', 'b']);
  t.end();
});

t.test("narrowing keeps the public, visible generic images of a public generic image's distribution (the SCS-0102 uniqueness)", (t) => {
  const generic = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
    id,
    name,
    visibility: 'public',
    properties: { os_purpose: 'generic', architecture: 'x86_64', os_distro: 'ubuntu', os_version: '24.04' },
    ...extra,
  });
  const images = [
    generic('a', 'ubuntu-24.04-minimal-v3.0'),
    generic('b', 'ubuntu-24.04-old-v1.0', { os_hidden: true }),
    generic('c', 'debian-12-base-v1.0', {
      properties: { os_purpose: 'generic', architecture: 'x86_64', os_distro: 'debian', os_version: '12' },
    }),
  ];
  const change = {
    address: 'x',
    kind: 'image' as const,
    action: 'create' as const,
    before: null,
    after: generic('', 'ubuntu-24.04-base-v1.0'),
  };
  t.same(
    narrowCatalog(envelope([change], images)).catalog.images.map((i) => i['id']),
    ['a'],
    'another family of the same distribution, version and architecture; not a hidden one, not another distribution',
  );
  t.end();
});
