/**
 * A version line in two regions of one cloud through real `pulumi up`: RegionOne (the clouds' region_name) and the
 * lab's RegionTwo (a second glance-api in the same Keystone). Adding `regions` to a line publishes its versions in
 * RegionTwo under the same names and checksums, shared and accepted there, and leaves RegionOne's resources as they
 * are; a name taken in RegionTwo blocks RegionTwo's create, saying so; a region Keystone does not know is refused
 * naming the ones it knows, before anything is made; RegionTwo's glance-api down during a two-region publish leaves
 * RegionOne done, and the next run finishes RegionTwo without a second image.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { createImage, deleteImage, listImages, type ImageWire } from '../../provider/client/images.js';
import { listMembers } from '../../provider/client/members.js';
import { Session } from '../../provider/client/session.js';
import { VersionLine, type LineVersion } from '../../provider/pulumi/index.js';
import { labServicePid, labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { lab, labSession, suffix } from '../helpers/lab.js';
import { e2eStack, incompressibleFile, pulumi as run } from '../helpers/pulumi.js';
import { lab as labRun, runCommand } from '../helpers/run.js';

const profile = `r${suffix().slice(0, 6)}`;
const family = `ubuntu-24.04-${profile}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const metadata = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'two regions' };
const two = lab().regionTwo.name;

/** A persona's session in a region of the lab. */
function inRegion(persona: 'admin' | 'platform', region: string): Session {
  const base = labSession(persona);
  const session = base.inRegion(region);
  // The cloud's own region is the persona's session itself (labSession closes it).
  if (session !== base) t.teardown(() => session.close());
  return session;
}
const admin = { RegionOne: inRegion('admin', 'RegionOne'), [two]: inRegion('admin', two) } as Record<string, Session>;

// v1.2 is large enough to be cut while RegionTwo's glance-api takes it.
const big = incompressibleFile(`${family}-1.2`, 64);
function data(version: string): string {
  if (version === '1.2') return big;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${family}-${version}.raw`);
  writeFileSync(file, Buffer.alloc(256 * 1024, Number(version.replace('.', ''))));
  return file;
}

function line(versions: readonly string[], regions?: readonly string[]) {
  return () => {
    const list: LineVersion[] = versions.map((version) => ({ version, diskFormat: 'raw', source: { file: data(version) } }));
    new VersionLine('line', {
      os: 'ubuntu',
      osVersion: '24.04',
      profile,
      properties: metadata,
      versions: list,
      ...(regions === undefined ? {} : { regions }),
      consumers: [{ name: 'appteam', projectId: lab().projects['appteam'] ?? '', cloud: 'appteam' }],
    });
    return Promise.resolve({});
  };
}

/** The line's images in a region (as admin), by name. */
async function images(region: string): Promise<ImageWire[]> {
  const found: ImageWire[] = [];
  for (const hidden of [false, true])
    for await (const image of listImages(admin[region] as Session, { visibility: 'all', osHidden: hidden }))
      if (image.name?.startsWith(family) === true) found.push(image);
  return found.sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

const summary = (list: readonly ImageWire[]): [string, string, string][] =>
  list.map((i) => [String(i.name), i.status, String(i['os_hash_value'])]);

t.teardown(async () => {
  for (const region of Object.keys(admin))
    for (const image of await images(region).catch(() => [])) await deleteImage(admin[region] as Session, image.id).catch(() => undefined);
});

const target = await e2eStack(family);

t.test(
  'a line given regions: RegionTwo gets every version (same name, same checksum, shared and accepted); RegionOne stays as it is',
  async (t) => {
    const first = await run(target, 'up', line(['1.0']));
    t.ok(first.ok, 'v1.0 in the cloud region', { output: first.text });
    const before = await images('RegionOne');

    const both = await run(target, 'up', line(['1.0', '1.1'], ['RegionOne', two]));
    t.ok(both.ok, 'up with regions: [RegionOne, RegionTwo] and v1.1', { output: both.text });
    const one = await images('RegionOne');
    const other = await images(two);
    t.same(summary(other), summary(one), 'RegionTwo has each version under the same name with the same checksum');
    t.equal(one.find((i) => i.name === `${family}-v1.0`)?.id, before[0]?.id, "RegionOne's v1.0 is the same image (not replaced)");
    const appteam = lab().projects['appteam'] ?? '';
    for (const image of other)
      t.same(
        (await listMembers(admin[two] as Session, image.id)).map((m) => [m.member_id, m.status]),
        [[appteam, 'accepted']],
        `${String(image.name)} is shared with appteam and accepted in RegionTwo`,
      );
    // The consumer resolves the line in each region: the id is that region's image.
    for (const [region, list] of [
      ['RegionOne', one],
      [two, other],
    ] as const) {
      const resolved = await runCommand(
        process.execPath,
        ['bin/image-catalog.js', 'resolve', family, '--cloud', 'appteam', '--region', region, '--format', 'json'],
        { ...process.env, ...labStackEnv(lab()) },
      );
      t.equal(resolved.code, 0, `image-catalog resolve --region ${region}`, { output: resolved.stderr });
      const found = JSON.parse(resolved.stdout) as { id: string; region: string };
      t.same([found.id, found.region], [list.find((i) => i.name === `${family}-v1.1`)?.id, region], `gives ${region}'s v1.1`);
    }
    const again = await run(target, 'up', line(['1.0', '1.1'], ['RegionOne', two]));
    t.ok(again.ok, 'a second run succeeds', { output: again.text });
    t.same(Object.keys(again.changes), ['same'], 'and changes nothing', { changes: again.changes });
  },
);

t.test('a name taken in RegionTwo blocks its create there, saying so; nothing is made in RegionOne', async (t) => {
  // An image of v1.2's name in RegionTwo, made by hand in the owner's project (no creation mark of the stack).
  const squatter = await createImage(inRegion('platform', two), { name: `${family}-v1.2`, disk_format: 'raw', container_format: 'bare' });
  try {
    const blocked = await run(target, 'up', line(['1.0', '1.1', '1.2'], ['RegionOne', two]));
    t.notOk(blocked.ok, 'the run is refused');
    t.match(blocked.text, `Image::line-v1.2@${two}`, 'naming the resource of RegionTwo', { output: blocked.text });
    t.match(blocked.text, squatter.id, 'and the image there');
    t.notMatch(blocked.text, /Image::line-v1\.2 /, "RegionOne's v1.2 is not refused");
    t.notOk(
      (await images('RegionOne')).some((i) => i.name === `${family}-v1.2`),
      'nothing was made in RegionOne',
    );
  } finally {
    await deleteImage(admin[two] as Session, squatter.id);
  }
});

t.test('a region Keystone does not know is refused naming the ones it knows, before anything is made', async (t) => {
  const wrong = await run(target, 'up', line(['1.0', '1.1', '1.2'], ['RegionOne', 'RegionThree']));
  t.notOk(wrong.ok, 'the run fails');
  t.match(
    wrong.text,
    /no public image endpoint in region RegionThree \(its regions: RegionOne, RegionTwo\)/,
    'naming the regions it knows',
    {
      output: wrong.text,
    },
  );
  t.notOk(
    (await images('RegionOne')).some((i) => i.name === `${family}-v1.2`),
    'nothing was made in RegionOne',
  );
});

t.test(
  "RegionTwo's glance-api killed during a two-region publish: RegionOne is done, the next run finishes RegionTwo, one image each",
  async (t) => {
    const publishing = run(target, 'up', line(['1.0', '1.1', '1.2'], ['RegionOne', two]));
    // Killed once both regions have the new version's record: both creates are under way (Pulumi launches no new
    // step after a failure: a create not yet started would wait for the next run; one in flight finishes).
    const has = async (region: string): Promise<boolean> =>
      (await images(region).catch(() => [])).some((image) => image.name === `${family}-v1.2`);
    let seen = false;
    for (let i = 0; i < 1200 && !seen; i++) {
      seen = (await has(two)) && (await has('RegionOne'));
      if (!seen) await new Promise((r) => setTimeout(r, 100));
    }
    t.ok(seen, "both regions' v1.2 records appeared");
    process.kill(-labServicePid('region-two'), 'SIGKILL');
    const cut = await publishing;
    const back = await labRun(['up']);
    t.equal(back.code, 0, "the lab's RegionTwo is back", { output: back.stderr });
    t.notOk(cut.ok, 'the run fails');
    t.ok(
      (await images('RegionOne')).some((i) => i.name === `${family}-v1.2` && i.status === 'active'),
      "RegionOne's v1.2 is published",
      { output: cut.text },
    );
    const next = await run(target, 'up', line(['1.0', '1.1', '1.2'], ['RegionOne', two]));
    t.ok(next.ok, 'the next run succeeds', { output: next.text });
    t.same(summary(await images(two)), summary(await images('RegionOne')), 'RegionTwo has v1.2 too, once, with the same checksum');
  },
);
