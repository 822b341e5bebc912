/**
 * A replace is not a reuse of the name: an unpublished (private) image whose data changes is replaced under the
 * same name, through pulumi up (the engine checks the replacement again with no old inputs, after diff decided the
 * replace) and through image-catalog preview (a replace's steps merged per resource).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { repoRoot } from '../../scripts/tools.js';
import { suffix } from '../helpers/lab.js';
import { e2eStack, familyProgram, imageCatalogPreview, imagesNamed, pulumi } from '../helpers/pulumi.js';

const family = `ubuntu-24.04-r${suffix().slice(0, 6)}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'replace test' };

function data(fill: number): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${family}-${fill}.raw`);
  writeFileSync(file, Buffer.alloc(65536, fill));
  return file;
}

/** v1.0 of the family, private (never published), from the data `fill` makes. */
const program = (fill: number) => familyProgram(family, { data: data(fill), metadata }, { '1.0': { visibility: 'private' } });

t.test('an unpublished image whose data changes is replaced under its own name; image-catalog preview allows it too', async (t) => {
  const target = await e2eStack(family);
  const first = await pulumi(target, 'up', program(1));
  t.ok(first.ok, 'v1.0 is created, private', { output: first.text });
  const [before] = await imagesNamed(`${family}-v1.0`);

  const replaced = await pulumi(target, 'up', program(2));
  t.ok(replaced.ok, 'new data replaces it: the name it keeps is not a reuse', { output: replaced.text });
  t.same(replaced.blockedBy, [], 'no mandatory violation');
  t.equal(replaced.changes.replace, 1, 'one replace');
  const after = await imagesNamed(`${family}-v1.0`);
  t.equal(after.length, 1, 'one image of that name remains');
  t.not(after[0], before, 'and it is a new image');

  const whole = await imageCatalogPreview(target, 'replace', ['--format', 'json'], {
    REPLACE_TEST_FAMILY: family,
    REPLACE_TEST_DATA: data(3),
  });

  t.equal(whole.code, 0, 'image-catalog preview of a further replace allows it', { output: whole.stdout + whole.stderr });
  const plan = JSON.parse(whole.stdout) as {
    decisions: { changes: number; decision: { violations: unknown[] } }[];
    steps: { urn: string; type: string; op: string }[];
  };
  t.same(
    plan.decisions.map((d) => [d.changes, d.decision.violations]),
    [[1, []]],
    'one change decided, no violation',
  );
  t.same(
    plan.steps.filter((s) => s.type.startsWith('image-catalog:index:')).map((s) => [s.type, s.op, s.urn.split('::').at(-1)]),
    [['image-catalog:index:Image', 'replace', 'v1.0']],
    "the steps as data: the image's replace is one step (the engine's create-replacement, replace and delete-replaced)",
  );
  t.ok(
    plan.steps.some((s) => s.type === 'pulumi:pulumi:Stack' && s.op === 'same'),
    'every resource has its step, the stack itself unchanged',
  );
});
