/**
 * The decision log the providers append to: one JSON line per decision, each change reduced to its address, kind,
 * action, image name and the image's lifecycle (end of life, tags, status, publication: for the PR report's
 * timelines), never another value of the documents (they can hold values a program marked secret), a file only
 * its owner reads.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Decision } from '../../provider/policy/decision.js';
import type { Change } from '../../provider/policy/envelope.js';
import { decisionLog } from '../../provider/pulumi/decision-log.js';

const change: Change = {
  address: 'Image::v1.1',
  kind: 'image',
  action: 'create',
  before: null,
  after: {
    name: 'ubuntu-24.04-base-v1.1',
    tags: ['ubuntu-24.04-base'],
    properties: { description: 'top-secret-value', provided_until: '2027-01-31' },
  },
};
const decision: Decision = {
  allowed: false,
  violations: [{ rule: 'versioning', level: 'mandatory', address: 'Image::v1.1', field: 'name', message: 'taken', remediation: 'bump it' }],
};

t.test('a decision is one JSON line of change summaries and the decision, in a file only its owner reads', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'decision-log-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'decisions.jsonl');
  const logDecision = decisionLog(file);
  logDecision([change], decision);
  logDecision([{ address: 'ImageMember::share', kind: 'member', action: 'delete', before: { image_id: 'x' }, after: null }], {
    allowed: true,
    violations: [],
  });
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  t.same(
    lines.map((l) => JSON.parse(l) as unknown),
    [
      {
        changes: [
          {
            address: 'Image::v1.1',
            kind: 'image',
            action: 'create',
            name: 'ubuntu-24.04-base-v1.1',
            image: { provided_until: '2027-01-31', tags: ['ubuntu-24.04-base'] },
          },
        ],
        decision,
      },
      { changes: [{ address: 'ImageMember::share', kind: 'member', action: 'delete' }], decision: { allowed: true, violations: [] } },
    ],
  );
  t.notMatch(readFileSync(file, 'utf8'), /top-secret-value/, 'no property value of the documents');
  t.equal(statSync(file).mode & 0o777, 0o600, 'mode 0600');
  t.end();
});
