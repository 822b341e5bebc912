/** The version lines a change touches, drawn for the PR comment and the job summary (provider/github/timeline.ts). */
import t from 'tap';
import { summaryOf } from '../../provider/github/report.js';
import { lineTimelines } from '../../provider/github/timeline.js';
import { loggedChange } from '../../provider/pulumi/decision-log.js';
import type { Change } from '../../provider/policy/envelope.js';

const doc = (name: string, extra: Record<string, unknown> = {}, properties: Record<string, string> = {}) => ({
  name,
  tags: ['ubuntu-24.04-base'],
  properties,
  ...extra,
});

const changes: Change[] = [
  {
    address: 'line-v1.0',
    kind: 'image',
    action: 'update',
    before: doc('ubuntu-24.04-base-v1.0', { created_at: '2026-01-10T08:00:00Z' }, { provided_until: '2026-12-06' }),
    after: doc('ubuntu-24.04-base-v1.0', {}, { provided_until: '2026-12-06', deprecated: 'true' }),
  },
  {
    address: 'line-v1.1',
    kind: 'image',
    action: 'update',
    before: doc('ubuntu-24.04-base-v1.1', { created_at: '2026-06-01T00:00:00Z' }),
    after: doc('ubuntu-24.04-base-v1.1', { tags: ['ubuntu-24.04-base', 'ubuntu-24.04-base@stable'] }, { provided_until: '2027-12-31' }),
  },
  {
    address: 'line-v1.2',
    kind: 'image',
    action: 'create',
    before: null,
    after: doc('ubuntu-24.04-base-v1.2', { tags: ['ubuntu-24.04-base', 'ubuntu-24.04-base@latest'], status: 'deactivated' }),
  },
  { address: 'share', kind: 'member', action: 'create', before: null, after: { image_id: 'i', member_id: 'p' } },
  { address: 'other', kind: 'image', action: 'create', before: null, after: doc('no-version-here') },
];

t.test('one gantt chart per line: versions from publication to end of life, channels, revocation, what the change does', (t) => {
  const text = lineTimelines(changes.map(loggedChange), '2026-12-07');
  t.match(text, /^### Version lines this change touches\n\n```mermaid\ngantt\n {2}title ubuntu-24\.04-base\n/);
  const bars = text.split('\n').filter((line) => line.includes(' :'));
  t.same(bars, [
    '  v1.0 until 2026-12-06 (updated) :done, 2026-01-10, 2026-12-07',
    '  v1.1 stable until 2027-12-31 (updated) :active, 2026-06-01, 2028-01-01',
    '  v1.2 latest revoked no end of life (new) :crit, 2026-12-07, 2027-12-07',
    '  today :milestone, 2026-12-07, 0d',
  ]);
  t.equal((text.match(/```mermaid/g) ?? []).length, 1, 'only the line: shares and names of no line are not drawn');
  t.equal(lineTimelines([loggedChange(changes[3] as Change)], '2026-12-07'), '', 'nothing to draw: no section');
  t.end();
});

t.test('the PR comment carries the timelines after the findings, and leaves them out when they do not fit', (t) => {
  const timelines = lineTimelines(changes.map(loggedChange), '2026-12-07');
  const decision = { allowed: true, violations: [] };
  t.match(summaryOf({ decision, violations: [], timelines }), /\*\*Allowed\*\*\.\n\n### Version lines this change touches/);
  t.notMatch(summaryOf({ decision, violations: [], timelines }, 100), /mermaid/, 'a comment over its limit drops them');
  t.end();
});

t.test('a tag set by hand is no channel of the chart: nothing leaves the mermaid block', (t) => {
  const text = lineTimelines(
    [
      loggedChange({
        address: 'x',
        kind: 'image',
        action: 'create',
        before: null,
        after: doc('ubuntu-24.04-base-v1.3', { tags: ['ubuntu-24.04-base@x\n```\n<img src=x>', 'ubuntu-24.04-base@candidate'] }),
      }),
    ],
    '2026-12-07',
  );
  t.match(text, /v1\.3 candidate no end of life \(new\) :/);
  t.notMatch(text, /<img/);
  t.end();
});
