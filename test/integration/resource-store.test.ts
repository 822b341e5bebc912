/**
 * The storage-backend resource against the lab: a third file store written through the resource appears in the
 * Image API after the reload and takes uploads; deleting it removes it; a store Glance cannot load is rolled back.
 * An `s3` store on the lab's S3 server (SeaweedFS): live, a copy-image into it, an import straight into it and a file
 * uploaded into it and the default store at once, each object read back from the bucket and its sha512 compared;
 * with SeaweedFS down, an import into it fails naming the store.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { StackMarks } from '../../provider/resources/mark.js';
import t, { type Test } from 'tap';
import { uploadImageData } from '../../provider/client/data.js';
import { createImage, deleteImage, getImage, listImages } from '../../provider/client/images.js';
import { startImport, waitForStores } from '../../provider/client/import.js';
import { listStores, listStoresDetail } from '../../provider/client/stores.js';
import { ResourceOperationError } from '../../provider/resources/errors.js';
import { createImageResource, deleteImageResource } from '../../provider/resources/image/image.js';
import {
  applyStoreResource,
  checkStoreInputs,
  deleteStoreResource,
  lockConfigDir,
  type StoreInputs,
} from '../../provider/resources/store/store.js';
import { labS3Env, labS3Ports, labServicePid, labSettings, labSwiftAccount } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { lab, labSession, labStores, scratchDir, suffix } from '../helpers/lab.js';
import { incompressibleFile } from '../helpers/pulumi.js';
import { lab as labRun, runCommand, type Ran } from '../helpers/run.js';

const admin = labSession('admin');
const platform = labSession('platform');
const dir = scratchDir();
const reloadCommand = [process.execPath, '--import', 'tsx', join(repoRoot, 'scripts', 'lab.ts'), 'up'];
const storeIds = async (): Promise<string[]> =>
  labStores(await listStores(platform))
    .map((s) => s.id)
    .sort();

/**
 * Puts one piece of data into store `id` three ways, each checked to land there with `sha512Of` (the object read back
 * from the store's own backend) equal to the data's: copy-image from the default store, a url imported straight into
 * it, and a file uploaded into it and the default store at once (staged, then glance-direct). `kind` names the store
 * in the image names (`s3`, `sw`) and `where` its backend in the messages. The images made are pushed on `made`.
 */
async function intoStore(
  t: Test,
  id: string,
  kind: string,
  where: string,
  sha512Of: (imageId: string) => Promise<string>,
  made: string[],
): Promise<{ copied: string; imported: string; file: string }> {
  const record = lab();
  const bytes = Buffer.from(`bytes for the ${where} store ${suffix()}`.repeat(4096));
  const sha512 = createHash('sha512').update(bytes).digest('hex');
  const image = await createImage(platform, { name: `${kind}-copy-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
  made.push(image.id);
  await uploadImageData(platform, image.id, { stream: Readable.from([bytes]) });
  await startImport(admin, image.id, { name: 'copy-image' }, [id], true);
  const copied = await waitForStores(admin, image.id, [id], 60_000);
  t.same(String(copied['stores']).split(',').sort(), ['fast', id].sort(), `copy-image put the image in the ${where} store`);
  t.equal(await sha512Of(image.id), sha512, `its object in ${where} holds the same data (sha512)`);

  const file = `${kind}-import-${suffix()}.raw`;
  writeFileSync(join(record.sourceDir, file), bytes);
  const name = `ubuntu-24.04-${kind}${suffix().slice(0, 4)}-v1.0`;
  const imported = await createImageResource(platform, name, {
    name,
    diskFormat: 'raw',
    source: { url: `${record.sourceUrl}/${file}` },
    stores: [id],
  });
  made.push(imported.outputs.id);
  t.same(imported.outputs.storesIn, [id], `an import straight into the ${where} store`);
  t.equal(await sha512Of(imported.outputs.id), sha512, `read back from ${where}: the same sha512`);

  const local = join(dir, `${kind}-upload-${suffix()}.raw`);
  writeFileSync(local, bytes);
  const both = `ubuntu-24.04-${kind}${suffix().slice(0, 4)}-v1.2`;
  const uploaded = await createImageResource(platform, both, {
    name: both,
    diskFormat: 'raw',
    source: { file: local },
    stores: [id, 'fast'],
    allStoresMustSucceed: true,
  });
  made.push(uploaded.outputs.id);
  t.same([...uploaded.outputs.storesIn].sort(), [id, 'fast'].sort(), `a file uploaded into the ${where} and the default store at once`);
  t.equal(await sha512Of(uploaded.outputs.id), sha512, `its object in ${where}: the same sha512`);
  return { copied: image.id, imported: imported.outputs.id, file };
}

t.test(
  'a third file store added by the resource is live after the reload, takes a copy of an image, and goes away on delete',
  async (t) => {
    const id = `third${suffix().slice(0, 4)}`;
    const dataDir = join(dir, 'third');
    mkdirSync(dataDir);
    const raw = {
      id,
      type: 'file',
      description: 'third store (test)',
      configDir: lab().glanceConfigDir,
      reloadCommand,
      options: { dataDir },
    };
    const applied = await applyStoreResource(admin, id, raw);
    let inputs: StoreInputs | undefined = applied.inputs;
    try {
      t.equal((statSync(applied.outputs.fragment).mode & 0o777).toString(8), '600', 'the fragment is 0600');
      t.notOk(JSON.stringify(applied.outputs).includes(dataDir), 'no option value in the outputs');
      t.same(await storeIds(), ['cheap', 'fast', id].sort(), 'the store is listed by the Image API');
      const detail = (await listStoresDetail(admin)).find((s) => s.id === id);
      t.equal(detail?.type, 'file');

      const image = await createImage(platform, { name: `store-test-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
      try {
        await uploadImageData(platform, image.id, { stream: Readable.from([Buffer.from('bytes for the third store')]) });
        await startImport(admin, image.id, { name: 'copy-image' }, [id], true);
        const copied = await waitForStores(admin, image.id, [id], 60_000);
        t.same(String(copied['stores']).split(',').sort(), ['fast', id].sort(), 'copy-image put the image in the new store');
      } finally {
        await deleteImage(admin, image.id);
      }

      await deleteStoreResource(admin, id, applied.inputs);
      inputs = undefined;
      t.same(await storeIds(), ['cheap', 'fast'], 'the store is gone after delete');
      t.notOk(existsSync(applied.outputs.fragment), 'its fragment is removed');
    } finally {
      if (inputs !== undefined) await deleteStoreResource(admin, id, inputs);
    }
  },
);

t.test('a second default, and a second claim of the same store, are refused before anything is written', async (t) => {
  const first = `defa${suffix().slice(0, 4)}`;
  const dataDir = join(dir, first);
  mkdirSync(dataDir);
  const raw = { id: first, type: 'file', isDefault: true, configDir: lab().glanceConfigDir, reloadCommand, options: { dataDir } };
  // Two states of one stack name: the same URN, two instance keys, two marks.
  const urn = `urn:pulumi:dev::image-catalog::image-catalog:index:StorageBackend::${first}`;
  const owner = (state: string): string => new StackMarks(`${state}-state-instance-key`).of(urn);
  const applied = await applyStoreResource(admin, first, raw, { create: true, creator: owner('one') });
  try {
    const fragment = readFileSync(applied.outputs.fragment, 'utf8');
    const claimed = await applyStoreResource(admin, first, raw, { create: true, creator: owner('two') }).catch((e: unknown) => e);
    t.match(
      (claimed as Error).message,
      `StorageBackend "${first}": id: store ${first} is already managed by a StorageBackend of another stack instance or resource (mark ${owner('one')}); nothing is taken over`,
      "another stack's create of the same store is refused",
    );
    t.equal(readFileSync(applied.outputs.fragment, 'utf8'), fragment, 'the fragment is untouched');
    t.equal((await listStores(platform)).find((s) => s.default === 'true')?.id, first, 'the managed default is the default');
    const second = await applyStoreResource(admin, 'other', {
      id: 'other',
      type: 'file',
      isDefault: true,
      configDir: lab().glanceConfigDir,
      reloadCommand,
      options: { dataDir },
    }).catch((e: unknown) => e);
    t.type(second, ResourceOperationError);
    t.match((second as Error).message, `isDefault: store ${first} is already the default; exactly one store is`);
    t.notOk(existsSync(join(lab().glanceConfigDir, 'store-other.conf')), 'nothing was written');
  } finally {
    await deleteStoreResource(admin, first, applied.inputs);
  }
  t.equal((await listStores(platform)).find((s) => s.default === 'true')?.id, 'fast', 'fast is the default again');
});

t.test('a store Glance cannot load is rolled back, and the lab keeps serving', async (t) => {
  const id = `ceph${suffix().slice(0, 4)}`;
  const err = await applyStoreResource(admin, id, {
    id,
    type: 'rbd',
    configDir: lab().glanceConfigDir,
    reloadCommand,
    options: { pool: 'images', cephConf: join(dir, 'no-ceph.conf') },
  }).catch((e: unknown) => e);
  t.type(err, ResourceOperationError);
  t.match((err as Error).message, `StorageBackend "${id}": `);
  t.match((err as Error).message, 'the previous configuration was put back');
  t.notOk(existsSync(join(lab().glanceConfigDir, `store-${id}.conf`)), 'the fragment is gone');
  t.same(await storeIds(), ['cheap', 'fast'], 'Glance serves the previous stores');
  t.equal(
    ((await getImage(platform, '00000000-0000-0000-0000-000000000000').catch((e: unknown) => e)) as { status?: number }).status,
    404,
    'and answers',
  );
});

t.test('an http store is live read-only: an image cannot target it; its description updates in place', async (t) => {
  const id = `web${suffix().slice(0, 4)}`;
  const raw = { id, type: 'http', description: 'read-only web store', configDir: lab().glanceConfigDir, reloadCommand };
  const applied = await applyStoreResource(admin, id, raw);
  try {
    const listedStore = (await listStores(platform)).find((s) => s.id === id);
    t.equal(listedStore?.['read-only'], 'true', 'Glance lists it read-only');

    const name = `ubuntu-24.04-h${suffix()}-v1.0`;
    const before = platform.transport.requests;
    const err = await createImageResource(platform, name, {
      name,
      diskFormat: 'raw',
      source: { url: `${lab().sourceUrl}/x.raw` },
      stores: [id],
    }).catch((e: unknown) => e);
    t.type(err, ResourceOperationError);
    t.match((err as Error).message, `Image "${name}": stores: store ${id} is read-only (an http store) and cannot take image data`);
    t.equal(platform.transport.requests - before, 1, 'only the store list was read: no image record was created');

    const updated = await applyStoreResource(admin, id, { ...raw, description: 'renamed for $HOME' });
    t.match(readFileSync(updated.outputs.fragment, 'utf8'), 'store_description = renamed for $$HOME', 'the fragment is rewritten in place');
    t.equal(
      (await listStores(platform)).find((s) => s.id === id)?.description,
      'renamed for $HOME',
      'Glance shows the new description as given (a $ is not an oslo.config substitution)',
    );
  } finally {
    await deleteStoreResource(admin, id, applied.inputs);
  }
  t.same(await storeIds(), ['cheap', 'fast']);
});

t.test(
  'stores created by three processes while another holds the config dir lock: none writes until it is released, then they take turns; two ids live, the one claimed twice refused once',
  async (t) => {
    const [one, two] = [`par1${suffix().slice(0, 4)}`, `par2${suffix().slice(0, 4)}`];
    const raw = (id: string): Record<string, unknown> => {
      const dataDir = join(dir, id);
      mkdirSync(dataDir, { recursive: true });
      return { id, type: 'file', configDir: lab().glanceConfigDir, reloadCommand, options: { dataDir } };
    };
    const owner = (stack: string, id: string): string =>
      new StackMarks(`${stack}-state-instance-key`).of(`urn:pulumi:${stack}::image-catalog::image-catalog:index:StorageBackend::${id}`);
    const fragments = (): string[] => [one, two].filter((id) => existsSync(join(lab().glanceConfigDir, `store-${id}.conf`)));
    const before = await storeIds();
    const apply = (id: string, stack: string): Promise<Ran> =>
      runCommand(process.execPath, [
        '--import',
        'tsx',
        join(repoRoot, 'test', 'helpers', 'store-apply.ts'),
        JSON.stringify(raw(id)),
        owner(stack, id),
      ]);
    const release = await lockConfigDir(lab().glanceConfigDir);
    let held = true;
    try {
      const runs = Promise.all([apply(one, 'a'), apply(two, 'b'), apply(one, 'c')]);
      // Long enough for the three to start (tsx) and reach the lock.
      await new Promise((r) => setTimeout(r, 8_000));
      t.same(fragments(), [], 'nothing is written while another process holds the lock');
      await release();
      held = false;
      const [a, b, c] = await runs;
      t.equal(b.code, 0, `${two}, claimed once, is created`, { output: b.stdout + b.stderr });
      t.same([a.code, c.code].sort(), [0, 1], `${one}: one create of the two succeeds, the other is refused`, {
        output: a.stdout + a.stderr + c.stdout + c.stderr,
      });
      t.match(
        a.code === 0 ? c.stdout : a.stdout,
        `is already managed by a StorageBackend of another stack instance or resource (mark ${owner(a.code === 0 ? 'a' : 'c', one)})`,
      );
      t.same(
        (await storeIds()).filter((id) => id === one || id === two),
        [one, two].sort(),
        'both stores are live',
      );
      const backends = readFileSync(join(lab().glanceConfigDir, 'image-catalog-backends.conf'), 'utf8');
      t.ok(
        [one, two].every((id) => backends.includes(`${id}:file`)),
        'the backends file lists both',
      );
    } finally {
      if (held) await release();
      for (const id of [one, two]) await deleteStoreResource(admin, id, checkStoreInputs(id, raw(id))).catch(() => undefined);
    }
    t.same(await storeIds(), before, 'both removed');
  },
);

t.test(
  'an s3 store on the lab S3 is live, takes a copy, an import and an upload into two stores, each read back from its bucket; down, it is named',
  async (t) => {
    const id = `s3${suffix().slice(0, 4)}`;
    const record = lab();
    const keys = labS3Env(record);
    const raw = {
      id,
      type: 's3',
      description: 'images on the lab S3 (test)',
      configDir: record.glanceConfigDir,
      reloadCommand,
      options: {
        host: record.s3.endpoint,
        accessKey: keys['AWS_ACCESS_KEY_ID'],
        secretKey: keys['AWS_SECRET_ACCESS_KEY'],
        bucket: record.s3.imageBucket,
        bucketUrlFormat: 'path',
      },
    };
    /** The object Glance's s3 driver wrote for an image (its key is the image id), read from SeaweedFS's filer. */
    const objectSha512 = async (imageId: string): Promise<string> => {
      const filer = labS3Ports(labSettings().s3Port).filer;
      const res = await fetch(`http://127.0.0.1:${String(filer)}/buckets/${record.s3.imageBucket}/${imageId}`);
      if (!res.ok) throw new Error(`the bucket has no object ${imageId}: ${String(res.status)}`);
      return createHash('sha512')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
    };
    const applied = await applyStoreResource(admin, id, raw);
    const made: string[] = [];
    try {
      t.equal((statSync(applied.outputs.fragment).mode & 0o777).toString(8), '600', 'the fragment is 0600');
      t.notOk(JSON.stringify(applied.outputs).includes(keys['AWS_SECRET_ACCESS_KEY'] ?? '-'), 'the secret key is not in the outputs');
      t.equal((await listStoresDetail(admin)).find((s) => s.id === id)?.type, 's3', 'Glance lists it as an s3 store');

      const { imported, file } = await intoStore(t, id, 's3', 'S3 bucket', objectSha512, made);

      // The store deleted before an image in it (no dependsOn): Glance cannot delete the image; said of the store.
      await deleteStoreResource(admin, id, applied.inputs);
      const stuck = await deleteImageResource(platform, imported).catch((e: unknown) => e);
      t.type(stuck, ResourceOperationError, 'an image whose store is gone is not deleted');
      t.match((stuck as Error).message, `its data is in store ${id}, which Glance no longer has`, 'said of the store, with the way out');
      await applyStoreResource(admin, id, raw);
      t.equal((await getImage(admin, imported))['status'], 'active', 'with the store back, the image is there as it was');

      process.kill(-labServicePid('s3'), 'SIGKILL');
      try {
        const down = `ubuntu-24.04-s3${suffix().slice(0, 4)}-v1.1`;
        const err = await createImageResource(platform, down, {
          name: down,
          diskFormat: 'raw',
          source: { url: `${record.sourceUrl}/${file}` },
          stores: [id],
        }).catch((e: unknown) => e);
        t.type(err, ResourceOperationError, 'with SeaweedFS down, the import fails');
        t.match((err as Error).message, new RegExp(`\\b${id}\\b`), 'naming the store', { said: (err as Error).message });
        t.notMatch((err as Error).message, /\b500\b|Internal Server Error/, 'not as a Glance 500');
      } finally {
        const back = await labRun(['up']);
        t.equal(back.code, 0, 'the lab (its S3) is back', { output: back.stderr });
      }
    } finally {
      for (const image of made) await deleteImage(admin, image).catch(() => undefined);
      await deleteStoreResource(admin, id, applied.inputs);
    }
    t.same(await storeIds(), ['cheap', 'fast'], 'the s3 store is gone after delete');
  },
);

t.test(
  "a swift store on the lab's Swift is live, its credentials in its accounts file only; a copy, an import and an upload into it and the default store, each read back from Swift",
  async (t) => {
    const id = `sw${suffix().slice(0, 4)}`;
    const record = lab();
    const account = labSwiftAccount(record);
    const container = `glance-${id}`;
    const raw = {
      id,
      type: 'swift',
      description: 'images on the lab Swift (test)',
      configDir: record.glanceConfigDir,
      reloadCommand,
      options: { ...account, container, createContainerOnPut: true },
    };
    const swiftToken = async (): Promise<string> => {
      const [project = '', user = ''] = account.user.split(':');
      const res = await fetch(`${record.keystoneUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password: account.key } } },
            scope: { project: { name: project, domain: { id: 'default' } } },
          },
        }),
      });
      await res.arrayBuffer();
      return res.headers.get('x-subject-token') ?? '';
    };
    /** The image's object in the store's container (Glance names it by the image id; GET joins its segments). */
    const objectSha512 = async (imageId: string): Promise<string> => {
      const res = await fetch(`${record.swift.proxy}/v1/AUTH_${record.projects['service'] ?? ''}/${container}/${imageId}`, {
        headers: { 'x-auth-token': await swiftToken() },
      });
      if (!res.ok) throw new Error(`Swift has no object ${container}/${imageId}: ${String(res.status)}`);
      return createHash('sha512')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
    };
    /** Where Glance's database says an image's data is (what an admin's location list shows). */
    const locations = (imageId: string): string =>
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          'import sqlite3,sys; print("\\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select value from image_locations where image_id=?", (sys.argv[2],))))',
          join(dirname(record.glanceConfigDir), 'glance.db'),
          imageId,
        ],
        { encoding: 'utf8' },
      );
    const wrong = await applyStoreResource(admin, id, { ...raw, options: { ...raw.options, key: 'not-the-key' } }).catch((e: unknown) => e);
    t.type(wrong, ResourceOperationError, 'a wrong key is refused');
    t.match(
      (wrong as Error).message,
      `StorageBackend "${id}": options.key: Keystone at ${account.authAddress} refused service:swift`,
      'naming the field',
    );
    t.notOk(existsSync(join(record.glanceConfigDir, `store-${id}.conf`)), 'before anything is written');
    const applied = await applyStoreResource(admin, id, raw);
    const made: string[] = [];
    try {
      t.equal((statSync(applied.outputs.fragment).mode & 0o777).toString(8), '600', 'the fragment is 0600');
      t.equal(
        (statSync(join(record.glanceConfigDir, `store-${id}.accounts`)).mode & 0o777).toString(8),
        '600',
        'its accounts file is 0600',
      );
      t.notOk(readFileSync(applied.outputs.fragment, 'utf8').includes(account.key), 'the key is not in the fragment');
      t.notOk(JSON.stringify(applied.outputs).includes(account.key), 'nor in the outputs');
      t.equal((await listStoresDetail(admin)).find((s) => s.id === id)?.type, 'swift', 'Glance lists it as a swift store');

      const { copied } = await intoStore(t, id, 'sw', 'Swift', objectSha512, made);
      t.match(locations(copied), new RegExp(`^swift\\+config://${id}/`, 'm'), "Glance's location names the account reference");
      t.notOk(locations(copied).includes(account.key), "the key is not in Glance's database");

      // swift-proxy killed while Glance writes an upload into the store: the create fails naming the store, leaves no
      // image behind, and the same create after the lab is back makes the image once.
      const big = incompressibleFile(`swift-cut-${id}`, 96);
      const cut = `ubuntu-24.04-sw${suffix().slice(0, 4)}-v2.0`;
      const inputs = { name: cut, diskFormat: 'raw', source: { file: big }, stores: [id] };
      const cutOff = createImageResource(platform, cut, inputs).catch((e: unknown) => e);
      const importing = async (): Promise<boolean> => {
        for await (const i of listImages(admin, { name: cut })) if (i.status === 'importing') return true;
        return false;
      };
      for (let i = 0; i < 600 && !(await importing()); i++) await new Promise((r) => setTimeout(r, 100));
      process.kill(-labServicePid('swift-proxy'), 'SIGKILL');
      const failed = await cutOff;
      try {
        t.type(failed, ResourceOperationError, 'with swift-proxy killed mid-upload, the create fails');
        t.match((failed as Error).message, new RegExp(`\\b${id}\\b`), 'naming the store', { said: (failed as Error).message });
        t.notMatch((failed as Error).message, /\b500\b|Internal Server Error/, 'not as a Glance 500');
        const left: string[] = [];
        for await (const i of listImages(admin, { name: cut })) left.push(`${i.id} ${i.status}`);
        t.same(left, [], 'no image record is left behind (queued, saving or importing)');
      } finally {
        const back = await labRun(['up']);
        t.equal(back.code, 0, 'the lab (its Swift proxy) is back', { output: back.stderr });
      }
      const again = await createImageResource(platform, cut, inputs);
      made.push(again.outputs.id);
      t.same(again.outputs.storesIn, [id], 'the next create converges into the swift store');
      const named: string[] = [];
      for await (const i of listImages(admin, { name: cut })) named.push(i.status);
      t.same(named, ['active'], 'one image of that name');
    } finally {
      for (const image of made) await deleteImage(admin, image).catch(() => undefined);
      await deleteStoreResource(admin, id, applied.inputs);
    }
    t.notOk(existsSync(join(record.glanceConfigDir, `store-${id}.accounts`)), 'its accounts file goes with it');
    t.same(await storeIds(), ['cheap', 'fast'], 'the swift store is gone after delete');
  },
);
