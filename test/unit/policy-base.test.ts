/**
 * 4: the pull-request check decides with the base commit's policy data (a real git repository in a temporary
 * folder), and every value the pull request changes is a policy_change finding decided by the bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { governedPolicy } from '../../provider/cli/policy-base.js';
import { readOverrides } from '../../provider/cli/policy.js';
import { policyDifferences } from '../../provider/policy/data.js';
import { PolicyEngine } from '../../provider/policy/engine.js';
import { buildEnvelope } from '../../provider/policy/envelope.js';

function repository(teardown: (fn: () => void) => void): { root: string; commit: (files: Record<string, string>) => string } {
  const root = mkdtempSync(join(tmpdir(), 'image-catalog-base-'));
  teardown(() => rmSync(root, { recursive: true, force: true }));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { encoding: 'utf8' }).trim();
  git('init', '-q');
  return {
    root,
    commit(files) {
      for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
      git('add', '-A');
      git('commit', '-q', '-m', 'x');
      return git('rev-parse', 'HEAD');
    },
  };
}

t.test('4: a pull request that disables a rule in its stack config is decided with the base and the change is a finding', async (t) => {
  const repo = repository((fn) => t.teardown(fn));
  const base = repo.commit({ 'Pulumi.dev.yaml': 'config:\n  image-catalog:cloud: platform\n' });
  repo.commit({
    'Pulumi.dev.yaml':
      'config:\n  image-catalog:cloud: platform\n  image-catalog:policy:\n    image_catalog:\n      rules:\n        immutability: { level: disabled }\n',
  });
  const governed = governedPolicy(repo.root, base, [], join(repo.root, 'Pulumi.dev.yaml'));
  t.equal(governed.stackPolicy, undefined, "the base has no stack policy: the pull request's is not used");
  t.same(governed.changes, [
    { source: 'Pulumi.dev.yaml (image-catalog:policy)', field: 'image_catalog.rules.immutability.level', base: null, head: 'disabled' },
  ]);
  const engine = await PolicyEngine.load();
  const decision = engine.decide(buildEnvelope({ user_id: 'u', project_id: 'p', roles: [] }, [], [], governed.changes));
  t.equal(decision.allowed, false, 'policy_change is mandatory by default');
  t.same(
    decision.violations.map((v) => [v.rule, v.address, v.field]),
    [['policy_change', 'Pulumi.dev.yaml (image-catalog:policy)', 'image_catalog.rules.immutability.level']],
  );
});

t.test('4: --data files are read at the base; a file the base lacks is left out and its values are findings', (t) => {
  const repo = repository((fn) => t.teardown(fn));
  const base = repo.commit({ 'policy.yaml': 'image_catalog:\n  unknown_values: mandatory\n' });
  repo.commit({
    'policy.yaml': 'image_catalog:\n  unknown_values: advisory\n',
    'new.json': '{"image_catalog": {"rules": {"naming": {"level": "advisory"}}}}',
  });
  const governed = governedPolicy(repo.root, base, readOverrides([join(repo.root, 'policy.yaml'), join(repo.root, 'new.json')]));
  t.same(
    governed.overrides.map((o) => o.value),
    [{ image_catalog: { unknown_values: 'mandatory' } }],
    "the base's policy.yaml only",
  );
  t.same(
    governed.changes.map((c) => [c.source, c.field, c.base, c.head]),
    [
      ['policy.yaml', 'image_catalog.unknown_values', 'mandatory', 'advisory'],
      ['new.json', 'image_catalog.rules.naming.level', null, 'advisory'],
    ],
  );
  t.end();
});

t.test('4: a base commit the clone does not have stops the check, saying how to fetch it', (t) => {
  const repo = repository((fn) => t.teardown(fn));
  repo.commit({ 'policy.yaml': 'image_catalog: {}\n' });
  t.throws(() => governedPolicy(repo.root, 'f'.repeat(40), readOverrides([join(repo.root, 'policy.yaml')])), {
    message: /--base f{40}: no such commit .*fetch-depth: 0/,
  });
  t.end();
});

t.test('without a base commit the working tree decides and nothing is a finding', (t) => {
  const repo = repository((fn) => t.teardown(fn));
  repo.commit({ 'policy.yaml': 'image_catalog:\n  unknown_values: advisory\n' });
  const governed = governedPolicy(repo.root, undefined, readOverrides([join(repo.root, 'policy.yaml')]));
  t.same(governed.changes, []);
  t.same(governed.overrides[0]?.value, { image_catalog: { unknown_values: 'advisory' } });
  t.same(policyDifferences('x', { a: [1] }, { a: [1] }), [], 'equal arrays are no change');
  t.end();
});
