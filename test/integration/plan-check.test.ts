/**
 * `image-catalog plan-check` on the JSON of a real OpenTofu plan of an HCL configuration with
 * terraform-provider-openstack 3.4.0 against the test Image Service: a compliant plan passes, a plan with a public
 * image made by a member (and a missing property) is blocked naming each address, rule and field; a file that is
 * not a plan is unusable input. Nothing is applied.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openstackConfiguration } from '../../scripts/tofu-config.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { lab, scratchDir, suffix } from '../helpers/lab.js';
import { runCommand } from '../helpers/run.js';

const profile = `tf${suffix().slice(0, 6)}`;
const properties = 'os_distro = "rocky", os_version = "9", hw_disk_bus = "virtio", description = "plan check"';

function image(name: string, version: string, visibility: string, extra = ''): string {
  return `resource "openstack_images_image_v2" "${name}" {
  name             = "rocky-9-${profile}-v${version}"
  container_format = "bare"
  disk_format      = "raw"
  visibility       = "${visibility}"
  local_file_path  = "DATA"
  properties       = { ${properties}${extra} }
}
`;
}

/** The JSON of `tofu plan` of `resources` (a folder of its own, the mirror only, the lab's clouds). */
async function planJson(resources: string): Promise<string> {
  const dir = scratchDir();
  const data = join(dir, 'data.raw');
  writeFileSync(data, Buffer.alloc(65536, 3));
  writeFileSync(join(dir, 'main.tf'), openstackConfiguration(resources.replaceAll('DATA', data)));
  const found = await locateTool('tofu');
  if (!found.ok) throw new Error(`tofu is needed: ${found.reason}`);
  const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: lab().clouds };
  for (const args of [
    ['init', '-input=false'],
    ['plan', '-input=false', '-out=plan.bin'],
  ])
    execFileSync(found.path, args, { cwd: dir, env, stdio: 'ignore' });
  const file = join(dir, 'plan.json');
  writeFileSync(file, execFileSync(found.path, ['show', '-json', 'plan.bin'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }));
  return file;
}

function planCheck(file: string): ReturnType<typeof runCommand> {
  return runCommand(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'provider', 'cli', 'main.ts'), 'plan-check', file, '--cloud', 'platform'],
    { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds },
  );
}

t.test('a compliant plan passes', async (t) => {
  const ran = await planCheck(await planJson(image('good', '1.0', 'shared', ', hw_vif_model = "virtio"')));
  t.equal(ran.code, 0, 'exit 0', { output: ran.stdout + ran.stderr });
  t.match(ran.stdout, /1 change\(s\) of the catalog/);
});

t.test('a public image by a member, without hw_vif_model, is blocked naming address, rule and field', async (t) => {
  const ran = await planCheck(
    await planJson(image('good', '1.0', 'shared', ', hw_vif_model = "virtio"') + image('public', '1.1', 'public')),
  );
  t.equal(ran.code, 1, 'exit 1', { output: ran.stdout + ran.stderr });
  t.match(ran.stdout, /mandatory\s+public_visibility\s+openstack_images_image_v2\.public\s+visibility/);
  t.match(ran.stdout, /mandatory\s+required_metadata\s+openstack_images_image_v2\.public\s+properties\.hw_vif_model/);
  t.notMatch(ran.stdout, /openstack_images_image_v2\.good\s/, 'the compliant image is not named');
});

t.test('a file that is not a plan is unusable input (exit 2)', async (t) => {
  const file = join(scratchDir(), 'not-a-plan.json');
  writeFileSync(file, '{"resources": []}');
  const ran = await planCheck(file);
  t.equal(ran.code, 2, 'exit 2', { output: ran.stderr });
  t.match(ran.stderr, /not a plan's JSON/);
});
