import { rmSync, mkdtempSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { portFree, readLabRecord } from '../../scripts/lab-settings.js';
import { lab } from '../helpers/run.js';

function holdPort(): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/**
 * A block of free ports from `from` (below Linux's ephemeral range, 32768 and up: SeaweedFS and Swift bind some of
 * a block a moment after the check, and an outgoing connection of any process may take a port there meanwhile; a
 * volume server's gRPC port once did), as the setting of its first port.
 */
async function freeBlock(from: number, size: number): Promise<string> {
  for (;;) {
    const base = from + Math.floor(Math.random() * 400) * size;
    const tried = await Promise.all(Array.from({ length: size }, (_, i) => portFree(base + i)));
    if (tried.every(Boolean)) return String(base);
  }
}
/** The S3 endpoint and SeaweedFS's seven ports after it (IMAGE_CATALOG_LAB_S3_PORT), from 20000. */
const freeS3Block = (): Promise<string> => freeBlock(20_000, 8);
/** Swift's proxy and its three servers after it (IMAGE_CATALOG_LAB_SWIFT_PORT), from 16000 (apart from the S3 blocks). */
const freeSwiftBlock = (): Promise<string> => freeBlock(16_000, 4);

t.test('a second lab up leaves every running service alone', async (t) => {
  const again = await lab(['up']);
  t.equal(again.code, 0, again.stderr);
  for (const svc of ['source', 's3', 'keystone', 'glance', 'region-two', 'swift-proxy', 'swift-object', 'swift-container', 'swift-account'])
    t.match(again.stdout, new RegExp(`lab: ${svc} running \\(pid \\d+`), `${svc} is left running`);
  t.notMatch(again.stdout, /restarting|started on/, 'nothing is started or restarted');
});

t.test('lab up refuses, naming the port and the setting, when a port is taken, and starts nothing', async (t) => {
  const held = await holdPort();
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-lab-'));
  t.teardown(async () => {
    await held.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const free = await holdPort();
  const freePort = free.port;
  await free.close();
  const refused = await lab(['up'], {
    ...process.env,
    IMAGE_CATALOG_LAB_DIR: dir,
    IMAGE_CATALOG_LAB_SOURCE_PORT: String(freePort),
    IMAGE_CATALOG_LAB_S3_PORT: await freeS3Block(),
    IMAGE_CATALOG_LAB_SWIFT_PORT: await freeSwiftBlock(),
    IMAGE_CATALOG_LAB_KEYSTONE_PORT: String(held.port),
    IMAGE_CATALOG_LAB_GLANCE_PORT: String(freePort + 1),
    IMAGE_CATALOG_LAB_REGION_TWO_PORT: String(freePort + 2),
  });
  t.equal(refused.code, 1);
  t.match(refused.stderr, `port ${held.port} on 127.0.0.1 (keystone) is taken by another process`);
  t.match(refused.stderr, 'IMAGE_CATALOG_LAB_KEYSTONE_PORT');
  t.notOk(existsSync(join(dir, 'run', 'source.pid')), 'the source server was not started');
  t.notOk(existsSync(join(dir, 'keystone', 'keystone.db')), 'no keystone database was created');
});

t.test('a config fragment added to the glance config dir restarts glance only, and removing it restarts it again', async (t) => {
  const record = readLabRecord();
  if (record === undefined) throw new Error('lab not up');
  const fragment = join(record.glanceConfigDir, 'zz-lab-cycle-test.conf');
  writeFileSync(fragment, '[DEFAULT]\n# written by test/integration/lab-cycle.test.ts\n');
  try {
    const added = await lab(['up']);
    t.equal(added.code, 0, added.stderr);
    t.match(added.stdout, 'lab: glance: configuration changed, restarting');
    t.match(added.stdout, /lab: glance started on/);
    t.match(added.stdout, /lab: keystone running/, 'keystone is left alone');
  } finally {
    rmSync(fragment, { force: true });
  }
  const removed = await lab(['up']);
  t.equal(removed.code, 0, removed.stderr);
  t.match(removed.stdout, 'lab: glance: configuration changed, restarting');
});

t.test('lab down stops every service and lab up brings the same lab back', async (t) => {
  const before = readLabRecord();
  const down = await lab(['down']);
  t.equal(down.code, 0, down.stderr);
  for (const svc of ['glance', 'keystone', 'source']) t.match(down.stdout, `lab: ${svc} stopped`);
  const stopped = await lab(['status']);
  t.equal(stopped.code, 1, 'status exits 1 while the lab is down');
  t.match(stopped.stdout, /keystone\s+down/);

  const up = await lab(['up']);
  t.equal(up.code, 0, up.stderr);
  const status = await lab(['status']);
  t.equal(status.code, 0, 'status exits 0 once the lab is back');
  t.same(readLabRecord()?.projects, before?.projects, 'the same projects are there (state survives down/up)');
});

t.test('lab env prints the clouds.yaml path and OS_* exports a shell can eval', async (t) => {
  const clouds = await lab(['env', 'clouds']);
  t.equal(clouds.stdout.trim(), readLabRecord()?.clouds);
  const exports = await lab(['env', 'platform-viewer']);
  t.equal(exports.code, 0);
  t.match(exports.stdout, /^export OS_USERNAME='platform-viewer'$/m);
  t.match(exports.stdout, /^export OS_PROJECT_NAME='platform'$/m);
  t.match(exports.stdout, /^export OS_AUTH_URL='http:\/\/127\.0\.0\.1:\d+\/v3'$/m);
  const swift = await lab(['env', 'swift']);
  t.match(swift.stdout, /^export OS_USERNAME='swift'$/m, 'env swift: the swift service user');
  t.match(swift.stdout, /^export OS_PROJECT_NAME='service'$/m, 'of project service');
  const bad = await lab(['env', 'nobody']);
  t.equal(bad.code, 1);
  t.match(bad.stderr, 'env takes clouds, s3, swift or a persona (admin, platform, appteam, platform-viewer), not "nobody"');
});

t.test('a lab brought up again on other ports hands out its new endpoints (glance validates tokens there)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-lab-'));
  const ports = async (): Promise<Record<string, string>> => {
    const held = await Promise.all([holdPort(), holdPort(), holdPort(), holdPort()]);
    await Promise.all(held.map((h) => h.close()));
    const [source, keystone, glance, regionTwo] = held.map((h) => String(h.port));
    return {
      IMAGE_CATALOG_LAB_SOURCE_PORT: source ?? '',
      IMAGE_CATALOG_LAB_S3_PORT: await freeS3Block(),
      IMAGE_CATALOG_LAB_SWIFT_PORT: await freeSwiftBlock(),
      IMAGE_CATALOG_LAB_KEYSTONE_PORT: keystone ?? '',
      IMAGE_CATALOG_LAB_GLANCE_PORT: glance ?? '',
      IMAGE_CATALOG_LAB_REGION_TWO_PORT: regionTwo ?? '',
    };
  };
  const env = (p: Record<string, string>) => ({ ...process.env, IMAGE_CATALOG_LAB_DIR: dir, ...p });
  const first = await ports();
  let current = first;
  t.teardown(async () => {
    await lab(['down'], env(current));
    rmSync(dir, { recursive: true, force: true });
  });
  t.equal((await lab(['up'], env(first))).code, 0, 'up on the first ports');
  t.equal((await lab(['down'], env(first))).code, 0);
  current = await ports();
  const again = await lab(['up'], env(current));
  t.equal(again.code, 0, again.stderr);
  const record = readLabRecord({
    stateDir: dir,
    keystonePort: Number(current['IMAGE_CATALOG_LAB_KEYSTONE_PORT']),
    glancePort: Number(current['IMAGE_CATALOG_LAB_GLANCE_PORT']),
    regionTwoPort: Number(current['IMAGE_CATALOG_LAB_REGION_TWO_PORT']),
    sourcePort: Number(current['IMAGE_CATALOG_LAB_SOURCE_PORT']),
    s3Port: Number(current['IMAGE_CATALOG_LAB_S3_PORT']),
    swiftPort: Number(current['IMAGE_CATALOG_LAB_SWIFT_PORT']),
    tokenExpiration: 3600,
  });
  t.ok(record !== undefined, 'the lab is recorded');
  const { admin } = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { admin: string };
  const body = {
    auth: {
      identity: { methods: ['password'], password: { user: { name: 'admin', domain: { name: 'Default' }, password: admin } } },
      scope: { project: { name: 'admin', domain: { name: 'Default' } } },
    },
  };
  const token = await fetch(`${record?.keystoneUrl ?? ''}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  t.equal(token.status, 201, 'keystone issues a token on its new port');
  const catalog = (
    (await token.json()) as { token: { catalog: { type: string; endpoints: { url: string; interface: string; region_id: string }[] }[] } }
  ).token.catalog;
  t.ok(
    catalog
      .find((s) => s.type === 'identity')
      ?.endpoints.every((e) => e.url.includes(`:${current['IMAGE_CATALOG_LAB_KEYSTONE_PORT'] ?? ''}/`)),
    "the token's catalog names keystone's new port",
  );
  const images = await fetch(`${record?.glanceUrl ?? ''}/v2/images`, {
    headers: { 'x-auth-token': token.headers.get('x-subject-token') ?? '' },
  });
  t.equal(images.status, 200, 'glance validates the token (401 when it asked the old port)');
  const two = catalog.find((s) => s.type === 'image')?.endpoints.find((e) => e.region_id === 'RegionTwo' && e.interface === 'public');
  t.equal(
    two?.url,
    `http://127.0.0.1:${current['IMAGE_CATALOG_LAB_REGION_TWO_PORT'] ?? ''}`,
    "RegionTwo's image endpoint names its new port",
  );
  const imagesTwo = await fetch(`${two?.url ?? ''}/v2/images`, { headers: { 'x-auth-token': token.headers.get('x-subject-token') ?? '' } });
  t.equal(imagesTwo.status, 200, "RegionTwo's glance-api validates the token too");
  // Swift moved with its rings: the object-store endpoint names the new proxy port, and it serves the admin's account.
  const objectStore = catalog.find((s) => s.type === 'object-store')?.endpoints.find((e) => e.url.includes('/v1/AUTH_'))?.url;
  t.match(objectStore, `:${current['IMAGE_CATALOG_LAB_SWIFT_PORT'] ?? ''}/v1/AUTH_`, "the token's catalog names Swift's new port");
  const account = await fetch(objectStore ?? '', {
    method: 'HEAD',
    headers: { 'x-auth-token': token.headers.get('x-subject-token') ?? '' },
  });
  t.equal(
    Math.floor(account.status / 100),
    2,
    "Swift serves the admin's account there (Keystone auth, the rings rebuilt for the new ports)",
  );
});
