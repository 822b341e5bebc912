/**
 * The provider plugin's pure parts: URNs to kinds, the Pulumi package schema derived from schemas/, the provider
 * settings, the diff of an imported resource (adopted fields), and the migration of a dynamic-provider state.
 */
import { unknownValue } from '@pulumi/pulumi/runtime/rpc.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { imageDocument } from '../../provider/client/images.js';
import { kinds, kindSchemas } from '../../provider/resources/kinds.js';
import { parseUrn, runtimeAdapter } from '../../provider/pulumi/plugin/adapter.js';
import { migrateDeployment, type ExportedDeployment } from '../../provider/pulumi/migrate.js';
import { ProviderRuntime, splitTarget, targetOf } from '../../provider/pulumi/runtime.js';
import { pulumiName, pulumiSchema } from '../../provider/pulumi/schema.js';
import { kindOfType, legacyTypeToken, typeToken } from '../../provider/pulumi/tokens.js';

t.test('a URN gives the type token and the name, under a component too', (t) => {
  t.same(parseUrn('urn:pulumi:dev::proj::image-catalog:index:Image::v1.0'), { type: 'image-catalog:index:Image', name: 'v1.0' });
  t.same(parseUrn('urn:pulumi:dev::proj::image-catalog:index:VersionLine$image-catalog:index:ImageMember::share::x'), {
    type: 'image-catalog:index:ImageMember',
    name: 'share::x',
  });
  for (const kind of kinds) {
    t.equal(kindOfType(typeToken(kind)), kind, `${typeToken(kind)} is ${kind}`);
    t.equal(kindOfType(legacyTypeToken(kind)), kind, `and so is the 0.1 token ${legacyTypeToken(kind)}`);
  }
  t.equal(kindOfType('aws:s3:Bucket'), undefined, "another package's type is none of ours");
  t.end();
});

t.test('the package schema has every schema field of every kind, required ones required, writeOnly ones secret', (t) => {
  const schema = pulumiSchema('9.9.9') as {
    version: string;
    resources: Record<string, Record<string, unknown>>;
    types: Record<string, unknown>;
  };
  t.equal(schema.version, '9.9.9');
  for (const kind of kinds) {
    const spec = schema.resources[typeToken(kind)] as {
      inputProperties: Record<string, { secret?: boolean }>;
      requiredInputs: string[];
      properties: Record<string, unknown>;
    };
    t.ok(spec, `${typeToken(kind)} is a resource`);
    const document = kindSchemas[kind]().document as {
      properties: Record<string, { writeOnly?: boolean }>;
      required?: string[];
      'x-outputs'?: object;
    };
    t.same(
      Object.keys(spec.inputProperties).sort(),
      [...new Set(['cloud', 'region', ...Object.keys(document.properties).map((f) => pulumiName(kind, f))])].sort(),
      `${kind}: the inputs are the schema's fields, cloud and region`,
    );
    t.same(
      spec.requiredInputs,
      (document.required ?? []).map((f) => pulumiName(kind, f)),
      `${kind}: the required fields`,
    );
    for (const field of Object.keys(document['x-outputs'] ?? {}))
      t.ok(pulumiName(kind, field) in spec.properties, `${kind}: output ${field}`);
  }
  t.ok(schema.types['image-catalog:index:ImageSource'], "the image's source (a oneOf of objects) is an object type");
  t.end();
});

t.test('provider settings: bad policy data fails the configuration, in a run that changes nothing too (a trial saw it pass)', (t) => {
  const adapter = runtimeAdapter(new ProviderRuntime());
  t.same(adapter.checkConfig({}, { policy: '{"image_catalog":{"profile":"scs-0102"}}' }).failures, [], 'the SCS-0102 profile');
  t.same(adapter.checkConfig({}, {}).failures, [], 'none');
  t.match(
    adapter.checkConfig({}, { policy: '{"image_catalog":{"profile":"scs-102"}}' }).failures,
    [{ property: 'policy', reason: /stack config image-catalog:policy.*image_catalog\.profile: must be one of "scs-0102"/s }],
    'a misspelt profile, named by its field',
  );
  t.match(
    adapter.checkConfig({}, { policy: '{image_catalog:' }).failures,
    [{ property: 'policy', reason: /stack config image-catalog:policy.*is not JSON/s }],
    'not JSON',
  );
  t.end();
});

t.test('provider settings: only the provider keys are kept; a change of cloud is a change', (t) => {
  const adapter = runtimeAdapter(new ProviderRuntime());
  const first = adapter.checkConfig({}, { cloud: 'platform', adminCloud: 'admin', version: '0.1.0' }).inputs;
  t.same(Object.keys(first).sort(), ['catalogInstance', 'cloud'], 'the provider keys, and the instance key');
  t.equal(first['cloud'], 'platform');
  t.match(first['catalogInstance'], /^[\w-]{43}$/, 'a new provider gets a random instance key');
  t.not(adapter.checkConfig({}, {}).inputs['catalogInstance'], first['catalogInstance'], 'another new one another key');
  t.equal(
    adapter.checkConfig(first, { cloud: 'other' }).inputs['catalogInstance'],
    first['catalogInstance'],
    'the key in the state is kept whatever the settings',
  );
  t.equal(
    adapter.diffConfig({ cloud: 'a', catalogInstance: 'k1' }, { cloud: 'a', catalogInstance: 'k2' }),
    false,
    'the key is never a change',
  );
  const key = { catalogInstance: 'k'.repeat(43) };
  t.equal(adapter.diffConfig({ cloud: 'a', ...key }, { cloud: 'a', other: 'x', ...key }), false, 'other keys are not a change');
  t.equal(adapter.diffConfig({ cloud: 'a', ...key }, { cloud: 'b', ...key }), true, 'another cloud is');
  t.equal(
    adapter.diffConfig({ cloud: 'a' }, { cloud: 'a', ...key }),
    true,
    'a state without a key (before 0.3) is: the provider gets its key',
  );
  t.end();
});

const imageState = {
  name: 'ubuntu-24.04-base-v1.0',
  diskFormat: 'raw',
  containerFormat: 'bare',
  visibility: 'shared',
  minDisk: 0,
  minRam: 0,
  isProtected: false,
  isHidden: false,
  isDeactivated: false,
  tags: [],
  properties: { os_distro: 'ubuntu' },
  imageId: 'i-1',
  status: 'active',
  catalogMark: null,
};

t.test('an imported image adopts what Glance does not keep (its source): no change, no API call', async (t) => {
  const news = { ...imageState, source: { file: '/data/ubuntu.raw' }, sha512: 'a'.repeat(128), resourceName: 'v1.0' };
  const result = await new ProviderRuntime().diff('image', 'i-1', { ...imageState, resourceName: 'v1.0' }, news);
  t.same(result, { changes: false, replaces: [], diffs: [] });
  t.end();
});

t.test('a state written before 0.3 (no catalogMark output) is an update of catalogMark alone: the legacy mark is rewritten', async (t) => {
  const before03: Record<string, unknown> = { ...imageState };
  delete before03['catalogMark'];
  const news = { ...imageState, source: { file: '/data/ubuntu.raw' }, sha512: 'a'.repeat(128), resourceName: 'v1.0' };
  const result = await new ProviderRuntime().diff('image', 'i-1', { ...before03, resourceName: 'v1.0' }, news, undefined, {
    decide: false,
  });
  t.same(result, { changes: true, replaces: [], diffs: ['catalogMark'] });
  t.end();
});

t.test('1: a stack that imported an image diffs without its source in the outputs: taken from the state inputs', async (t) => {
  // After `import`, then `up` with the import option removed: the outputs are the import's read (no source), the
  // inputs are the program's.
  const inputs = { ...imageState, source: { file: '/data/ubuntu.raw' }, resourceName: 'v1.0' };
  const result = await new ProviderRuntime().diff('image', 'i-1', { ...imageState, resourceName: 'v1.0' }, inputs, inputs);
  t.same(result, { changes: false, replaces: [], diffs: [] }, 'no change, no "source: is required", no API call');
  t.end();
});

t.test('2: a plan step is built as the plugin builds it: a hand edit put back is no change of the published image', async (t) => {
  const declared = { ...imageState, properties: { os_distro: 'ubuntu', hw_vif_model: 'virtio' }, source: { file: '/data/u.raw' } };
  // hw_vif_model changed by hand, then a refresh: the outputs carry e1000, the inputs what the catalog applied.
  const wire = {
    id: 'i-1',
    name: imageState.name,
    status: 'active',
    visibility: 'public',
    disk_format: 'raw',
    container_format: 'bare',
    min_disk: 0,
    min_ram: 0,
    protected: false,
    os_hidden: false,
    tags: [],
    os_distro: 'ubuntu',
    hw_vif_model: 'e1000',
    catalog_published_at: '2026-11-01T00:00:00Z',
  };
  const { change } = await new ProviderRuntime().changeOf('image', 'v1.0', {
    action: 'update',
    id: 'i-1',
    olds: { ...declared, properties: { os_distro: 'ubuntu', hw_vif_model: 'e1000' } },
    oldInputs: declared,
    news: declared,
    live: { document: imageDocument(wire), wire },
  });
  t.equal(change.address, 'Image::v1.0', 'named by type and name, not URN');
  t.same(change.before?.['properties'], change.after?.['properties'], 'before is what the catalog applied; after puts it back');
  t.end();
});

t.test('11: a file rebuilt at the same path is a replace of source; one not modified since its upload is not read', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-rebuilt-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'u.raw');
  writeFileSync(file, Buffer.alloc(4096, 1));
  const uploaded = createHash('sha512').update(Buffer.alloc(4096, 1)).digest('hex');
  const inputs = { ...imageState, source: { file }, resourceName: 'v1.0' };
  const state = { ...inputs, osHashValue: uploaded, size: 4096, sourceModified: statSync(file).mtimeMs };
  const same = await new ProviderRuntime().diff('image', 'i-1', state, inputs, inputs, { decide: false });
  t.same(same, { changes: false, replaces: [], diffs: [] }, 'the data uploaded: no change');

  writeFileSync(file, Buffer.alloc(4096, 2));
  utimesSync(file, new Date(), new Date(Date.now() + 5000));
  const rebuilt = await new ProviderRuntime().diff('image', 'i-1', state, inputs, inputs, { decide: false });
  t.same(rebuilt.replaces, ['source'], 'other data at the same path: its data changes (a replace, which the policy decides)');

  const untouched = { ...state, sourceModified: statSync(file).mtimeMs };
  const trusted = await new ProviderRuntime().diff('image', 'i-1', untouched, inputs, inputs, { decide: false });
  t.same(trusted.replaces, [], 'size and mtime as recorded: the file is not read again (its digest is the recorded one)');

  rmSync(file);
  const gone = await new ProviderRuntime().diff('image', 'i-1', state, inputs, inputs, { decide: false });
  t.same(gone, { changes: false, replaces: [], diffs: [] }, 'a file that is gone is never required again for an unchanged source');
});

t.test('8: a share given its image names the image change in the plan, although the image id is not known yet', async (t) => {
  const { change } = await new ProviderRuntime().changeOf('member', 'share', {
    action: 'create',
    id: undefined,
    news: { imageId: unknownValue, memberProjectId: 'a'.repeat(32), imageUrn: 'urn:pulumi:dev::p::image-catalog:index:Image::v1.0' },
  });
  t.same(change.after, { image_id: { $unknown: true }, member_id: 'a'.repeat(32), status: 'pending', image_address: 'Image::v1.0' });
  t.end();
});

const runtime = new ProviderRuntime();

t.test('during preview, a value not known yet is no problem; a known bad one is, naming field and rule', async (t) => {
  const news = { ...imageState, name: unknownValue, minDisk: -1, source: { file: '/data/x.raw' }, resourceName: 'v1.0' };
  const checked = await runtime.check('image', {}, news);
  t.same(
    checked.failures.map((f) => f.reason),
    ['minDisk: must be >= 0 (rule: minimum)'],
    'only the known field fails, before any API call',
  );
  t.end();
});

t.test('a check refuses what would fail only at apply: a missing source file, a 4-byte character, before any API call', async (t) => {
  const missing = { ...imageState, source: { file: '/nowhere/x.raw' }, resourceName: 'v1.0' };
  t.same(
    (await runtime.check('image', {}, missing)).failures.map((f) => f.reason),
    ['source.file: /nowhere/x.raw: there is no such file (rule: file)'],
    'a create whose file is missing',
  );
  t.same(
    (await runtime.check('image', missing, { ...missing, isHidden: true })).failures,
    [],
    'an update that does not read the file again',
  );
  const emoji = { ...missing, properties: { description: 'gold \u{1F947}' } };
  t.same(
    (await runtime.check('image', {}, emoji)).failures.map((f) => f.reason),
    [
      'properties.description: has a character Glance refuses: one outside the Basic Multilingual Plane (4-byte UTF-8, such as an emoji) (rule: format)',
      'source.file: /nowhere/x.raw: there is no such file (rule: file)',
    ],
    'every problem at once: the schema and the missing file',
  );
  t.end();
});

const legacy: ExportedDeployment = {
  version: 3,
  deployment: {
    manifest: {},
    resources: [
      { urn: 'urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev', type: 'pulumi:pulumi:Stack', custom: false },
      {
        urn: 'urn:pulumi:dev::p::pulumi:providers:pulumi-nodejs::default',
        type: 'pulumi:providers:pulumi-nodejs',
        custom: true,
        id: 'old-provider',
        inputs: { 'image-catalog:cloud': 'platform', 'p:other': 'x' },
      },
      {
        urn: 'urn:pulumi:dev::p::image-catalog:index:VersionLine::line',
        type: 'image-catalog:index:VersionLine',
        parent: 'urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev',
      },
      {
        urn: 'urn:pulumi:dev::p::image-catalog:index:VersionLine$pulumi-nodejs:dynamic/image-catalog:Image::v1',
        type: 'pulumi-nodejs:dynamic/image-catalog:Image',
        custom: true,
        id: 'i-1',
        parent: 'urn:pulumi:dev::p::image-catalog:index:VersionLine::line',
        provider: 'urn:pulumi:dev::p::pulumi:providers:pulumi-nodejs::default::old-provider',
        inputs: { __provider: 'exports.handler = ...', resourceName: 'v1', name: 'ubuntu-24.04-base-v1.0' },
        outputs: { __provider: 'exports.handler = ...', resourceName: 'v1', name: 'ubuntu-24.04-base-v1.0', imageId: 'i-1' },
        propertyDependencies: { __provider: [], name: [] },
      },
      {
        urn: 'urn:pulumi:dev::p::image-catalog:index:VersionLine$pulumi-nodejs:dynamic/image-catalog:ImageMember::share',
        type: 'pulumi-nodejs:dynamic/image-catalog:ImageMember',
        custom: true,
        id: 'i-1/proj',
        parent: 'urn:pulumi:dev::p::image-catalog:index:VersionLine::line',
        provider: 'urn:pulumi:dev::p::pulumi:providers:pulumi-nodejs::default::old-provider',
        dependencies: ['urn:pulumi:dev::p::image-catalog:index:VersionLine$pulumi-nodejs:dynamic/image-catalog:Image::v1'],
        inputs: { __provider: 'x', resourceName: 'share', imageId: 'i-1', memberProjectId: 'proj' },
      },
    ],
  },
};

t.test('migration: new types and URNs, dependencies follow, no provider code, one default provider with the settings', (t) => {
  const before = JSON.stringify(legacy);
  const { deployment, report } = migrateDeployment(legacy);
  t.equal(JSON.stringify(legacy), before, 'the input is not changed');
  const resources = deployment.deployment.resources ?? [];
  t.same(
    resources.map((r) => r.type),
    [
      'pulumi:pulumi:Stack',
      'pulumi:providers:image-catalog',
      'image-catalog:index:VersionLine',
      'image-catalog:index:Image',
      'image-catalog:index:ImageMember',
    ],
    'the old provider is replaced in place by the plugin default provider, before its resources',
  );
  const [, provider, , image, member] = resources;
  const { catalogInstance, ...settings } = provider?.inputs ?? {};
  t.same(settings, { cloud: 'platform' }, "the provider's settings are the dynamic providers' image-catalog:* ones");
  t.match(catalogInstance, /^[\w-]{43}$/, 'and its stack instance key, made now');
  t.equal(image?.urn, 'urn:pulumi:dev::p::image-catalog:index:VersionLine$image-catalog:index:Image::v1');
  t.equal(image?.provider, `${provider?.urn}::${provider?.id}`);
  t.same(image?.inputs, { name: 'ubuntu-24.04-base-v1.0' }, 'no __provider, no resourceName');
  t.same(image?.propertyDependencies, { name: [] });
  t.same(member?.dependencies, [image?.urn], 'a dependency follows its URN');
  t.same(report.moved, [image?.urn, member?.urn]);
  t.same(migrateDeployment(deployment).report.moved, [], 'a migrated state has nothing left to move');
  t.throws(() => migrateDeployment({ ...legacy, deployment: { ...legacy.deployment, pending_operations: [{}] } }), /pending operations/);
  t.end();
});

t.test('who applies a resource: a cloud and a region carried as one string, and back', (t) => {
  for (const [cloud, region, text] of [
    [undefined, undefined, undefined],
    ['admin', undefined, 'admin'],
    ['admin', 'RegionTwo', 'admin@RegionTwo'],
    [undefined, 'RegionTwo', '@RegionTwo'],
  ] as const) {
    t.equal(targetOf(cloud, region), text, `${String(cloud)} in ${String(region)}`);
    t.same(splitTarget(text), { cloud, region }, `${String(text)} read back`);
  }
  t.end();
});
