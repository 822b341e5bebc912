/**
 * SARIF 2.1.0 for code scanning, checked by Microsoft's SARIF Multitool (test/helpers/sarif.ts): one rule per
 * catalog rule with its Rego METADATA as help, stable ids and fingerprints, automationDetails per stack,
 * repository-relative paths that are never empty (a resource no line declares sits on the entry file), and the
 * upload's gzip + base64 round trip.
 */
import { gunzipSync } from 'node:zlib';
import t from 'tap';
import { encodeSarif, sarifLog, sarifSchema } from '../../provider/github/sarif.js';
import { ruleIds, type Decision } from '../../provider/policy/decision.js';
import { catalogRules } from '../../provider/policy/rules.js';
import type { LocatedViolation } from '../../provider/github/report.js';
import { validateSarif } from '../helpers/sarif.js';

interface Log {
  $schema: string;
  runs: {
    tool: { driver: { rules: { id: string; name: string; help: { text: string; markdown: string } }[] } };
    automationDetails: { id: string };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const located: LocatedViolation = {
  rule: 'immutability',
  level: 'mandatory',
  address: 'urn:pulumi:dev::catalog::image-catalog:index:Image::debian-tools',
  field: 'properties.os_version',
  message: 'properties.os_version cannot change after publish ("12" -> "12.1")',
  remediation: 'Publish a new version of the family with the change.',
  location: { path: 'index.ts', line: 77 },
};
const advisory: LocatedViolation = {
  ...located,
  rule: 'naming',
  level: 'advisory',
  field: 'name',
  location: { path: 'catalog/main.ts', line: 12 },
};
const removed: LocatedViolation = { ...located, address: 'urn:pulumi:dev::catalog::image-catalog:index:Image::gone', field: '' };
const unlocated = Object.fromEntries(Object.entries(removed).filter(([key]) => key !== 'location')) as LocatedViolation;
const decision: Decision = { allowed: false, violations: [located, advisory, unlocated] };

const tool = { version: '0.2.0', informationUri: 'https://www.npmjs.com/package/image-catalog' };

t.test('the rule list is the Rego METADATA of every rule the decisions name', (t) => {
  t.same(
    catalogRules()
      .map((r) => r.id)
      .sort(),
    [...ruleIds].sort(),
    'one rule per rule id, no other',
  );
  for (const rule of catalogRules()) {
    t.ok(rule.title !== '' && rule.description !== '' && rule.remediation !== '', `${rule.id}: title, description, remediation`);
    t.match(rule.source.file, /^policies\/catalog\/rules\/\w+\/\w+\.rego$/, `${rule.id}: declared in its .rego file`);
  }
  t.end();
});

t.test('the log: valid for the SARIF Multitool, rules with help, results on their lines, never an empty path', (t) => {
  const log = sarifLog(
    [
      { stack: 'dev', decision, violations: [located, advisory, unlocated], fallback: { path: 'index.ts', line: 1 } },
      { stack: 'prod', decision: undefined, violations: [], fallback: { path: 'index.ts', line: 1 } },
    ],
    tool,
  ) as Log;
  const [dev, prod] = log.runs;
  t.same(validateSarif(log), [], 'no error or warning from the Multitool');
  const broken = {
    ...log,
    runs: [{ ...dev, results: [{ ruleId: 'naming', locations: [{ physicalLocation: { artifactLocation: { uri: '' } } }] }] }],
  };
  t.not(validateSarif(broken).length, 0, 'while a result without a message, on an empty path, is refused by it');
  t.equal(log.$schema, sarifSchema);
  t.same(
    log.runs.map((r) => r.automationDetails.id),
    ['image-catalog/dev/', 'image-catalog/prod/'],
    'one automation id per stack',
  );
  const rules = dev?.tool.driver.rules ?? [];
  t.same(
    rules.map((r) => r.id),
    catalogRules().map((r) => r.id),
    'every rule, by its stable id',
  );
  const immutability = rules.find((r) => r.id === 'immutability');
  t.match(immutability?.help.markdown, /\*\*Remediation:\*\* Publish a new version/, 'help carries the remediation from the METADATA');
  t.not(immutability?.name.toLowerCase(), 'immutability', 'the name differs from the id');
  t.match(dev?.results, [
    {
      ruleId: 'immutability',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'index.ts' }, region: { startLine: 77 } } }],
    },
    {
      ruleId: 'naming',
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'catalog/main.ts' }, region: { startLine: 12 } } }],
    },
    { ruleId: 'immutability', locations: [{ physicalLocation: { artifactLocation: { uri: 'index.ts' }, region: { startLine: 1 } } }] },
  ]);
  for (const result of dev?.results ?? []) t.equal(rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at its rule');
  t.same(prod?.results, [], 'a stack without violations: an empty result list (it clears earlier alerts)');
  const again = sarifLog(
    [
      {
        stack: 'dev',
        decision,
        violations: [{ ...located, location: { path: 'index.ts', line: 90 } }],
        fallback: { path: 'index.ts', line: 1 },
      },
    ],
    tool,
  ) as Log;
  t.same(
    again.runs[0]?.results[0]?.partialFingerprints,
    dev?.results[0]?.partialFingerprints,
    'the fingerprint stays when the line moves (the same finding, not a new alert)',
  );
  t.end();
});

t.test('the upload form: gzip then base64, the log back intact', (t) => {
  const log = sarifLog([{ stack: 'dev', decision, violations: [located], fallback: { path: 'index.ts', line: 1 } }], tool);
  t.same(JSON.parse(gunzipSync(Buffer.from(encodeSarif(log), 'base64')).toString()), log);
  t.end();
});
