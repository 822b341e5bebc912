/**
 * The envelope from the real lab: the principal from the Keystone token, the live catalog from Glance (all
 * visibilities, pending shares, hidden images, across pages), decided by the Wasm policy.
 */
import t from 'tap';
import { imageDocument, listImages, snapshotImages } from '../../provider/client/images.js';
import { Session } from '../../provider/client/session.js';
import { PolicyEngine } from '../../provider/policy/engine.js';
import { buildEnvelope, type Change } from '../../provider/policy/envelope.js';
import { glance, lab, suffix } from '../helpers/lab.js';

process.env['OS_CLIENT_CONFIG_FILE'] = lab().clouds;
const profile = `t${suffix()}`;
const family = `ubuntu-24.04-${profile}`;
const properties = {
  os_distro: 'ubuntu',
  os_version: '24.04',
  hw_disk_bus: 'virtio',
  hw_vif_model: 'virtio',
  description: 'policy-live test',
};

/** Creates an image through the raw API as a persona and deletes it (checking the 404) when the file ends. */
async function made(persona: 'platform' | 'appteam', body: Record<string, unknown>): Promise<string> {
  const res = await glance(persona, 'POST', '/v2/images', { disk_format: 'raw', container_format: 'bare', ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  const id = (res.body as { id: string }).id;
  t.teardown(async () => {
    await glance('admin', 'DELETE', `/v2/images/${id}`);
    if ((await glance('admin', 'GET', `/v2/images/${id}`)).status !== 404) throw new Error(`image ${id} survived its cleanup`);
  });
  return id;
}

t.test('the principal comes from the Keystone token: platform is member and reader of project platform', async (t) => {
  const session = Session.forCloud('platform');
  t.teardown(() => session.close());
  t.same(await session.identity(), {
    user_id: (await session.token()).userId,
    project_id: lab().projects['platform'],
    roles: ['member', 'reader'],
  });
});

t.test(
  "the live snapshot has other projects' community images, pending shares and hidden images, which default lists leave out, across pages",
  async (t) => {
    // Another project's community image: Glance lists a project's own community images by default, not others'.
    const community = await made('appteam', { name: `${family}-community`, visibility: 'community' });
    const hidden = await made('platform', { name: `${family}-hidden`, os_hidden: true });
    const offered = await made('appteam', { name: `${family}-offered` });
    const share = await glance('appteam', 'POST', `/v2/images/${offered}/members`, { member: lab().projects['platform'] });
    t.equal(share.status, 200, 'appteam offers a share to platform (pending)');

    const session = Session.forCloud('platform');
    t.teardown(() => session.close());
    const plain: string[] = [];
    for await (const image of listImages(session)) plain.push(image.id);
    t.same(
      { community: plain.includes(community), hidden: plain.includes(hidden), offered: plain.includes(offered) },
      { community: false, hidden: false, offered: false },
      'a default list shows none of them',
    );

    const before = session.transport.requests;
    const snapshot = await snapshotImages(session, 2);
    const ids = snapshot.map((i) => i.id);
    t.ok(ids.includes(community) && ids.includes(hidden) && ids.includes(offered), 'the snapshot has all three');
    t.ok(session.transport.requests - before >= Math.ceil(snapshot.length / 2), 'one request per page of 2');
    t.equal(new Set(ids).size, ids.length, 'no image twice');
  },
);

t.test('a version lower than the live latest, and a public image from a member, are blocked on the live envelope', async (t) => {
  const live = await made('platform', { name: `${family}-v1.5`, ...properties });
  const session = Session.forCloud('platform');
  t.teardown(() => session.close());
  const envelope = (changes: Change[]) => async () =>
    buildEnvelope(await session.identity(), (await snapshotImages(session)).map(imageDocument), changes);
  const create = (name: string, visibility = 'shared'): Change => ({
    address: `image.${name}`,
    kind: 'image',
    action: 'create',
    before: null,
    after: { name, disk_format: 'qcow2', container_format: 'bare', visibility, properties },
  });
  const engine = await PolicyEngine.load();

  const older = engine.decide(await envelope([create(`${family}-v1.4`)])());
  t.equal(older.allowed, false);
  t.same(
    older.violations.map((v) => [v.rule, v.field, v.message]),
    [['versioning', 'name', `v1.4 is not newer than v1.5, the latest ${family} in the live catalog`]],
  );

  const newer = engine.decide(await envelope([create(`${family}-v1.6`)])());
  t.same(newer, { allowed: true, violations: [] }, 'the next version is allowed');

  const reused = engine.decide(await envelope([create(`${family}-v1.5`)])());
  t.ok(
    reused.violations.some((v) => v.message === `name "${family}-v1.5" is already used by image ${live}`),
    'the live name cannot be reused',
  );

  const publicByMember = engine.decide(await envelope([create(`${family}-v2.0`, 'public')])());
  t.same(
    publicByMember.violations.map((v) => [v.rule, v.message]),
    [['public_visibility', 'visibility public needs one of the roles admin; the token has member, reader']],
  );
});
