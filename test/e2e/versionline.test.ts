/**
 * The VersionLine component through real `pulumi up`: the shares follow the versions' lifecycle; credentials from
 * the secret stack config; a secret input stays secret in the state.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { Image, ImageMember, ImageMemberAcceptance, VersionLine, type LineVersion } from '../../provider/pulumi/index.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, suffix } from '../helpers/lab.js';
import { e2eStack, imagesNamed, pulumi as run } from '../helpers/pulumi.js';

const profile = `l${suffix().slice(0, 6)}`;
const family = `ubuntu-24.04-${profile}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const metadata = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'version line test' };

function data(version: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${family}-${version}.raw`);
  writeFileSync(file, Buffer.alloc(65536, version.length + Number(version.replace('.', ''))));
  return file;
}

function line(versions: readonly string[], properties: Record<string, string> = metadata) {
  return () => {
    const list: LineVersion[] = versions.map((version) => ({ version, diskFormat: 'raw', source: { file: data(version) } }));
    new VersionLine('line', {
      os: 'ubuntu',
      osVersion: '24.04',
      profile,
      properties,
      versions: list,
      consumers: [{ name: 'appteam', projectId: lab().projects['appteam'] ?? '', cloud: 'appteam' }],
    });
    return Promise.resolve({});
  };
}

async function image(name: string): Promise<Record<string, unknown>> {
  const [id] = await imagesNamed(name);
  return (await glance('admin', 'GET', `/v2/images/${String(id)}`)).body as Record<string, unknown>;
}

async function members(name: string): Promise<[string, string][]> {
  const [id] = await imagesNamed(name);
  const res = await glance('platform', 'GET', `/v2/images/${String(id)}/members`);
  return ((res.body as { members?: { member_id: string; status: string }[] }).members ?? []).map((m) => [m.member_id, m.status]);
}

t.test('a new version is current: the old one is deprecated, superseded and hidden, and stays shared', async (t) => {
  const target = await e2eStack(family);
  const first = await run(target, 'up', line(['1.0']));
  t.ok(first.ok, 'v1.0 alone', { output: first.text });
  const appteam = lab().projects['appteam'] ?? '';
  t.same(await members(`${family}-v1.0`), [[appteam, 'accepted']], 'v1.0 is shared with appteam and accepted');

  const second = await run(target, 'up', line(['1.0', '1.1']));
  t.ok(second.ok, 'v1.1 added', { output: second.text });
  t.match(
    await image(`${family}-v1.0`),
    { deprecated: 'true', superseded_by: `${family}-v1.1`, os_hidden: true },
    'v1.0 deprecated and hidden',
  );
  t.match(await image(`${family}-v1.1`), { os_hidden: false, visibility: 'shared' }, 'v1.1 current');
  t.same(await members(`${family}-v1.1`), [[appteam, 'accepted']], 'v1.1 is shared with appteam and accepted');
  t.same(
    await members(`${family}-v1.0`),
    [[appteam, 'accepted']],
    'v1.0 stays shared until its end of life: what runs on it can be rebuilt',
  );
  const again = await run(target, 'preview', line(['1.0', '1.1']));
  t.ok(again.ok, 'a second preview runs', { output: again.text });
  t.same(Object.keys(again.changes), ['same'], 'and plans no change', { changes: again.changes });

  // 7: the line's shared description edited together with a new version.
  const edited = { ...metadata, description: 'version line test, edited' };
  // The older versions' updates (superseded_by) leave their ids as they are: no share of them is replaced, in the
  // preview too (a trial saw every share previewed as replaced, then only updated by up).
  const planned = await run(target, 'preview', line(['1.0', '1.1', '1.2'], edited));
  t.ok(planned.ok, 'the preview of v1.2 runs', { output: planned.text });
  t.notOk('replace' in planned.changes, 'and replaces nothing', { changes: planned.changes });
  const third = await run(target, 'up', line(['1.0', '1.1', '1.2'], edited));
  t.ok(third.ok, '7: the edit and v1.2 apply: no block of the published versions', { output: third.text });
  t.equal((await image(`${family}-v1.2`))['description'], edited.description, 'v1.2 is published with the edited description');
  t.equal((await image(`${family}-v1.1`))['description'], metadata.description, 'v1.1 keeps what it was published with');
  t.match(await image(`${family}-v1.1`), { deprecated: 'true', superseded_by: `${family}-v1.2` }, 'and is deprecated for v1.2');
  t.equal((await image(`${family}-v1.0`))['description'], metadata.description, 'v1.0 too');
  const settled = await run(target, 'preview', line(['1.0', '1.1', '1.2'], edited));
  t.same(Object.keys(settled.changes), ['same'], 'after it, no change is planned', { changes: settled.changes });

  // A hand edit of a shared key on a published version is still put back (ignoreChanges keeps the declared value).
  const [v11 = ''] = await imagesNamed(`${family}-v1.1`);
  await glance(
    'platform',
    'PATCH',
    `/v2/images/${v11}`,
    [{ op: 'replace', path: '/description', value: 'hand edited' }],
    'application/openstack-images-v2.1-json-patch',
  );
  const repaired = await run(target, 'up', line(['1.0', '1.1', '1.2'], edited), { refresh: true });
  t.ok(repaired.ok, 'up --refresh runs', { output: repaired.text });
  t.equal((await image(`${family}-v1.1`))['description'], metadata.description, 'v1.1 has what it was published with again');
});

t.test(
  "credentials from the secret stack config image-catalog:clouds, the consumer's acceptance too; a secret input stays secret in the state",
  async (t) => {
    const name = `${family}-v9.0`;
    const target = await e2eStack(name);
    const clouds = readFileSync(lab().clouds, 'utf8');
    // No OS_CLIENT_CONFIG_FILE: the clouds document comes from the stack's encrypted config only.
    const bare = { ...target, env: { ...target.env, OS_CLIENT_CONFIG_FILE: join(dir, 'no-such-clouds.yaml') } };
    await (await openStack(bare)).setConfig('image-catalog:clouds', { value: clouds, secret: true });
    const secret = `classified-${suffix()}`;
    const appteam = lab().projects['appteam'] ?? '';
    const program = () => {
      const shared = new Image('secret', {
        name,
        diskFormat: 'raw',
        visibility: 'shared',
        source: { file: data('9.0') },
        properties: { os_distro: 'ubuntu', os_version: '24.04', ...metadata, description: pulumi.secret(secret) },
      });
      const member = new ImageMember('share', { imageId: shared.imageId, memberProjectId: appteam });
      // The consumer's cloud, `appteam`, is found in the same secret config (no clouds.yaml file is there).
      new ImageMemberAcceptance(
        'accept',
        { imageId: member.imageId, memberProjectId: member.memberProjectId, status: 'accepted', cloud: 'appteam' },
        { dependsOn: [member] },
      );
      return Promise.resolve({});
    };
    const up = await run(bare, 'up', program);
    t.ok(up.ok, 'pulumi up authenticates with the clouds of the secret config', { output: up.text });
    t.equal((await image(name))['description'], secret, 'the image has the secret description');
    t.same(await members(name), [[appteam, 'accepted']], "the consumer's acceptance used the secret config's appteam cloud");

    const stateDir = target.stateDir ?? '';
    const files = readdirSync(stateDir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(stateDir, f))
      .filter((f) => statSync(f).isFile());
    const state = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    t.notOk(state.includes(secret), 'the secret input is not in the state in plain text');
    t.match(state, /4dabf18193072939515e22adb298388d/, 'the state holds it as a Pulumi secret');
    const password = /password: (\S+)/.exec(clouds)?.[1] ?? '(none)';
    const stackFile = readFileSync(join(target.cwd, 'Pulumi.e2e.yaml'), 'utf8');
    t.notOk(state.includes(password) || stackFile.includes(password), 'no lab password in the state or the stack file');
  },
);
