/**
 * The CrossGuard pack (provider/pulumi/policy-pack) with real `pulumi preview --policy-pack`: the same bundle
 * decides each resource from its new inputs. The providers only report here (IMAGE_CATALOG_POLICY_MODE=report),
 * so what fails the preview is the pack.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { ImageArgs } from '../../provider/pulumi/resources.js';
import { repoRoot } from '../../scripts/tools.js';
import { suffix } from '../helpers/lab.js';
import { e2eStack, familyProgram, imagesNamed, pulumi } from '../helpers/pulumi.js';

const family = `ubuntu-24.04-g${suffix().slice(0, 6)}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const data = join(dir, `${family}.raw`);
const pack = join(repoRoot, 'provider', 'pulumi', 'policy-pack');
const metadata = {
  os_distro: 'ubuntu',
  os_version: '24.04',
  hw_disk_bus: 'virtio',
  hw_vif_model: 'virtio',
  description: 'crossguard test',
};

/** The program of one image, v1.0 of the family, shared (published) unless `args` say otherwise. */
const program = (args: Partial<ImageArgs>) => familyProgram(family, { data, metadata }, { '1.0': args });

t.test('pulumi preview --policy-pack runs the bundle: a compliant image passes, violations fail with their rule', async (t) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(data, Buffer.alloc(65536, 3));
  const target = await e2eStack(family);
  const env = { ...target.env, OS_CLOUD: 'platform', IMAGE_CATALOG_POLICY_MODE: 'report' };
  const reporting = { ...target, env };

  const fine = await pulumi(reporting, ['preview', '--policy-pack', pack], program({}));
  t.equal(fine.code, 0, 'a compliant image passes the pack', { output: fine.stdout + fine.stderr });
  t.match(fine.stdout, /✅ image-catalog@v0\.1\.0/, 'the pack ran');

  const bad = await pulumi(reporting, ['preview', '--policy-pack', pack], program({ visibility: 'public' }));
  t.not(bad.code, 0, 'a public image made without the admin role fails the preview', { output: bad.stdout + bad.stderr });
  t.match(
    bad.stdout,
    /\[mandatory\]\s+image-catalog-mandatory[\s\S]*public_visibility: visibility:/,
    'the pack names the rule and the field',
  );

  // The pack matches a live image by name: once v1.0 is published, editing it is seen as an update of it.
  const up = await pulumi(target, ['up', '--yes'], program({}));
  t.equal(up.code, 0, 'v1.0 is published', { output: up.stdout + up.stderr });
  const edit = await pulumi(reporting, ['preview', '--policy-pack', pack], program({ minDisk: 5 }));
  t.not(edit.code, 0, "editing the published image's min_disk fails the pack", { output: edit.stdout + edit.stderr });
  t.match(edit.stdout, /immutability: min_disk: min_disk cannot change after publish/, 'the pack names immutability');
  t.equal((await imagesNamed(family)).length, 1, 'previews changed nothing');
});
