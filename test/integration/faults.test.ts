/**
 * The image resource against a Glance that misbehaves: a fault-injecting proxy in front of the lab's real Glance
 * (5xx answers, slow answers, a connection cut in the middle of an upload, a byte flipped on the way), and the
 * lab's glance-api itself killed in the middle of an upload. Idempotent calls are retried within bounds; an upload
 * either completes verified (sha512) or fails with nothing of it left; no corrupt image is ever active.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { resolveCloud } from '../../provider/client/config.js';
import { getImage, listImages } from '../../provider/client/images.js';
import { Session } from '../../provider/client/session.js';
import { creationMark, createImageResource, deleteImageResource } from '../../provider/resources/image/image.js';
import { labServicePid } from '../../scripts/lab-settings.js';
import { lab as labRun } from '../helpers/run.js';
import { startFaultProxy, type Match } from '../helpers/fault-proxy.js';
import { lab, labSession, scratchDir, suffix } from '../helpers/lab.js';

const dir = scratchDir();
const platform = labSession('platform');
const properties = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'faults' };
const proxy = await startFaultProxy(lab().glanceUrl);
t.teardown(() => proxy.close());

/** A session of the platform persona whose Image API is the proxy (clouds.yaml's image_endpoint_override). */
function throughProxy(): Session {
  const config = resolveCloud('platform', { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds });
  const session = new Session({ ...config, endpointOverrides: { image: proxy.url } });
  t.teardown(() => session.close());
  return session;
}

function dataFile(bytes: number): string {
  const file = join(dir, `data-${suffix()}.raw`);
  const fd = openSync(file, 'w');
  for (let left = bytes; left > 0; left -= 1024 * 1024) writeSync(fd, randomBytes(Math.min(left, 1024 * 1024)));
  closeSync(fd);
  return file;
}

/** The images of a name the platform project has, whatever their status. */
async function named(name: string): Promise<{ id: string; status: string }[]> {
  const found = [];
  for await (const image of listImages(platform, { name, visibility: 'all', memberStatus: 'all' })) found.push(image);
  for await (const image of listImages(platform, { name, visibility: 'all', osHidden: true })) found.push(image);
  return found.map((i) => ({ id: i.id, status: i.status }));
}

const upload: Match = (method, path) => method === 'PUT' && path.endsWith('/file');
const imageGet: Match = (method, path) => method === 'GET' && /^\/v2\/images\/[0-9a-f-]{36}$/.test(path);

t.afterEach(() => proxy.clear());

t.test('5xx answers to idempotent calls are retried within bounds; the create completes, one image', async (t) => {
  const session = throughProxy();
  const name = `ubuntu-24.04-f${suffix()}-v1.0`;
  proxy.add({ kind: 'status', status: 503, match: imageGet, times: 2 });
  proxy.add({ kind: 'status', status: 502, match: (m, p) => m === 'GET' && p.startsWith('/v2/images?'), times: 1 });
  const made = await createImageResource(session, name, { name, diskFormat: 'raw', properties, source: { file: dataFile(1 << 20) } });
  t.teardown(() => deleteImageResource(platform, made.outputs.id));
  t.equal(made.outputs.status, 'active');
  t.equal(proxy.injected, 3, 'three faults were injected and survived');
  t.same(await named(name), [{ id: made.outputs.id, status: 'active' }], 'one image of the name');
});

t.test('a 5xx to the create (POST) is not retried blindly: the create fails, nothing is made', async (t) => {
  const session = throughProxy();
  const name = `ubuntu-24.04-g${suffix()}-v1.0`;
  proxy.add({ kind: 'status', status: 503, match: (m, p) => m === 'POST' && p === '/v2/images', times: 1 });
  const posts = (): number => proxy.seen.filter((s) => s === 'POST /v2/images').length;
  const before = posts();
  await t.rejects(
    createImageResource(session, name, { name, diskFormat: 'raw', properties, source: { file: dataFile(1 << 16) } }),
    /POST http:\/\/127\.0\.0\.1:\d+\/v2\/images: HTTP 503/,
  );
  t.equal(posts() - before, 1, 'one POST');
  t.same(await named(name), [], 'no image of the name');
});

t.test('slow answers: the create waits for them and completes', async (t) => {
  const session = throughProxy();
  const name = `ubuntu-24.04-s${suffix()}-v1.0`;
  proxy.add({ kind: 'delay', ms: 1500, match: () => true, times: 4 });
  const made = await createImageResource(session, name, { name, diskFormat: 'raw', properties, source: { file: dataFile(1 << 20) } });
  t.teardown(() => deleteImageResource(platform, made.outputs.id));
  t.equal(made.outputs.status, 'active');
});

t.test('a connection cut in the middle of an upload: the create fails naming the image, its record is removed', async (t) => {
  const session = throughProxy();
  const name = `ubuntu-24.04-c${suffix()}-v1.0`;
  proxy.add({ kind: 'cut', afterBytes: 4 << 20, match: upload, times: 1 });
  const err = (await createImageResource(session, name, {
    name,
    diskFormat: 'raw',
    properties,
    source: { file: dataFile(16 << 20) },
  }).catch((e: unknown) => e)) as Error;
  t.match(err.message, `Image "${name}": loading its data failed: PUT `);
  t.match(err.message, 'the image record was deleted');
  t.same(await named(name), [], 'nothing of it is left');
});

t.test('a byte flipped on the way: Glance stores other data, the sha512 check refuses it, nothing corrupt stays', async (t) => {
  const session = throughProxy();
  const name = `ubuntu-24.04-x${suffix()}-v1.0`;
  proxy.add({ kind: 'corrupt', atByte: 12345, match: upload, times: 1 });
  const err = (await createImageResource(session, name, {
    name,
    diskFormat: 'raw',
    properties,
    source: { file: dataFile(1 << 20) },
  }).catch((e: unknown) => e)) as Error;
  t.match(err.message, /Glance stored os_hash_value [0-9a-f]{128}, but the data sent hashes to [0-9a-f]{128}/);
  t.same(await named(name), [], 'no image of the name, active or not');
});

t.test(
  'glance-api killed in the middle of a 1 GiB upload: the run fails naming the image; the next create removes what is left and completes',
  async (t) => {
    const name = `ubuntu-24.04-k${suffix()}-v1.0`;
    const creator = `urn:pulumi:faults::image-catalog::image-catalog:index:Image::${name}`;
    const file = dataFile(1 << 30);
    const args = { name, diskFormat: 'raw', properties, source: { file } };
    const pid = labServicePid('glance');
    let killed = false;
    const first = await createImageResource(platform, name, args, {
      creator,
      onProgress: (p) => {
        if (!killed && p.bytes > 340 << 20) {
          killed = true;
          process.kill(-pid, 'SIGKILL');
        }
      },
    }).catch((e: unknown) => e);
    t.ok(killed, 'glance-api was killed during the upload');
    t.match((first as Error).message, `Image "${name}": loading its data failed`, 'the create fails naming the image');
    t.match((first as Error).message, 'the next run of this resource takes it over when it holds the declared data, or removes it');

    const back = await labRun(['up']);
    t.equal(back.code, 0, 'the lab is back', { output: back.stderr });
    const left = await named(name);
    t.ok(
      left.every((i) => i.status !== 'active'),
      `what is left is not active (${left.map((i) => i.status).join(', ') || 'nothing'})`,
    );
    for (const image of left) t.equal((await getImage(platform, image.id))[creationMark], creator, 'and carries its creator');

    const again = await createImageResource(platform, name, args, { creator });
    t.teardown(() => deleteImageResource(platform, again.outputs.id));
    t.same(await named(name), [{ id: again.outputs.id, status: 'active' }], 'the next create converges: one active image');
  },
);
