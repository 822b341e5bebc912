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
const pack = join(repoRoot, 'provider', 'pulumi', 'policy-pack', 'analyzer');
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
  const withPack = { policyPacks: [pack] };

  const fine = await pulumi(reporting, 'preview', program({}), withPack);
  t.ok(fine.ok, 'a compliant image passes the pack', { output: fine.text });
  t.same(fine.policyViolations, [], 'the pack reported nothing (the next preview, the same pack, shows it runs)');

  const bad = await pulumi(reporting, 'preview', program({ visibility: 'public' }), withPack);
  t.notOk(bad.ok, 'a public image made without the admin role fails the preview', { output: bad.text });
  t.match(
    bad.policyViolations,
    [{ policyName: 'image-catalog-mandatory', enforcementLevel: 'mandatory', message: /public_visibility: visibility:/ }],
    'the pack names the rule and the field',
  );

  // The pack matches a live image by name: once v1.0 is published, editing it is seen as an update of it.
  const up = await pulumi(target, 'up', program({}));
  t.ok(up.ok, 'v1.0 is published', { output: up.text });
  const edit = await pulumi(reporting, 'preview', program({ minDisk: 5 }), withPack);
  t.notOk(edit.ok, "editing the published image's min_disk fails the pack", { output: edit.text });
  t.match(
    edit.policyViolations,
    [{ enforcementLevel: 'mandatory', message: /immutability: min_disk: min_disk cannot change after publish/ }],
    'the pack names immutability',
  );
  t.equal((await imagesNamed(family)).length, 1, 'previews changed nothing');
});
