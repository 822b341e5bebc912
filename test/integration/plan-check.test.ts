/**
 * `image-catalog plan-check` on the JSON of a real OpenTofu plan of an HCL configuration with
 * terraform-provider-openstack 3.4.0 against the test Image Service: a compliant plan passes, a plan with a public
 * image made by a member (and a missing property) is blocked naming each address, rule and field; a file that is
 * not a plan is unusable input; `pr-check --plan` reports the blocked plan on the lines of main.tf. And TPO#1994: an applied image whose os_version is then edited plans as no change
 * (terraform-provider-openstack 3.4.0 suppresses it), yet plan-check sees it against what Glance has and blocks it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openstackConfiguration } from '../../scripts/tofu-config.js';
import { locateTool, repoRoot, toolEnv } from '../../scripts/tools.js';
import { localGitHub } from '../helpers/github.js';
import { glance, lab, scratchDir, suffix, waitForStatus } from '../helpers/lab.js';
import { actionCheckout, prCheck, runAction } from '../helpers/pr-check.js';
import { runCommand } from '../helpers/run.js';
import { validateSarif } from '../helpers/sarif.js';

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

/** A folder of its own for a configuration: the mirror only, the lab's clouds; `tofu` runs in it. */
async function workspace(): Promise<{ dir: string; tofu: (args: string[]) => Buffer }> {
  const dir = scratchDir();
  writeFileSync(join(dir, 'data.raw'), Buffer.alloc(65536, 3));
  const found = await locateTool('tofu');
  if (!found.ok) throw new Error(`tofu is needed: ${found.reason}`);
  const env = { ...(await toolEnv()), OS_CLIENT_CONFIG_FILE: lab().clouds };
  return {
    dir,
    tofu: (args) => execFileSync(found.path, args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] }),
  };
}

/** Writes `resources` as the configuration of `ws` and returns the JSON file of its plan. */
function planOf(ws: { dir: string; tofu: (args: string[]) => Buffer }, resources: string): string {
  writeFileSync(join(ws.dir, 'main.tf'), openstackConfiguration(resources.replaceAll('DATA', join(ws.dir, 'data.raw'))));
  ws.tofu(['init', '-input=false']);
  ws.tofu(['plan', '-input=false', '-out=plan.bin']);
  const file = join(ws.dir, 'plan.json');
  writeFileSync(file, ws.tofu(['show', '-json', 'plan.bin']));
  return file;
}

/** The JSON of `tofu plan` of `resources` in a folder of its own. */
async function planJson(resources: string): Promise<string> {
  return planOf(await workspace(), resources);
}

/** `image-catalog plan-check` of `file` as `cloud` (`null`: the cloud of each resource's provider block). */
function planCheck(file: string, cloud: string | null = 'platform'): ReturnType<typeof runCommand> {
  return runCommand(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'provider', 'cli', 'main.ts'), 'plan-check', file, ...(cloud === null ? [] : ['--cloud', cloud])],
    { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds },
  );
}

t.test('a compliant plan passes', async (t) => {
  const ran = await planCheck(await planJson(image('good', '1.0', 'shared', ', hw_vif_model = "virtio"')));
  t.equal(ran.code, 0, 'exit 0', { output: ran.stdout + ran.stderr });
  t.match(ran.stdout, /1 change\(s\) of the catalog/);
});

t.test('8: a member of an image the plan makes private is blocked (rule sharing), found by its image_id reference', async (t) => {
  const member = `resource "openstack_images_image_access_v2" "share" {
  image_id  = openstack_images_image_v2.private.id
  member_id = "${lab().projects['appteam'] ?? ''}"
}
`;
  const ran = await planCheck(await planJson(image('private', '1.0', 'private', ', hw_vif_model = "virtio"') + member));
  t.equal(ran.code, 1, 'exit 1 (blocked)', { output: ran.stdout + ran.stderr });
  t.match(
    ran.stdout,
    /sharing {2}openstack_images_image_access_v2\.share {2}image_id\n {2}image "rocky-9-[^"]+-v1\.0" is "private": a member needs it shared/,
  );
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

t.test('pr-check --plan: the HCL plan decided, annotated on each resource block’s line of main.tf, SARIF valid', async (t) => {
  const github = await localGitHub();
  const ws = await workspace();
  const file = planOf(ws, image('good', '1.0', 'shared', ', hw_vif_model = "virtio"') + image('public', '1.1', 'public'));
  const tf = readFileSync(join(ws.dir, 'main.tf'), 'utf8').split('\n');
  const line = tf.findIndex((l) => l.includes('"openstack_images_image_v2" "public"')) + 1;
  // 10: each on the line of its attribute in that block (a missing property: the properties line).
  const visibilityLine = tf.findIndex((l, i) => i >= line && l.includes('visibility')) + 1;
  const propertiesLine = tf.findIndex((l, i) => i >= line && l.includes('properties')) + 1;
  const sarif = join(ws.dir, 'check.sarif');
  const ran = await prCheck(['--plan', file, '--report', 'check-run', '--sarif', sarif], {
    github,
    workspace: ws.dir,
    env: { OS_CLIENT_CONFIG_FILE: lab().clouds },
  });
  t.equal(ran.code, 1, 'exit 1', { output: ran.stdout + ran.stderr });
  const run = [...github.state.checkRuns.values()][0];
  t.match(run?.run, { conclusion: 'failure' });
  t.same(
    run?.annotations.map((a) => [a['path'], a['start_line'], a['title']]).sort(),
    [
      ['main.tf', propertiesLine, 'required_metadata properties.hw_vif_model'],
      ['main.tf', visibilityLine, 'public_visibility visibility'],
    ].sort(),
    `on main.tf lines ${visibilityLine} and ${propertiesLine}, the attributes of the resource block of openstack_images_image_v2.public (line ${line})`,
  );
  t.same(validateSarif(sarif), [], 'the SARIF written with --sarif is valid for the SARIF Multitool');
});

t.test('the GitHub Action, from what `uses:` checks out (no node_modules): the same plan, the same check run', async (t) => {
  const github = await localGitHub();
  const ws = await workspace();
  const file = planOf(ws, image('public', '1.1', 'public'));
  const line =
    readFileSync(join(ws.dir, 'main.tf'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"openstack_images_image_v2" "public"')) + 1;
  const ran = await runAction(
    actionCheckout(),
    { plan: file, report: 'check-run,comment' },
    {
      github,
      workspace: ws.dir,
      pr: 3,
      env: { OS_CLIENT_CONFIG_FILE: lab().clouds },
    },
  );
  t.equal(ran.code, 1, 'the step fails: blocked', { output: ran.stdout + ran.stderr });
  t.match(ran.stdout, /^::add-mask::ghs_writer$/m, 'the token input is masked in the log');
  const run = [...github.state.checkRuns.values()][0];
  t.match(run?.run, { conclusion: 'failure' });
  t.ok(
    run?.annotations.every((a) => a['path'] === 'main.tf' && Number(a['start_line']) > line && Number(a['start_line']) < line + 8),
    'on the lines of that resource block',
    { annotations: run?.annotations },
  );
  t.equal(github.state.comments.length, 1, 'and the PR comment');
  t.match(
    String(github.state.comments[0]?.['body']),
    new RegExp(`\`\`\`mermaid\ngantt\n  title rocky-9-${profile}\n[^]*v1\\.1 no end of life \\(new\\) :`),
    "with the line's timeline: the new version drawn",
  );
  t.ok(
    github.state.received.every((r) => r.authorization === 'token ghs_writer'),
    'with the token input',
  );
});

t.test('a file that is not a plan is unusable input (exit 2)', async (t) => {
  const file = join(scratchDir(), 'not-a-plan.json');
  writeFileSync(file, '{"resources": []}');
  const ran = await planCheck(file);
  t.equal(ran.code, 2, 'exit 2', { output: ran.stderr });
  t.match(ran.stderr, /not a plan's JSON/);
});

t.test('TPO#1994: an edited os_version plans as no change, and plan-check decides it against what Glance has', async (t) => {
  const ws = await workspace();
  const published = image('drift', '1.0', 'shared', ', hw_vif_model = "virtio"');
  planOf(ws, published);
  ws.tofu(['apply', '-input=false', 'plan.bin']);
  t.teardown(() => ws.tofu(['destroy', '-auto-approve', '-input=false']));
  const edited = planOf(ws, published.replace('os_version = "9"', 'os_version = "9.1"'));
  const plan = JSON.parse(readFileSync(edited, 'utf8')) as { resource_changes: { change: { actions: string[] } }[] };
  t.same(
    plan.resource_changes.map((rc) => rc.change.actions),
    [['no-op']],
    'terraform-provider-openstack plans the edit as no change',
  );
  const ran = await planCheck(edited);
  t.equal(ran.code, 1, 'exit 1', { output: ran.stdout + ran.stderr });
  t.match(
    ran.stdout,
    /note: openstack_images_image_v2\.drift: properties\.os_version is "9\.1" in the configuration but "9" in Glance.*TPO#1994/,
  );
  t.match(ran.stdout, /mandatory\s+immutability\s+openstack_images_image_v2\.drift\s+properties\.os_version/);
});

/** An image of `profile` the platform shares with appteam, which accepts it; `patch` then applied by admin. */
async function sharedImage(
  version: string,
  properties: Record<string, string>,
  deactivate: boolean,
): Promise<{ id: string; name: string }> {
  const name = `rocky-9-${profile}-v${version}`;
  const made = await glance('platform', 'POST', '/v2/images', {
    name,
    disk_format: 'raw',
    container_format: 'bare',
    visibility: 'shared',
    ...properties,
  });
  const id = (made.body as { id: string }).id;
  t.teardown(async () => {
    await glance('admin', 'DELETE', `/v2/images/${id}`);
  });
  await glance('platform', 'PUT', `/v2/images/${id}/file`, Buffer.alloc(4096, 1));
  await waitForStatus('platform', id, 'active');
  await glance('platform', 'POST', `/v2/images/${id}/members`, { member: lab().projects['appteam'] });
  await glance('appteam', 'PUT', `/v2/images/${id}/members/${lab().projects['appteam'] ?? ''}`, { status: 'accepted' });
  if (deactivate) {
    const answer = await glance('admin', 'POST', `/v2/images/${id}/actions/deactivate`);
    if (answer.status !== 204) throw new Error(`deactivate: ${answer.status} ${answer.text}`);
  }
  return { id, name };
}

/** A consumer's configuration (the appteam cloud): a server and a volume, each from `image` (HCL). */
function consumer(server: string, volume: string): string {
  return `resource "openstack_compute_instance_v2" "web" {
  name      = "web-${profile}"
  flavor_id = "1"
  ${server}
}

resource "openstack_blockstorage_volume_v3" "disk" {
  size     = 1
  ${volume}
}
`;
}

/** The JSON of the consumer's plan, in a folder of its own, as the appteam cloud. */
async function consumerPlan(resources: string): Promise<{ dir: string; file: string }> {
  const ws = await workspace();
  writeFileSync(join(ws.dir, 'main.tf'), openstackConfiguration(resources, 'appteam'));
  ws.tofu(['init', '-input=false']);
  ws.tofu(['plan', '-input=false', '-out=plan.bin']);
  const file = join(ws.dir, 'plan.json');
  writeFileSync(file, ws.tofu(['show', '-json', 'plan.bin']));
  return { dir: ws.dir, file };
}

t.test(
  '24: a consumer plan of a server on a revoked image is refused (consumption), a volume from a deprecated one warned; no Nova or Cinder needed',
  async (t) => {
    const revoked = await sharedImage('2.0', { os_distro: 'rocky' }, true);
    const deprecated = await sharedImage(
      '2.1',
      { os_distro: 'rocky', deprecated: 'true', superseded_by: `rocky-9-${profile}-v2.2` },
      false,
    );
    const { dir, file } = await consumerPlan(consumer(`image_id  = "${revoked.id}"`, `image_id = "${deprecated.id}"`));
    // The lab has no Compute or Block Storage service: the plan made no call to either.
    const ran = await planCheck(file, null);
    t.equal(ran.code, 1, 'exit 1: blocked', { output: ran.stdout + ran.stderr });
    t.match(
      ran.stdout,
      /mandatory\s+consumption\s+openstack_compute_instance_v2\.web\s+image_id\n\s+is made from image "rocky-9-\w+-v2\.0" \([0-9a-f-]{36}\), which is revoked \(deactivated\)/,
    );
    t.match(
      ran.stdout,
      /advisory\s+consumption_deprecated\s+openstack_blockstorage_volume_v3\.disk\s+image_id\n\s+is made from image "rocky-9-\w+-v2\.1" .*which is deprecated \(superseded by rocky-9-\w+-v2\.2\)/,
    );
    // The same plan through pr-check: the annotation on the image_id line of the server's block.
    const github = await localGitHub();
    const checked = await prCheck(['--plan', file, '--report', 'check-run'], {
      github,
      workspace: dir,
      env: { OS_CLIENT_CONFIG_FILE: lab().clouds },
    });
    t.equal(checked.code, 1, 'pr-check exit 1', { output: checked.stdout + checked.stderr });
    const tf = readFileSync(join(dir, 'main.tf'), 'utf8').split('\n');
    const block = tf.findIndex((l) => l.includes('"openstack_compute_instance_v2" "web"'));
    const imageLine = tf.findIndex((l, i) => i > block && l.includes('image_id')) + 1;
    const run = [...github.state.checkRuns.values()][0];
    t.same(
      run?.annotations.filter((a) => a['title'] === 'consumption image_id').map((a) => [a['path'], a['start_line'], a['annotation_level']]),
      [['main.tf', imageLine, 'failure']],
      `the refusal on main.tf line ${imageLine}, the server's image_id`,
    );
    // Booting the line's current image passes.
    const current = await sharedImage('2.2', { os_distro: 'rocky' }, false);
    const good = await consumerPlan(consumer(`image_name = "${current.name}"`, `image_id = "${current.id}"`));
    const passed = await planCheck(good.file, null);
    t.equal(passed.code, 0, 'a server (by name) and a volume on the current image pass', { output: passed.stdout + passed.stderr });
    t.match(passed.stdout, /2 change\(s\)/);
    // An image appteam cannot see (deleted, never shared, or past its end of life and no longer shared): refused too.
    const unseen = await consumerPlan(consumer('image_id = "00000000-0000-0000-0000-0000000000ff"', `image_id = "${current.id}"`));
    const refused = await planCheck(unseen.file, null);
    t.equal(refused.code, 1, 'a server on an image the consumer cannot see is refused', { output: refused.stdout + refused.stderr });
    t.match(
      refused.stdout,
      /mandatory\s+consumption\s+openstack_compute_instance_v2\.web\s+image_id\n\s+is made from image 0{8}-0{4}-0{4}-0{4}-0{10}ff, which project \w+ cannot see/,
    );
  },
);
