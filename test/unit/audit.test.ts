/**
 * The audit's pure parts: the shipped bundle judging a listed catalog (findings per image and rule, the owner
 * scope), the text and JSON forms, and its SARIF (located at the images, valid for Microsoft's SARIF Multitool).
 * The audit of a real lab is test/e2e/audit.test.ts.
 */
import t from 'tap';
import { auditJson, formatAudit, formatStackReport, stackReport } from '../../provider/cli/audit.js';
import { auditSarifLog } from '../../provider/github/sarif.js';
import { findingsOf, judgeCatalog, type Audit } from '../../provider/policy/audit.js';
import { initialPages, PolicyEngine } from '../../provider/policy/engine.js';
import { PolicyEvaluationError } from '../../provider/policy/errors.js';
import { validateSarif } from '../helpers/sarif.js';

const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'd' };
const principal = { user_id: 'u', project_id: 'p', roles: ['member'] };

function live(id: string, name: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name, owner: 'p', visibility: 'shared', status: 'active', os_hidden: false, tags: [], properties: metadata, ...extra };
}

const catalog = [
  live('a', 'ubuntu-24.04-base-v1.0'),
  live('b', null, { properties: {} }),
  live('c', 'ubuntu-24.04-base-v1.0', { owner: 'other' }),
];

t.test('one finding per image and rule, mandatory first; the owner scope judges its images only', async (t) => {
  const engine = await PolicyEngine.load();
  const all = judgeCatalog(engine, principal, catalog, {}, '2026-12-07');
  t.equal(all.judged, 3);
  t.same(
    all.findings.map((f) => [f.image.id, f.rule, f.problems.length]),
    [
      ['b', 'naming', 1],
      ['b', 'required_metadata', 5],
      ['a', 'versioning', 1],
      ['c', 'versioning', 1],
    ],
    'the image without a name first (sorted by name), each rule once with all its problems',
  );
  const mine = judgeCatalog(engine, principal, catalog, { owner: 'other' }, '2026-12-07');
  t.equal(mine.judged, 1);
  t.same(
    mine.findings.map((f) => [f.image.id, f.rule]),
    [['c', 'versioning']],
    "only the owner's images, the others still count for names",
  );
  t.end();
});

t.test('a catalog large enough for an instance with its memory from the start is judged the same', async (t) => {
  t.equal(initialPages(100_000), 5, 'a small envelope: the default memory (growing to it costs little)');
  t.equal(initialPages(3_600_000), 3516, 'an audit of 10,000 images: about 64 times its input');
  t.equal(initialPages(2 ** 30), 32_768, 'at most 2 GiB');
  // 6,000 images (1.1 MB of input): above the threshold, so the engine makes an instance with 64 MB and more.
  const many = Array.from({ length: 6000 }, (_, i) => live(`i${String(i)}`, `debian-12-base-v1.${String(i % 3000)}`));
  const engine = await PolicyEngine.load();
  const first = judgeCatalog(engine, principal, [...catalog, ...many], {}, '2026-12-07');
  const small = judgeCatalog(await PolicyEngine.load(), principal, catalog, {}, '2026-12-07');
  t.equal(first.judged, 6003);
  t.same(
    first.findings.filter((f) => ['a', 'b', 'c'].includes(f.image.id)),
    small.findings,
    'the first images judged as in a catalog of three',
  );
  t.equal(
    first.findings.filter((f) => f.rule === 'versioning').length,
    6002,
    'each of the 3,000 versions listed twice is a name used twice (and a, c as before)',
  );
  const again = judgeCatalog(engine, principal, catalog, {}, '2026-12-07');
  t.same(again.findings, small.findings, 'and the engine judges a small catalog after it as before');
  t.end();
});

t.test('a decision about something else than a listed image is no audit', (t) => {
  const decision = {
    allowed: false,
    violations: [
      { rule: 'input' as const, level: 'mandatory' as const, address: '(envelope)', field: '', message: 'bad', remediation: 'r' },
    ],
  };
  t.throws(() => findingsOf(decision, new Map()), PolicyEvaluationError);
  t.end();
});

t.test('text, JSON and SARIF of an audit', async (t) => {
  const engine = await PolicyEngine.load();
  const { findings, judged } = judgeCatalog(engine, principal, catalog, {}, '2026-12-07');
  const audit: Audit = {
    today: '2026-12-07',
    images: 3,
    judged,
    owner: undefined,
    adminProjects: undefined,
    findings,
    notes: ['n'],
    levels: { consumption_deprecated: 'advisory' },
    snapshot: [],
  };
  const text = formatAudit(audit, 'platform');
  t.match(text, /^audit of cloud "platform" on 2026-12-07: 3 images seen, 3 judged\n/);
  t.match(text, '✖ mandatory  naming  (no name) (b)  owner p, shared\n  the image has no name: it should follow');
  t.match(text, '\n\nnote: n\n\n');
  t.match(text, /audit: 4 findings on 3 images \(4 mandatory, 0 advisory\); 0 images clean\n$/);
  t.match(formatAudit({ ...audit, findings: [], notes: [] }, 'platform'), /audit: no finding; 3 images clean\n$/);
  t.match(auditJson(audit, 'platform'), { cloud: 'platform', judged: 3, admin_projects: null, findings: [{ image: { id: 'b' } }] });
  const log = auditSarifLog(
    'platform',
    findings,
    { version: '1.0.0', informationUri: 'https://example.org/image-catalog' },
    {
      levels: audit.levels,
      notes: audit.notes,
    },
  ) as {
    runs: {
      automationDetails: { id: string };
      invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
      tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
      results: { ruleId: string; message: { text: string }; locations: object[] }[];
    }[];
  };
  const run = log.runs[0];
  t.equal(run?.automationDetails.id, 'image-catalog-audit/platform/');
  t.same(run?.results[0]?.locations, [{ logicalLocations: [{ name: '(no name)', fullyQualifiedName: 'images/b', kind: 'resource' }] }]);
  t.match(run?.results[1]?.message.text, /^Image "\(no name\)" \(b\): properties\.description: properties\.description is missing; /);
  t.same(
    run?.tool.driver.rules
      .filter((r) => ['naming', 'consumption_deprecated'].includes(r.id))
      .map((r) => [r.id, r.defaultConfiguration.level]),
    [
      ['consumption_deprecated', 'warning'],
      ['naming', 'error'],
    ],
    "each rule's default level is the data's",
  );
  t.same(
    run?.invocations[0]?.toolExecutionNotifications.map((n) => n.message.text),
    ['n.'],
    "the audit's notes are in the log",
  );
  t.same(validateSarif(log), [], 'no error or warning from the Multitool');
  t.end();
});

t.test("a stack's report: drift field by field, images not seen, live images of its owners it does not manage", (t) => {
  const wire = (id: string, extra: Record<string, unknown> = {}) =>
    ({
      id,
      name: `n-${id}`,
      status: 'active',
      owner: 'p',
      visibility: 'shared',
      min_ram: 128,
      tags: ['b', 'a'],
      ...metadata,
      ...extra,
    }) as never;
  const managed = [
    {
      urn: 'urn:a',
      id: 'a',
      inputs: { name: 'n-a', minRam: 128, tags: ['a', 'b'], properties: metadata, source: { file: '/x' } },
      outputs: { owner: 'p' },
    },
    { urn: 'urn:b', id: 'b', inputs: { name: 'n-b', minRam: 128, properties: metadata }, outputs: { owner: 'p' } },
    { urn: 'urn:gone', id: 'gone', inputs: {}, outputs: { owner: 'p' } },
  ];
  const live = new Map<string, never>([
    ['a', wire('a', { catalog_published_at: '2026-11-01T00:00:00Z', 'owner_specified.openstack.md5': 'x', os_hash_value: 'h' })],
    ['b', wire('b', { min_ram: 64, description: 'edited', added: 'by hand', status: 'deactivated' })],
    ['c', wire('c')],
    ['d', wire('d', { owner: 'someone else' })],
  ]);
  const report = stackReport('dev', managed, live);
  t.same(
    report.drifted,
    [
      {
        urn: 'urn:b',
        id: 'b',
        name: 'n-b',
        drift: [
          { field: 'minRam', applied: 128, live: 64 },
          { field: 'properties.added', applied: null, live: 'by hand' },
          { field: 'properties.description', applied: 'd', live: 'edited' },
        ],
      },
    ],
    "tags in another order, marks, other tools' properties, Glance's fields and undeclared fields (the status) are no drift",
  );
  t.same(report.unseen, [{ urn: 'urn:gone', id: 'gone', name: null }]);
  t.same(report.notes, []);
  t.same(report.owners, ['p']);
  t.same(
    report.unmanaged.map((u) => u.id),
    ['c'],
    "only the owners' images",
  );
  t.match(
    formatStackReport(report),
    /^stack dev: 3 images managed, 1 drifted, 1 not seen; 1 live image of its owner \(p\) not managed by it\n~ drift {6}"n-b" \(b\) {2}urn:b\n {4}minRam: applied 128, live 64\n/,
  );
  t.same(
    stackReport('dev', managed, live, 'someone else').unmanaged.map((u) => u.id),
    ['d'],
    '--owner names the owner',
  );
  t.end();
});
