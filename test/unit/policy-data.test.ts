import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { describeOverrides, loadPolicyData, mergeData, readOverrideFile } from '../../provider/policy/data.js';
import { PolicyDataError } from '../../provider/policy/errors.js';
import { ruleIds } from '../../provider/policy/decision.js';

t.test('the shipped data.json fits its schema and sets every rule mandatory but a deprecated image booted (advisory)', (t) => {
  const data = loadPolicyData();
  t.same(data.image_catalog['rules'], {
    naming: { level: 'mandatory' },
    versioning: { level: 'mandatory' },
    immutability: { level: 'mandatory' },
    public_visibility: { level: 'mandatory' },
    required_metadata: { level: 'mandatory' },
    policy_change: { level: 'mandatory' },
    sharing: { level: 'mandatory' },
    lifecycle: { level: 'mandatory' },
    channels: { level: 'mandatory' },
    consumption: { level: 'mandatory' },
    consumption_deprecated: { level: 'advisory' },
    scs_0102: { level: 'mandatory' },
  });
  t.end();
});

t.test('an override merges objects key by key and replaces arrays', (t) => {
  t.same(mergeData({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 }), { a: { b: 1, c: [3] }, d: 1, e: 2 });
  const data = loadPolicyData([
    {
      source: 'stack',
      value: { image_catalog: { rules: { naming: { level: 'advisory' } }, public_visibility: { admin_roles: ['cloud-admin'] } } },
    },
  ]);
  const catalog = data.image_catalog as {
    rules: Record<string, { level: string }>;
    public_visibility: { admin_roles: string[]; community_requires_admin: boolean };
  };
  t.equal(catalog.rules['naming']?.level, 'advisory');
  t.equal(catalog.rules['versioning']?.level, 'mandatory', 'the other rules keep their level');
  t.same(catalog.public_visibility, { admin_roles: ['cloud-admin'], community_requires_admin: false });
  t.end();
});

t.test('a bad override is an error naming its source, the field and what is allowed', (t) => {
  const bad = { source: 'Pulumi.dev.yaml', value: { image_catalog: { rules: { naming: { level: 'off' } }, unknown_values: 'ignore' } } };
  const err = t.throws(() => loadPolicyData([bad])) as PolicyDataError;
  t.type(err, PolicyDataError);
  t.equal(err.source, 'Pulumi.dev.yaml');
  t.same([...err.problems].sort(), [
    'image_catalog.rules.naming.level: must be one of "mandatory", "advisory", "disabled"',
    'image_catalog.unknown_values: must be one of "mandatory", "advisory"',
  ]);
  t.end();
});

t.test('a misspelt key in an override is refused, not ignored', (t) => {
  const err = t.throws(() => loadPolicyData([{ source: 'x.json', value: { image_catalog: { requird_metadata: {} } } }])) as PolicyDataError;
  t.same(err.problems, ['image_catalog: has an unknown field "requird_metadata"']);
  t.end();
});

t.test('the input rule cannot be turned off by data', (t) => {
  const err = t.throws(() =>
    loadPolicyData([{ source: 'x.json', value: { image_catalog: { rules: { input: { level: 'disabled' } } } } }]),
  ) as PolicyDataError;
  t.same(err.problems, ['image_catalog.rules: has an unknown field "input"']);
  t.end();
});

t.test('9: __proto__ anywhere in an override is refused naming its own path, never merged', (t) => {
  const value = JSON.parse(
    '{"image_catalog": {"rules": {"__proto__": {"level": "disabled"}}, "required_metadata": {"properties": {"__proto__": {}}}, "immutability": {"constructor": {}}}}',
  ) as unknown;
  const err = t.throws(() => loadPolicyData([{ source: 'x.json', value }])) as PolicyDataError;
  t.same(err.problems, [
    'image_catalog.rules.__proto__: is not a field of policy data (a prototype key, never merged)',
    'image_catalog.required_metadata.properties.__proto__: is not a field of policy data (a prototype key, never merged)',
    'image_catalog.immutability.constructor: is not a field of policy data (a prototype key, never merged)',
  ]);
  t.end();
});

t.test('override files are read as JSON or YAML and a broken one names the file', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-data-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.yaml'), 'image_catalog:\n  unknown_values: advisory\n');
  writeFileSync(join(dir, 'b.json'), '{"image_catalog": ');
  t.same(readOverrideFile(join(dir, 'a.yaml')).value, { image_catalog: { unknown_values: 'advisory' } });
  const err = t.throws(() => readOverrideFile(join(dir, 'b.json'))) as PolicyDataError;
  t.equal(err.source, join(dir, 'b.json'));
  t.match(err.problems[0], /^\(document\): is not JSON/);
  t.end();
});

t.test('4: every value an override changes is said, with the value it replaces and where it comes from', (t) => {
  const value = { image_catalog: { rules: { immutability: { level: 'disabled' } }, unknown_values: 'mandatory' } };
  t.same(describeOverrides([{ source: 'stack config image-catalog:policy', value }]), [
    'image_catalog.rules.immutability.level: "disabled" (was "mandatory") from stack config image-catalog:policy',
  ]);
  t.same(describeOverrides([]), [], 'no override, nothing to say');
  t.end();
});

t.test('every rule id is in the shipped data and its schema, and nothing else is', (t) => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/policy-data.schema.json', import.meta.url), 'utf8')) as {
    properties: { image_catalog: { properties: { rules: { properties: Record<string, unknown> } } } };
  };
  const settable = ruleIds.filter((id) => id !== 'input').sort();
  t.same(Object.keys(loadPolicyData().image_catalog['rules'] as object).sort(), settable, 'policies/data.json sets a level for each');
  t.same(Object.keys(schema.properties.image_catalog.properties.rules.properties).sort(), settable, 'its schema knows each');
  t.end();
});
