/**
 * The consumer's side in CDKTF against the lab (issue 24): `CatalogImageLookup` and the HCL data source it is built
 * on return the same image for a channel; `LineAcceptance`, applied through the `image-catalog-tofu` gate as the
 * consumer's own cloud, accepts every version of the line the owner shares (hidden ones too) and none of another
 * project carrying the line's tag; a version shared later is accepted by the next apply.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { Testing, TerraformOutput, TerraformStack } from 'cdktn';
import { CatalogImageLookup, LineAcceptance, OpenstackProvider } from '../../provider/cdktf/index.js';
import { openstackConfiguration } from '../../scripts/tofu-config.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { glance, lab, scratchDir, suffix, waitForStatus } from '../helpers/lab.js';

const profile = `k${suffix().slice(0, 6)}`;
const family = `rocky-9-${profile}`;
const owner = lab().projects['platform'] ?? '';
const appteam = lab().projects['appteam'] ?? '';

/** An image of the line as the platform's stack would publish it, shared (pending) with appteam. */
async function version(v: string, tags: string[], hidden: boolean, by: 'platform' | 'admin' = 'platform'): Promise<string> {
  const made = await glance(by, 'POST', '/v2/images', {
    name: `${family}-v${v}`,
    disk_format: 'raw',
    container_format: 'bare',
    visibility: 'shared',
    os_hidden: hidden,
    tags: [family, ...tags],
  });
  const id = (made.body as { id: string }).id;
  t.teardown(async () => {
    await glance('admin', 'DELETE', `/v2/images/${id}`);
  });
  await glance(by, 'PUT', `/v2/images/${id}/file`, Buffer.alloc(4096, 2));
  await waitForStatus(by, id, 'active');
  await glance(by, 'POST', `/v2/images/${id}/members`, { member: appteam });
  return id;
}

async function memberStatus(id: string, by: 'platform' | 'admin' = 'platform'): Promise<string | undefined> {
  const res = await glance(by, 'GET', `/v2/images/${id}/members/${appteam}`);
  return (res.body as { status?: string } | undefined)?.status;
}

/** Runs tofu (or the gate, `gate`) in `dir` as the lab's clouds, and returns its standard output. */
async function tofuIn(dir: string, args: string[], gate = false): Promise<string> {
  const found = await locateTool('tofu');
  if (!found.ok) throw new Error(`tofu is needed: ${found.reason}`);
  const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: lab().clouds, IMAGE_CATALOG_TERRAFORM: found.path };
  const [command, ...rest] = gate ? [process.execPath, join(repoRoot, 'bin', 'image-catalog-tofu.js'), ...args] : [found.path, ...args];
  try {
    return execFileSync(command, rest, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${args.join(' ')} failed:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`, { cause: err });
  }
}

/** The consumer's app, synthesized into a folder of its own (cdk.tf.json). */
function consumerApp(): string {
  const dir = scratchDir();
  const stack = new TerraformStack(Testing.app(), 'consumer');
  const provider = new OpenstackProvider(stack, 'openstack', { cloud: 'appteam' });
  const stable = new CatalogImageLookup(stack, 'base', { line: `${family}@stable`, owner, provider });
  new TerraformOutput(stack, 'image', { value: stable.imageId });
  new LineAcceptance(stack, 'accept', { line: family, owner, memberProjectId: appteam, provider });
  writeFileSync(join(dir, 'cdk.tf.json'), Testing.synth(stack));
  return dir;
}

t.test('CatalogImageLookup and the HCL data source agree; LineAcceptance accepts the owner’s versions as they appear', async (t) => {
  const v10 = await version('1.0', [], true);
  const v11 = await version('1.1', [`${family}@stable`, `${family}@latest`], false);
  const stranger = await version('9.9', [], false, 'admin');

  // The HCL user's way: the same filters, written by hand.
  const hcl = scratchDir();
  writeFileSync(
    join(hcl, 'main.tf'),
    openstackConfiguration(
      `data "openstack_images_image_v2" "base" {\n  tag           = "${family}@stable"\n  owner         = "${owner}"\n  member_status = "all"\n}\n\noutput "image" {\n  value = data.openstack_images_image_v2.base.id\n}\n`,
      'appteam',
    ),
  );
  await tofuIn(hcl, ['init', '-input=false']);
  await tofuIn(hcl, ['apply', '-auto-approve', '-input=false']);
  const fromHcl = (JSON.parse(await tofuIn(hcl, ['output', '-json'])) as { image: { value: string } }).image.value;
  t.equal(fromHcl, v11, 'the HCL data source finds stable: 1.1');

  const app = consumerApp();
  await tofuIn(app, ['init', '-input=false'], true);
  const applied = await tofuIn(app, ['apply', '-auto-approve', '-input=false'], true);
  t.match(applied, /image-catalog gate: 2 change\(s\) of the catalog decided/, 'the gate decided the two acceptances');
  const fromCdktf = (JSON.parse(await tofuIn(app, ['output', '-json'])) as { image: { value: string } }).image.value;
  t.equal(fromCdktf, fromHcl, 'CatalogImageLookup returns the same id');
  t.equal(await memberStatus(v10), 'accepted', 'the hidden older version is accepted');
  t.equal(await memberStatus(v11), 'accepted', 'the current one too');
  t.equal(await memberStatus(stranger, 'admin'), 'pending', "another project's image with the line's tag is not");

  const v12 = await version('1.2', [], false);
  await tofuIn(app, ['apply', '-auto-approve', '-input=false'], true);
  t.equal(await memberStatus(v12), 'accepted', 'a version shared later is accepted by the next apply');
  const again = await tofuIn(app, ['apply', '-auto-approve', '-input=false'], true);
  t.match(again, /No changes\./, 'and then nothing is left to change');
});
