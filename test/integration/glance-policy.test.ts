/**
 * Glance's own policy twin of the catalog rules, proven on the lab: whatever our policy bundle decides, the
 * service enforces these by itself (DESIGN.md: tests prove both layers).
 */
import t, { type Test } from 'tap';
import { glance, lab, labStores, suffix, waitForStatus } from '../helpers/lab.js';

const patchType = 'application/openstack-images-v2.1-json-patch';

/**
 * Creates a raw image as the platform owner, runs `body` with its id, then deletes it and checks the 404,
 * whatever `body` did.
 */
async function withPlatformImage(t: Test, body: (id: string) => Promise<void>): Promise<void> {
  const made = await glance('platform', 'POST', '/v2/images', {
    name: `policy-twin-${suffix()}`,
    disk_format: 'raw',
    container_format: 'bare',
  });
  t.equal(made.status, 201, 'the platform owner creates an image');
  const id = (made.body as { id: string }).id;
  try {
    await body(id);
  } finally {
    t.equal((await glance('admin', 'DELETE', `/v2/images/${id}`)).status, 204, 'cleanup deletes the image');
    t.equal((await glance('admin', 'GET', `/v2/images/${id}`)).status, 404, 'the image is gone after delete');
  }
}

t.test('Glance refuses a public image from the platform owner with 403 and lets admin publish it', async (t) => {
  const refusedCreate = await glance('platform', 'POST', '/v2/images', {
    name: `policy-twin-${suffix()}`,
    disk_format: 'raw',
    container_format: 'bare',
    visibility: 'public',
  });
  t.equal(refusedCreate.status, 403, 'creating a public image as a member is forbidden');

  await withPlatformImage(t, async (id) => {
    const patch = [{ op: 'replace', path: '/visibility', value: 'public' }];
    const refused = await glance('platform', 'PATCH', `/v2/images/${id}`, patch, patchType);
    t.equal(refused.status, 403, 'making it public as the owner (member role) is forbidden');
    const viewer = await glance('platform-viewer', 'PATCH', `/v2/images/${id}`, patch, patchType);
    t.equal(viewer.status, 403, 'making it public as a reader of the owner project is forbidden');
    const allowed = await glance('admin', 'PATCH', `/v2/images/${id}`, patch, patchType);
    t.equal(allowed.status, 200, 'admin may make it public');
    t.equal((allowed.body as { visibility: string }).visibility, 'public');
  });
});

t.test('only the member project accepts a share: the owner gets 403, appteam accepts', async (t) => {
  await withPlatformImage(t, async (id) => {
    const appteam = lab().projects['appteam'] ?? '';
    const added = await glance('platform', 'POST', `/v2/images/${id}/members`, { member: appteam });
    t.equal(added.status, 200, 'the owner adds appteam as a member');
    t.equal((added.body as { status: string }).status, 'pending', 'a new member is pending');

    const byOwner = await glance('platform', 'PUT', `/v2/images/${id}/members/${appteam}`, { status: 'accepted' });
    t.equal(byOwner.status, 403, "the owner cannot accept on the member project's behalf");
    const byMember = await glance('appteam', 'PUT', `/v2/images/${id}/members/${appteam}`, { status: 'accepted' });
    t.equal(byMember.status, 200, 'the member project accepts');
    t.equal((byMember.body as { status: string }).status, 'accepted');

    const seen = await glance('appteam', 'GET', `/v2/images/${id}`);
    t.equal(seen.status, 200, 'appteam now sees the shared image');
  });
});

t.test('copy-image to another store is admin-only: 403 for the owner, 202 and a second store for admin', async (t) => {
  await withPlatformImage(t, async (id) => {
    const upload = await glance('platform', 'PUT', `/v2/images/${id}/file`, Buffer.from(`image data ${suffix()}\n`));
    t.equal(upload.status, 204, 'the owner uploads data');
    await waitForStatus('platform', id, 'active');

    const request = { method: { name: 'copy-image' }, stores: ['cheap'] };
    const refused = await glance('platform', 'POST', `/v2/images/${id}/import`, request);
    t.equal(refused.status, 403, 'copy-image as the owner is forbidden');
    const accepted = await glance('admin', 'POST', `/v2/images/${id}/import`, request);
    t.equal(accepted.status, 202, 'copy-image as admin is accepted');

    const deadline = Date.now() + 90_000;
    let stores = '';
    while (Date.now() < deadline) {
      stores = ((await glance('admin', 'GET', `/v2/images/${id}`)).body as { stores?: string }).stores ?? '';
      if (stores.split(',').includes('cheap')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    t.same(stores.split(',').sort(), ['cheap', 'fast'], 'the image ends up in both stores');
  });
});

t.test('stores/detail is admin-only while the store list is for every project', async (t) => {
  const listed = await glance('platform', 'GET', '/v2/info/stores');
  t.equal(listed.status, 200, 'the owner lists the stores');
  const ids = labStores((listed.body as { stores: { id: string; default?: unknown }[] }).stores);
  t.same(ids.map((s) => s.id).sort(), ['cheap', 'fast']);
  // Glance sends the default flag as the string "true" (and leaves it out for the others).
  t.same(
    ids.filter((s) => s.default === 'true').map((s) => s.id),
    ['fast'],
    'fast is the default store',
  );

  t.equal((await glance('platform', 'GET', '/v2/info/stores/detail')).status, 403, 'the owner may not read store details');
  t.equal((await glance('appteam', 'GET', '/v2/info/stores/detail')).status, 403, 'another project may not read store details');
  const detail = await glance('admin', 'GET', '/v2/info/stores/detail');
  t.equal(detail.status, 200, 'admin reads store details');
  const types = labStores((detail.body as { stores: { id: string; type: string }[] }).stores)
    .map((s) => `${s.id}:${s.type}`)
    .sort();
  t.same(types, ['cheap:file', 'fast:file']);
});
