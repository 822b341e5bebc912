/**
 * The Wasm decision in Node equals OPA's own Go evaluator (`opa run --server`, the reference) on the same Rego and data:
 * for every named case the Rego tests decide (policies/catalog/testdata/cases.rego), and for 600 envelopes
 * generated with fast-check, valid and invalid. Where the envelope fits its schema, the narrowed-catalog path
 * (`decide`) must agree too.
 */
import fc from 'fast-check';
import t from 'tap';
import { checkEnvelope } from '../../provider/policy/envelope.js';
import { PolicyEngine } from '../../provider/policy/engine.js';
import type { Decision } from '../../provider/policy/decision.js';
import { loadPolicyData } from '../../provider/policy/data.js';
import { OpaServer, opaEval } from '../helpers/opa.js';

/** A decision with its violations in a canonical order (Go and Wasm may order a sorted set differently). */
function canonical(decision: Decision | undefined): string {
  if (decision === undefined) return 'undefined';
  return JSON.stringify({
    allowed: decision.allowed,
    violations: decision.violations.map((v) => JSON.stringify(v, Object.keys(v).sort())).sort(),
  });
}

interface Case {
  input: unknown;
  data: Record<string, unknown>;
}

t.test("every named case of the Rego tests gets the same decision from opa-wasm in Node and from OPA's Go evaluator", async (t) => {
  const cases = (await opaEval('data.catalog.testdata.cases')) as Record<string, Case>;
  t.ok(Object.keys(cases).length >= 50, `the Rego tests name ${Object.keys(cases).length} cases`);
  const opa = await OpaServer.start(loadPolicyData());
  t.teardown(() => opa.stop());
  const engines = new Map<string, PolicyEngine>();
  for (const [name, c] of Object.entries(cases)) {
    const key = JSON.stringify(c.data);
    let engine = engines.get(key);
    if (engine === undefined) {
      engine = await PolicyEngine.load({ overrides: [{ source: `case ${name}`, value: { image_catalog: c.data } }] });
      engines.set(key, engine);
    }
    await opa.setConfig(c.data);
    const expected = canonical((await opa.decide(c.input)) as Decision);
    t.equal(canonical(engine.evaluate(c.input as never)), expected, `${name}: Wasm equals OPA's Go evaluator`);
    if (checkEnvelope(c.input).ok) t.equal(canonical(engine.decide(c.input)), expected, `${name}: the narrowed catalog decides the same`);
  }
});

// The vocabulary the generator draws from: a few families and versions so that collisions (reused names,
// older versions, published images) happen often.
const unknown = { $unknown: true };
const families = ['ubuntu-24.04-base', 'ubuntu-22.04-base', 'debian-12-cis-hardened', 'rhel-9-gpu'];
const name = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.constantFrom(...families), fc.nat(3), fc.nat(12)).map(([f, major, minor]) => `${f}-v${major}.${minor}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('Bad Name', 'ubuntu-24.04-base', 'cirros') },
  { weight: 1, arbitrary: fc.constant(unknown) },
);
const value = (values: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constant(unknown) },
  );
const properties = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        os_distro: value(['ubuntu', 'debian', 'rhel', 'plan9']),
        os_version: value(['24.04', '22.04', '12', '9']),
        hw_disk_bus: value(['virtio', 'scsi', 'nvme']),
        hw_vif_model: value(['virtio', 'e1000', 'bogus']),
        description: value(['golden image']),
        deprecated: fc.constantFrom('true', 'false'),
        catalog_published_at: fc.constant('2026-11-01T10:00:00Z'),
        // The lifecycle and the SCS-0102 profile: end of life, purposes, dates, frequencies (valid and not).
        provided_until: fc.constantFrom('2026-06-01', '2026-12-07', '2027-06-30', 'none', 'notice', '30.11.2026'),
        os_purpose: value(['generic', 'oldgeneric', 'minimal', 'desktop']),
        architecture: value(['x86_64', 'aarch64', 'sparc']),
        image_build_date: fc.constantFrom('2026-11-30', '2026-12-06', '2026-06-01', '2027-01-01', '2026-02-30', '2026-12-01 08:30'),
        replace_frequency: value(['never', 'daily', 'quarterly', 'sometimes']),
        image_source: value(['private', 'https://images.example.org/x.img', 'file:///x.img']),
        image_original_user: value(['ubuntu']),
        image_description: value(['https://docs.example.org/x']),
        uuid_validity: value(['last-3', 'none', 'last3']),
        superseded_by: fc.constantFrom('ubuntu-24.04-base-v1.1'),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constant(unknown) },
);
const image = fc.record(
  {
    id: fc.constantFrom('img-1', 'img-2', 'img-3', 'img-4'),
    name,
    disk_format: fc.constantFrom('qcow2', 'raw'),
    container_format: fc.constant('bare'),
    visibility: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('private', 'shared', 'community', 'public') },
      { weight: 1, arbitrary: fc.constant(unknown) },
    ),
    min_disk: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(0, 10, 20) }, { weight: 1, arbitrary: fc.constant(unknown) }),
    min_ram: fc.constantFrom(0, 1024),
    os_hidden: fc.boolean(),
    // Channels as tags (<family>@<channel>), and the family tag.
    tags: fc.subarray(['ubuntu-24.04-base', 'ubuntu-24.04-base@stable', 'ubuntu-24.04-base@latest']),
    size: fc.constantFrom(1048576, 2147483648),
    properties,
  },
  { requiredKeys: ['id', 'name'] },
);
const liveImage = fc
  .tuple(
    image,
    fc.constantFrom('active', 'active', 'deactivated'),
    fc.constantFrom('platform', 'other'),
    fc.constantFrom('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'),
  )
  .map(([i, status, owner, created_at]) => ({
    ...i,
    name: typeof i.name === 'string' ? i.name : 'ubuntu-24.04-base-v1.0',
    status,
    owner,
    created_at,
  }));
// An audit (no change set, the live catalog judged as it is), of one owner or all, with or without the admin projects.
const audit = fc.record(
  { owner: fc.constantFrom('platform', 'other'), admin_projects: fc.subarray(['admin', 'platform']) },
  { requiredKeys: [] },
);
const change = fc
  .record({
    address: fc.constantFrom('image.a', 'image.b', 'image.c', 'member.a'),
    kind: fc.oneof({ weight: 9, arbitrary: fc.constant('image') }, { weight: 1, arbitrary: fc.constantFrom('member', 'flavor') }),
    action: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom('create', 'update', 'replace', 'delete', 'noop') },
      { weight: 1, arbitrary: fc.constant('rename') },
    ),
    before: image,
    after: image,
  })
  .map((c) => ({ ...c, before: c.action === 'create' ? null : c.before, after: c.action === 'delete' ? null : c.after }));
// A server or volume a plan makes (rules consumption, consumption_deprecated): what it boots, by id or name.
const boot = fc.oneof(
  fc.record({ field: fc.constant('image_id'), id: fc.oneof(fc.constantFrom('img-1', 'img-2', 'img-9'), fc.constant(unknown)) }),
  fc.record({ field: fc.constant('image_name'), name: fc.constantFrom('ubuntu-24.04-base-v1.0', 'ubuntu-24.04-base-v1.1', 'cirros') }),
);
const consumerChange = fc.record({
  address: fc.constantFrom('openstack_compute_instance_v2.web', 'openstack_blockstorage_volume_v3.data'),
  kind: fc.constant('consumer'),
  action: fc.constant('create'),
  before: fc.constant(null),
  after: fc.record({
    resource_type: fc.constantFrom('openstack_compute_instance_v2', 'openstack_blockstorage_volume_v3'),
    boots: fc.array(boot, { minLength: 1, maxLength: 2 }),
  }),
});
const envelope = fc.record(
  {
    principal: fc.record({
      user_id: fc.constant('u1'),
      project_id: fc.constant('platform'),
      roles: fc.subarray(['admin', 'member', 'reader']),
    }),
    changes: fc.array(fc.oneof({ weight: 4, arbitrary: change }, { weight: 1, arbitrary: consumerChange }), { maxLength: 4 }),
    catalog: fc.record({ images: fc.array(liveImage, { maxLength: 8 }) }),
    today: fc.constantFrom('2026-12-07', '2027-07-01'),
  },
  { requiredKeys: ['principal', 'changes', 'catalog'] },
);
// One envelope in five an audit.
const envelopeOrAudit = fc
  .tuple(envelope, fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: audit }))
  .map(([e, a]) => (a === undefined ? e : { ...e, changes: [], audit: a }));
const anyEnvelope = fc.oneof({ weight: 9, arbitrary: envelopeOrAudit }, { weight: 1, arbitrary: fc.anything() });

// The shipped data, and the same with the SCS-0102 profile on (the profile's rule only decides then).
for (const [label, override] of [
  ['the shipped policy data', undefined],
  ['the SCS-0102 profile on', { image_catalog: { profile: 'scs-0102' } }],
] as const)
  t.test(
    `600 generated envelopes, valid and invalid, get the same decision from opa-wasm in Node and from OPA's Go evaluator (${label})`,
    async (t) => {
      // JSON round trip: what opa sees (fc.anything() makes values JSON cannot carry, like undefined or -0).
      const envelopes = fc
        .sample(anyEnvelope, { numRuns: 600, seed: 20261123 })
        .map((e) => JSON.parse((JSON.stringify(e) as string | undefined) ?? 'null') as unknown);
      const overrides = override === undefined ? [] : [{ source: label, value: override }];
      const opa = await OpaServer.start(loadPolicyData(overrides));
      t.teardown(() => opa.stop());
      const reference: Decision[] = [];
      for (const input of envelopes) reference.push((await opa.decide(input)) as Decision);
      const engine = await PolicyEngine.load({ overrides });
      let mismatches = 0;
      let schemaValid = 0;
      envelopes.forEach((input, i) => {
        const expected = canonical(reference[i]);
        if (canonical(engine.evaluate(input as never)) !== expected) {
          mismatches += 1;
          if (mismatches <= 3)
            t.fail(`envelope ${i}: Wasm differs from OPA's Go evaluator`, { input, expected, got: engine.evaluate(input as never) });
        }
        if (checkEnvelope(input).ok) {
          schemaValid += 1;
          if (canonical(engine.decide(input)) !== expected) {
            mismatches += 1;
            if (mismatches <= 3) t.fail(`envelope ${i}: the narrowed catalog decides differently`, { input, expected });
          }
        }
      });
      t.equal(mismatches, 0, 'no envelope decided differently');
      t.ok(schemaValid >= 100, `${schemaValid} of the envelopes fit the schema (the narrowed path was exercised)`);
      t.ok(reference.some((d) => !d.allowed) && reference.some((d) => d.allowed), 'the sample has both allowed and blocked decisions');
      // The newer rules are exercised, not only present.
      const rules = new Set<string>(reference.flatMap((d) => d.violations.map((v) => v.rule)));
      for (const rule of ['consumption', 'lifecycle', ...(override === undefined ? [] : ['scs_0102'])])
        t.ok(rules.has(rule), `the sample has violations of rule ${rule}`);
      const audits = envelopes.flatMap((e, i) => (typeof e === 'object' && e !== null && 'audit' in e ? [reference[i]] : []));
      t.ok(
        audits.filter((d) => d !== undefined && d.violations.length > 0).length >= 20,
        `audits are exercised: ${audits.length} in the sample, with findings`,
      );
    },
  );
