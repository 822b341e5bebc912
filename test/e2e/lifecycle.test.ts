/**
 * A version line's lifecycle through real `pulumi up` against the lab (docs/lifecycle.md): retention deletes a
 * version past its end of life beyond `keep` and the next run changes nothing; a channel moves without a replace;
 * a revoked version is deactivated and never resolved; a delete before the end of life is refused; `image-catalog
 * resolve` as the consumer; `getImage` in a consumer's own program follows a channel move.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { getImage, LineAcceptance, VersionLine, type GetImageResult, type LineVersion } from '../../provider/pulumi/index.js';
import { utcToday } from '../../provider/resources/day.js';
import { labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, suffix } from '../helpers/lab.js';
import { e2eStack, imagesNamed, pulumi as run } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

const profile = `c${suffix().slice(0, 6)}`;
const family = `ubuntu-24.04-${profile}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const metadata = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'lifecycle test' };
const day = (offset: number): string => utcToday(new Date(Date.now() + offset * 86_400_000));

function data(version: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${family}-${version}.raw`);
  writeFileSync(file, Buffer.alloc(65536, 7 + Number(version.replace('.', ''))));
  return file;
}

type Declared = Omit<LineVersion, 'source' | 'diskFormat'>;

function line(versions: readonly Declared[], more: { channels?: Record<string, string>; keep?: number } = {}) {
  return () => {
    new VersionLine('line', {
      os: 'ubuntu',
      osVersion: '24.04',
      profile,
      properties: metadata,
      ...more,
      versions: versions.map((v) => ({ ...v, diskFormat: 'raw' as const, source: { file: data(v.version) } })),
      consumers: [{ name: 'appteam', projectId: lab().projects['appteam'] ?? '', cloud: 'appteam' }],
    });
    return Promise.resolve({});
  };
}

async function image(version: string): Promise<Record<string, unknown> & { id: string }> {
  const [id] = await imagesNamed(`${family}-v${version}`);
  return (await glance('admin', 'GET', `/v2/images/${String(id)}`)).body as Record<string, unknown> & { id: string };
}

async function members(id: string): Promise<string[]> {
  const res = await glance('platform', 'GET', `/v2/images/${id}/members`);
  return ((res.body as { members?: { member_id: string; status: string }[] }).members ?? []).map((m) => m.status);
}

/** `image-catalog resolve` as the consumer (appteam), from the checkout's bin. */
function resolve(ref: string, ...more: string[]) {
  return runCommand(process.execPath, ['bin/image-catalog.js', 'resolve', ref, '--cloud', 'appteam', ...more], {
    ...process.env,
    ...labStackEnv(lab()),
  });
}

t.test('channels, end of life, retention and revocation of one line, and the consumer resolving it', async (t) => {
  const target = await e2eStack(family);
  const owner = lab().projects['platform'] ?? '';
  const three: Declared[] = [{ version: '1.0' }, { version: '1.1', endOfLife: day(400) }, { version: '1.2' }];
  const first = await run(target, 'up', line(three, { channels: { stable: '1.1' }, keep: 2 }));
  t.ok(first.ok, 'three versions, stable at 1.1', { output: first.text });
  const v11 = await image('1.1');
  t.match(v11, { os_hidden: false, provided_until: day(400) }, 'the stable version is visible and carries its end of life');
  t.same([...(v11['tags'] as string[])].sort(), [family, `${family}@stable`], 'its tags: the line and the channel');
  t.same([...((await image('1.2'))['tags'] as string[])].sort(), [family, `${family}@latest`], 'the newest is latest');
  t.match(await image('1.0'), { os_hidden: true, deprecated: 'true' }, 'the oldest is deprecated and hidden');
  const v10 = await image('1.0');
  t.same(await members(v10.id), ['accepted'], 'an older version stays shared with the consumer, and accepted');

  const resolved = await resolve(`${family}@stable`);
  t.equal(resolved.code, 0, 'resolve finds stable', { output: resolved.stderr });
  t.equal(resolved.stdout.trim(), v11.id, 'as the id of 1.1');
  const json = await resolve(family, '--format', 'json', '--owner', owner);
  t.match(JSON.parse(json.stdout), { id: (await image('1.2')).id, version: '1.2', channel: 'latest', owner }, 'latest is 1.2');
  const none = await resolve(`${family}@candidate`);
  t.equal(none.code, 1, 'an empty channel exits 1');
  t.match(none.stderr, `channel candidate of line ${family} points at no image (its channels: latest, stable)`);
  const nothing = await resolve('ubuntu-24.04-nosuchline');
  t.match(nothing.stderr, /no line ubuntu-24\.04-nosuchline/, 'so does a line that does not exist, saying so');

  // A consumer program of its own (its stack, the consumer's cloud) reads the channel with getImage.
  const consumer = await e2eStack(`${family}-consumer`);
  const follow = () =>
    getImage({ line: family, channel: 'stable', owner, cloud: 'appteam' }).then((found: GetImageResult) => ({ image: found.id }));
  const before = await run(consumer, 'up', follow);
  t.ok(before.ok, 'the consumer program runs', { output: before.text });
  t.equal(before.outputs['image']?.value, v11.id, 'getImage gives stable: 1.1');

  // The channel moves to 1.2: updates only (nothing made, replaced or deleted), 1.1 keeps its id.
  const moved = await run(target, 'up', line(three, { channels: { stable: '1.2' }, keep: 2 }));
  t.ok(moved.ok, 'stable moves to 1.2', { output: moved.text });
  t.same(Object.keys(moved.changes).sort(), ['same', 'update'], 'by updates alone', { changes: moved.changes });
  t.equal((await image('1.1')).id, v11.id, '1.1 is the same image');
  t.match(await image('1.1'), { os_hidden: true, deprecated: 'true' }, 'and is now deprecated and hidden');
  const after = await run(consumer, 'up', follow);
  t.equal(after.outputs['image']?.value, (await image('1.2')).id, "the consumer's next up follows the channel to 1.2");

  // A delete before the end of life is refused.
  const early = await run(target, 'up', line([{ version: '1.0' }, { version: '1.2' }], { channels: { stable: '1.2' }, keep: 2 }));
  t.notOk(early.ok, 'removing 1.1 before its end of life is refused');
  t.same(early.blockedBy, ['lifecycle'], 'by the lifecycle rule');
  t.match(early.text, `cannot be deleted before its end of life (provided_until ${day(400)})`);
  t.equal((await image('1.1')).id, v11.id, '1.1 is still there');

  // 1.0 reaches its end of life: retention (keep 2) deletes it; the next run changes nothing.
  const retired: Declared[] = [{ version: '1.0', endOfLife: day(-1) }, { version: '1.1', endOfLife: day(400) }, { version: '1.2' }];
  const retire = await run(target, 'up', line(retired, { channels: { stable: '1.2' }, keep: 2 }));
  t.ok(retire.ok, 'one up deletes 1.0', { output: retire.text });
  t.same(await imagesNamed(`${family}-v1.0`), [], '1.0 is gone');
  const settled = await run(target, 'preview', line(retired, { channels: { stable: '1.2' }, keep: 2 }));
  t.same(Object.keys(settled.changes), ['same'], 'the next run changes nothing', { changes: settled.changes });

  // 1.2 is revoked: deactivated, out of every channel; latest falls back to 1.1; stable must move first.
  const refused = await run(
    target,
    'up',
    line([...retired.slice(0, 2), { version: '1.2', revoked: true }], { channels: { stable: '1.2' }, keep: 2 }),
  );
  t.notOk(refused.ok, 'a channel at a revoked version is refused');
  t.match(refused.text, 'channels.stable: version 1.2 is revoked');
  const revoke = await run(
    target,
    'up',
    line([...retired.slice(0, 2), { version: '1.2', revoked: true }], { channels: { stable: '1.1' }, keep: 2 }),
  );
  t.ok(revoke.ok, 'revoked with stable back at 1.1', { output: revoke.text });
  t.match(await image('1.2'), { status: 'deactivated', os_hidden: true }, '1.2 is deactivated');
  const latest = await resolve(family);
  t.equal(latest.stdout.trim(), v11.id, 'resolve never returns the revoked version: latest is 1.1 again');
});

t.test("a consumer accepts a line from its own program (LineAcceptance): each version as it appears, the owner's only", async (t) => {
  const profile2 = `${profile}a`;
  const family2 = `ubuntu-24.04-${profile2}`;
  const owner = lab().projects['platform'] ?? '';
  const platform = await e2eStack(family2);
  // The platform's line shares with appteam and holds none of its credentials: every membership stays pending.
  const shared = (versions: readonly Declared[], keep?: number) => () => {
    new VersionLine('line', {
      os: 'ubuntu',
      osVersion: '24.04',
      profile: profile2,
      properties: metadata,
      ...(keep === undefined ? {} : { keep }),
      versions: versions.map((v) => ({ ...v, diskFormat: 'raw' as const, source: { file: data(v.version) } })),
      consumers: [{ name: 'appteam', projectId: lab().projects['appteam'] ?? '' }],
    });
    return Promise.resolve({});
  };
  const imageOf = async (version: string): Promise<string> => String((await imagesNamed(`${family2}-v${version}`))[0]);
  const two: Declared[] = [{ version: '1.0', endOfLife: day(30) }, { version: '1.1' }];
  t.ok((await run(platform, 'up', shared(two))).ok, 'the platform shares 1.0 and 1.1');
  t.same(await members(await imageOf('1.0')), ['pending'], 'pending until the consumer answers');

  // Another project's image carrying the line's tag, shared with appteam: never accepted.
  const stranger = await glance('admin', 'POST', '/v2/images', {
    name: `${family2}-v9.9`,
    disk_format: 'raw',
    container_format: 'bare',
    visibility: 'shared',
    tags: [family2],
  });
  const strangerId = (stranger.body as { id: string }).id;
  t.teardown(async () => {
    await glance('admin', 'DELETE', `/v2/images/${strangerId}`);
  });
  await glance('admin', 'POST', `/v2/images/${strangerId}/members`, { member: lab().projects['appteam'] });

  const consumer = await e2eStack(`${family2}-consumer`);
  const accept = () => {
    const acceptance = new LineAcceptance('base', { line: family2, owner, cloud: 'appteam' });
    return Promise.resolve({ accepted: acceptance.accepted });
  };
  const first = await run(consumer, 'up', accept);
  t.ok(first.ok, "the consumer's up accepts", { output: first.text });
  t.same(first.outputs['accepted']?.value, [`${family2}-v1.0`, `${family2}-v1.1`], 'both versions, in order');
  t.same(await members(await imageOf('1.1')), ['accepted'], '1.1 is accepted');
  const strangerMembers = await glance('admin', 'GET', `/v2/images/${strangerId}/members`);
  t.same(
    (strangerMembers.body as { members: { status: string }[] }).members.map((m) => m.status),
    ['pending'],
    "another project's image with the line's tag is left pending",
  );

  // 1.2 appears: the consumer's next preview plans its acceptance, the up makes it.
  const three: Declared[] = [...two, { version: '1.2' }];
  t.ok((await run(platform, 'up', shared(three))).ok, 'the platform publishes 1.2');
  const planned = await run(consumer, 'preview', accept);
  t.same(planned.changes['create'], 1, 'the preview plans one acceptance', { changes: planned.changes });
  t.same(await members(await imageOf('1.2')), ['pending'], 'a preview changes nothing');
  const second = await run(consumer, 'up', accept);
  t.ok(second.ok, 'the next up accepts it', { output: second.text });
  t.same(await members(await imageOf('1.2')), ['accepted'], '1.2 is accepted');

  // 1.0 reaches its end of life: no longer shared, the consumer's acceptance of it goes without a fault; then
  // retention deletes it and the consumer has nothing left to change.
  const past: Declared[] = [{ version: '1.0', endOfLife: day(-1) }, { version: '1.1' }, { version: '1.2' }];
  const ended = await run(platform, 'up', shared(past));
  t.ok(ended.ok, '1.0 past its end of life is unshared', { output: ended.text });
  const third = await run(consumer, 'up', accept);
  t.ok(third.ok, "the consumer's up drops the acceptance of the version no longer shared", { output: third.text });
  t.same(third.outputs['accepted']?.value, [`${family2}-v1.1`, `${family2}-v1.2`]);
  t.same(Object.keys(third.changes).sort(), ['delete', 'same'], 'one delete', { changes: third.changes });
  const retire = await run(platform, 'up', shared(past, 2));
  t.ok(retire.ok, 'retention deletes 1.0', { output: retire.text });
  const settled = await run(consumer, 'preview', accept);
  t.same(Object.keys(settled.changes), ['same'], 'and the consumer has nothing to change', { changes: settled.changes });
});
