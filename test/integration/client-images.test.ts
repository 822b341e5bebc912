/**
 * provider/client against the lab: image records, data, patches, members and stores, each created with a random
 * suffix, deleted by the test, and checked gone (404) after.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import t, { type Test } from 'tap';
import { downloadImageData, uploadImageData, type TransferProgress } from '../../provider/client/data.js';
import { ImageDataError, ImageServiceError, isForbidden, isNotFound } from '../../provider/client/errors.js';
import {
  createImage,
  createImageBody,
  deleteImage,
  getImage,
  imagePatch,
  setImageActive,
  updateImage,
} from '../../provider/client/images.js';
import { addMember, deleteMember, getMember, listMembers, setMemberStatus } from '../../provider/client/members.js';
import { flag, listStores, listStoresDetail } from '../../provider/client/stores.js';
import { lab, labSession, labStores, scratchDir, suffix } from '../helpers/lab.js';

const platform = labSession('platform');
const appteam = labSession('appteam');
const admin = labSession('admin');
const dir = scratchDir();

/** Creates a raw image as platform; runs `body`; deletes it and checks the 404, whatever `body` did. */
async function withImage(t: Test, extra: Record<string, unknown>, body: (id: string) => Promise<void>): Promise<void> {
  const image = await createImage(
    platform,
    createImageBody({ name: `client-${suffix()}`, disk_format: 'raw', container_format: 'bare', ...extra }),
  );
  t.equal(image.status, 'queued', 'a new record is queued');
  try {
    await body(image.id);
  } finally {
    await deleteImage(admin, image.id);
    const gone = await getImage(admin, image.id).catch((e: unknown) => e);
    t.ok(isNotFound(gone), 'the image is gone (404) after delete');
  }
}

t.test('an upload from a file hashes sha512 as it sends, reports progress, and matches what Glance stored', async (t) => {
  const data = randomBytes(3 * 1024 * 1024 + 17);
  const file = join(dir, 'data.raw');
  writeFileSync(file, data);
  await withImage(t, {}, async (id) => {
    const seen: TransferProgress[] = [];
    const sent = await uploadImageData(platform, id, { path: file }, { onProgress: (p) => seen.push(p), progressEveryMs: 0 });
    t.equal(sent.bytes, data.length);
    t.equal(sent.sha512, createHash('sha512').update(data).digest('hex'));
    const last = seen.at(-1);
    t.equal(last?.bytes, data.length, 'the last progress report has every byte');
    t.equal(last?.total, data.length, 'the total is known for a file');
    const stored = await getImage(platform, id);
    t.equal(stored.status, 'active');
    t.equal(stored['os_hash_value'], sent.sha512);
    t.equal(stored['size'], data.length);
    const exported = join(dir, 'exported.raw');
    const got = await downloadImageData(platform, id, exported);
    t.equal(got.sha512, sent.sha512, 'the download (image export) hashes to the same sha512');
    t.same(readFileSync(exported), data, 'and holds the same bytes');
  });
});

t.test('an upload whose data does not match the pinned sha256 fails, naming both digests', async (t) => {
  await withImage(t, {}, async (id) => {
    const err = await uploadImageData(
      platform,
      id,
      { stream: Readable.from([Buffer.from('hello')]) },
      { expectedSha256: 'ab'.repeat(32) },
    ).catch((e: unknown) => e);
    t.type(err, ImageDataError, 'Glance answered: not an ImageServiceError');
    t.match(
      (err as Error).message,
      `the data's sha256 is ${createHash('sha256').update('hello').digest('hex')}, not the pinned ${'ab'.repeat(32)}`,
    );
  });
});

t.test('an upload whose source fails half-way is an error and leaves the record without data', async (t) => {
  await withImage(t, {}, async (id) => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(512 * 1024);
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('the disk went away');
    }
    const err = await uploadImageData(platform, id, { stream: Readable.from(failing()) }).catch((e: unknown) => e);
    t.type(err, ImageServiceError);
    t.equal((err as ImageServiceError).status, 0, 'no answer: the request itself failed');
    const stored = await getImage(platform, id);
    t.not(stored.status, 'active', 'Glance did not take half the data as an image');
  });
});

t.test('a JSON-patch changes min_disk, adds and removes properties and replaces the tags', async (t) => {
  await withImage(t, { min_disk: 1, tags: ['a'], stale: 'x' }, async (id) => {
    const current = await getImage(platform, id);
    const ops = imagePatch(current, { min_disk: 5, tags: ['b', 'c'], os_distro: 'ubuntu' }, ['stale', 'absent']);
    const updated = await updateImage(platform, id, ops);
    t.equal(updated['min_disk'], 5);
    t.same([...(updated['tags'] as string[])].sort(), ['b', 'c']);
    t.equal(updated['os_distro'], 'ubuntu');
    t.notOk('stale' in updated, 'the removed property is gone');
  });
});

t.test('deactivate and reactivate an image with data', async (t) => {
  await withImage(t, {}, async (id) => {
    await uploadImageData(platform, id, { stream: Readable.from([Buffer.from('data')]) });
    await setImageActive(platform, id, false);
    t.equal((await getImage(platform, id)).status, 'deactivated');
    await setImageActive(platform, id, true);
    t.equal((await getImage(platform, id)).status, 'active');
  });
});

t.test("members: the owner adds appteam (pending), cannot accept for it, appteam accepts, the owner's delete revokes", async (t) => {
  await withImage(t, { visibility: 'shared' }, async (id) => {
    const appteamId = lab().projects['appteam'] ?? '';
    const added = await addMember(platform, id, appteamId);
    t.equal(added.status, 'pending');
    const byOwner = await setMemberStatus(platform, id, appteamId, 'accepted').catch((e: unknown) => e);
    t.ok(isForbidden(byOwner), 'the owner gets 403');
    t.match((byOwner as Error).message, /HTTP 403/);
    t.equal((await setMemberStatus(appteam, id, appteamId, 'accepted')).status, 'accepted');
    t.same(
      (await listMembers(platform, id)).map((m) => [m.member_id, m.status]),
      [[appteamId, 'accepted']],
    );
    t.equal((await getImage(appteam, id)).id, id, 'appteam sees the image');
    await deleteMember(platform, id, appteamId);
    t.ok(isNotFound(await getMember(platform, id, appteamId).catch((e: unknown) => e)), 'the membership is gone');
    t.ok(isNotFound(await getImage(appteam, id).catch((e: unknown) => e)), 'appteam no longer sees the image');
  });
});

t.test('stores: every project lists them with the default flagged; only admin reads the details', async (t) => {
  const stores = labStores(await listStores(platform));
  t.same(stores.map((s) => s.id).sort(), ['cheap', 'fast']);
  t.same(
    stores.filter((s) => flag(s.default)).map((s) => s.id),
    ['fast'],
  );
  t.ok(isForbidden(await listStoresDetail(platform).catch((e: unknown) => e)), 'stores/detail is 403 for a member');
  const detail = labStores(await listStoresDetail(admin));
  t.same(detail.map((s) => `${s.id}:${s.type}`).sort(), ['cheap:file', 'fast:file']);
});
