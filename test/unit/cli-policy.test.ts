import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { runCommand } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'image-catalog-cli-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const properties = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'base' };
function envelopeFile(name: string, visibility: string, roles: string[]): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      principal: { user_id: 'u', project_id: 'p', roles },
      changes: [
        {
          address: 'image.v10',
          kind: 'image',
          action: 'create',
          before: null,
          after: { name: 'ubuntu-24.04-base-v1.0', disk_format: 'qcow2', container_format: 'bare', visibility, properties },
        },
      ],
      catalog: { images: [] },
    }),
  );
  return file;
}

const cli = (args: string[]) => runCommand(process.execPath, ['bin/image-catalog.js', 'policy', 'eval', ...args]);

t.test('policy eval prints an allowed decision as JSON and exits 0', async (t) => {
  const ran = await cli(['--input', envelopeFile('ok', 'shared', ['member'])]);
  t.equal(ran.code, 0, ran.stderr);
  t.same(JSON.parse(ran.stdout), { allowed: true, violations: [] });
});

t.test('policy eval exits 1 for a blocking violation and names the rule and the field', async (t) => {
  const ran = await cli(['--input', envelopeFile('public', 'public', ['member'])]);
  t.equal(ran.code, 1);
  const decision = JSON.parse(ran.stdout) as { allowed: boolean; violations: { rule: string; field: string; level: string }[] };
  t.equal(decision.allowed, false);
  t.same(
    decision.violations.map((v) => [v.rule, v.field, v.level]),
    [['public_visibility', 'visibility', 'mandatory']],
  );
});

t.test('policy eval --data turns a rule advisory: the same envelope is allowed and still reported', async (t) => {
  const data = join(dir, 'advisory.yaml');
  writeFileSync(data, 'image_catalog:\n  rules:\n    public_visibility:\n      level: advisory\n');
  const ran = await cli(['--input', envelopeFile('public2', 'public', ['member']), '--data', data]);
  t.equal(ran.code, 0, ran.stderr);
  const decision = JSON.parse(ran.stdout) as { allowed: boolean; violations: { level: string }[] };
  t.equal(decision.allowed, true);
  t.same(
    decision.violations.map((v) => v.level),
    ['advisory'],
  );
});

t.test('policy eval exits 1 for an envelope that is not JSON or does not fit the schema', async (t) => {
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"principal": ');
  const broken = await cli(['--input', notJson]);
  t.equal(broken.code, 1);
  t.match(JSON.parse(broken.stdout), { allowed: false, violations: [{ rule: 'input', address: '(envelope)' }] });
  const misfit = join(dir, 'misfit.json');
  writeFileSync(misfit, '{"principal": {}, "changes": [], "catalog": {"images": []}}');
  const ran = await cli(['--input', misfit]);
  t.equal(ran.code, 1);
  t.match(JSON.parse(ran.stdout), { allowed: false, violations: [{ rule: 'input', field: 'principal.user_id', message: 'is required' }] });
});

t.test('policy eval exits 2 for unusable arguments: no --input, a missing file, a bad --data', async (t) => {
  const none = await cli([]);
  t.equal(none.code, 2);
  t.match(none.stderr, "required option '--input <file>' not specified");
  const missing = await cli(['--input', join(dir, 'nope.json')]);
  t.equal(missing.code, 2);
  t.match(missing.stderr, `--input ${join(dir, 'nope.json')}: cannot read it (ENOENT)`);
  const badData = join(dir, 'bad.json');
  writeFileSync(badData, '{"image_catalog": {"rules": {"naming": {"level": "sometimes"}}}}');
  const bad = await cli(['--input', envelopeFile('ok2', 'shared', ['member']), '--data', badData]);
  t.equal(bad.code, 2);
  t.match(bad.stderr, `policy data from ${badData} is not valid`);
  t.match(bad.stderr, 'image_catalog.rules.naming.level: must be one of "mandatory", "advisory", "disabled"');
});

t.test('policy eval --format text prints one block per violation', async (t) => {
  const ran = await cli(['--input', envelopeFile('text', 'public', ['member']), '--format', 'text']);
  t.equal(ran.code, 1);
  t.match(
    ran.stdout,
    /^✖ mandatory {2}public_visibility {2}image\.v10 {2}visibility\n {2}visibility public needs one of the roles admin; the token has member\n {2}fix: /,
  );
  t.match(ran.stdout, 'policy: blocked by 1 mandatory violation');
});
