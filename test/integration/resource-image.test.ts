/**
 * The image resource against the lab: create from a file and from a URL, in-place update, the replace decision,
 * bad input with zero API calls, and failures that leave nothing behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { isNotFound } from '../../provider/client/errors.js';
import { getImage, listImages } from '../../provider/client/images.js';
import {
  createImageResource,
  deleteImageResource,
  diffImage,
  imageSchema,
  updateImageResource,
} from '../../provider/resources/image/image.js';
import { ResourceOperationError } from '../../provider/resources/errors.js';
import { ResourceInputError } from '../../provider/resources/schema.js';
import { lab, labSession, scratchDir, suffix } from '../helpers/lab.js';

const platform = labSession('platform');
const dir = scratchDir();
const properties = {
  os_distro: 'ubuntu',
  os_version: '24.04',
  hw_disk_bus: 'virtio',
  hw_vif_model: 'virtio',
  description: 'resource test',
};

async function namedNowhere(name: string): Promise<boolean> {
  for await (const image of listImages(platform, { name, visibility: 'all', memberStatus: 'all' })) if (image.name === name) return false;
  for await (const image of listImages(platform, { name, visibility: 'all', osHidden: true })) if (image.name === name) return false;
  return true;
}

t.test('create from a file, update in place, and the diff that would replace', async (t) => {
  const file = join(dir, 'disk.raw');
  const data = randomBytes(256 * 1024);
  writeFileSync(file, data);
  const name = `ubuntu-24.04-r${suffix()}-v1.0`;
  const progress: number[] = [];
  const { inputs, outputs } = await createImageResource(
    platform,
    name,
    { name, diskFormat: 'raw', source: { file }, minDisk: 1, properties, sha512: createHash('sha512').update(data).digest('hex') },
    { onProgress: (p) => progress.push(p.bytes) },
  );
  try {
    t.equal(outputs.status, 'active');
    t.equal(outputs.osHashValue, createHash('sha512').update(data).digest('hex'));
    t.equal(progress.at(-1), data.length, 'the upload reported progress up to the last byte');
    t.equal(inputs.visibility, 'private', 'defaults come from the schema');

    const changed = { ...inputs, minDisk: 2, isHidden: true, properties: { ...properties, description: 'changed' }, tags: ['golden'] };
    t.same(diffImage(inputs, changed), { replaces: [], updates: ['minDisk', 'isHidden', 'tags', 'properties'] });
    const updated = await updateImageResource(platform, outputs.id, inputs, changed);
    const live = await getImage(platform, outputs.id);
    t.equal(updated.outputs.id, outputs.id, 'updated in place: same id');
    t.same([live['min_disk'], live['os_hidden'], live['description'], live['tags']], [2, true, 'changed', ['golden']]);

    t.same(diffImage(inputs, { ...inputs, diskFormat: 'qcow2', source: { file: join(dir, 'other.raw') } }), {
      replaces: ['diskFormat', 'source'],
      updates: [],
    });
    const refused = await updateImageResource(platform, outputs.id, updated.inputs, { ...updated.inputs, diskFormat: 'qcow2' }).catch(
      (e: unknown) => e,
    );
    t.type(refused, ResourceOperationError);
    t.match((refused as Error).message, 'diskFormat cannot change in place; the image must be replaced');
  } finally {
    await deleteImageResource(platform, outputs.id);
    t.ok(isNotFound(await getImage(platform, outputs.id).catch((e: unknown) => e)), 'deleted (404)');
  }
});

/** The disk formats the schema allows (the message lists them all). */
const diskFormats = (imageSchema().document['properties'] as { diskFormat: { enum: string[] } }).diskFormat.enum;

t.test('bad values of every kind of field are refused, naming resource, field and rule, with zero API calls', async (t) => {
  const before = platform.transport.requests;
  const cases: [Record<string, unknown>, string][] = [
    [{ diskFormat: 'raw', source: { file: '/x' } }, 'name: is required (rule: required)'],
    [
      { name: 'n', diskFormat: 'qcow3', source: { file: '/x' } },
      `diskFormat: must be one of ${diskFormats.map((f) => JSON.stringify(f)).join(', ')} (rule: enum)`,
    ],
    [{ name: 'n', diskFormat: 'raw', source: { file: '/x' }, minDisk: -1 }, 'minDisk: must be >= 0 (rule: minimum)'],
    [{ name: 'n', diskFormat: 'raw', source: { file: '/x' }, isHidden: 'yes' }, 'isHidden: must be boolean (rule: type)'],
    [{ name: 'n', diskFormat: 'raw', source: { file: '/x' }, tags: ['a', 'a'] }, 'tags: must NOT have duplicate items'],
    [
      { name: 'n', diskFormat: 'raw', source: { file: '/x' }, properties: { os_glance_x: '1' } },
      'properties.os_glance_x: is a name Glance reserves',
    ],
    [
      { name: 'n', diskFormat: 'raw', source: { file: '/x' }, properties: { os_version: 24 } },
      'properties.os_version: must be string (rule: type)',
    ],
    [{ name: 'n', diskFormat: 'raw', source: { ftp: 'x' } }, 'source: must be one of the documented forms (rule: oneOf)'],
    [{ name: 'n', diskFormat: 'raw', source: { file: '/x' }, sha256: 'abc' }, 'sha256: must match pattern'],
    [
      { name: 'n', diskFormat: 'raw', source: { file: '/x' }, properties: { description: 'golden \u{1F947} image' } },
      'properties.description: has a character Glance refuses: one outside the Basic Multilingual Plane (4-byte UTF-8, such as an emoji) (rule: format)',
    ],
    [{ name: 'n', diskFormat: 'raw', source: { file: dir } }, `source.file: ${dir} is a directory, not a file (rule: file)`],
    [
      { name: 'n', diskFormat: 'raw', source: { file: '/x' }, color: 'blue' },
      'color: is not a field of this resource (rule: additionalProperties)',
    ],
  ];
  for (const [inputs, expected] of cases) {
    const err = await createImageResource(platform, 'bad', inputs).catch((e: unknown) => e);
    t.type(err, ResourceInputError, expected);
    t.match((err as Error).message, `Image "bad": `);
    t.match((err as Error).message, expected);
  }
  t.equal(platform.transport.requests, before, 'no request reached Keystone or Glance');
});

t.test('a web-download of a missing URL fails naming the URL and its 404, and leaves nothing behind', async (t) => {
  const name = `ubuntu-24.04-m${suffix()}-v1.0`;
  const url = `${lab().sourceUrl}/missing-${suffix()}.raw`;
  const err = await createImageResource(platform, name, { name, diskFormat: 'raw', properties, source: { url } }).catch((e: unknown) => e);
  t.type(err, ResourceOperationError);
  t.match((err as Error).message, `Image "${name}": loading its data failed: `);
  t.match((err as Error).message, 'the import failed for store(s) fast');
  t.notMatch((err as Error).message, 'no answer', '9: Glance answered; nothing says it did not');
  t.match((err as Error).message, `Glance could not fetch ${url}: from here it answers HTTP 404`);
  t.match((err as Error).message, 'the image record was deleted');
  t.ok(await namedNowhere(name), 'no image of that name is left');
});

t.test('a web-download and a glance-direct import from the lab source become active with the data the source holds', async (t) => {
  const data = randomBytes(128 * 1024);
  const file = `web-${suffix()}.raw`;
  writeFileSync(join(lab().sourceDir, file), data);
  t.teardown(() => rmSync(join(lab().sourceDir, file), { force: true }));
  const name = `ubuntu-24.04-w${suffix()}-v1.0`;
  const { outputs } = await createImageResource(platform, name, {
    name,
    diskFormat: 'raw',
    properties,
    source: { url: `${lab().sourceUrl}/${file}` },
  });
  t.teardown(() => deleteImageResource(platform, outputs.id));
  t.equal(outputs.status, 'active');
  t.equal(outputs.osHashValue, createHash('sha512').update(data).digest('hex'));
  t.same(outputs.storesIn, ['fast']);

  const direct = `ubuntu-24.04-g${suffix()}-v1.0`;
  const staged = await createImageResource(platform, direct, {
    name: direct,
    diskFormat: 'raw',
    properties,
    source: { url: `${lab().sourceUrl}/${file}`, method: 'glance-direct' },
    stores: ['cheap'],
  });
  t.teardown(() => deleteImageResource(platform, staged.outputs.id));
  t.equal(
    staged.outputs.osHashValue,
    createHash('sha512').update(data).digest('hex'),
    'glance-direct (staged by this tool) stores the same data',
  );
  t.same(staged.outputs.storesIn, ['cheap'], 'in the store asked for');
});

t.test('a missing file is refused before any API call; data that misses the pin leaves nothing behind', async (t) => {
  const vanished = `ubuntu-24.04-v${suffix()}-v1.0`;
  const calls = platform.transport.requests;
  const missing = join(dir, 'no-such-file.raw');
  const gone = await createImageResource(platform, vanished, {
    name: vanished,
    diskFormat: 'raw',
    source: { file: missing },
  }).catch((e: unknown) => e);
  t.type(gone, ResourceInputError);
  t.match((gone as Error).message, `Image "${vanished}": source.file: ${missing}: there is no such file (rule: file)`);
  t.equal(platform.transport.requests, calls, 'no API call');
  t.ok(await namedNowhere(vanished), 'no image of that name');

  const file = join(dir, 'pinned.raw');
  writeFileSync(file, 'not what was pinned');
  const pinned = `ubuntu-24.04-p${suffix()}-v1.0`;
  const wrong = await createImageResource(platform, pinned, {
    name: pinned,
    diskFormat: 'raw',
    source: { file },
    sha256: '0'.repeat(64),
  }).catch((e: unknown) => e);
  t.match((wrong as Error).message, `not the pinned ${'0'.repeat(64)}`);
  t.ok(await namedNowhere(pinned), 'no image left after a pin mismatch');

  const imported = `ubuntu-24.04-i${suffix()}-v1.0`;
  const before = platform.transport.requests;
  const sha256 = await createImageResource(platform, imported, {
    name: imported,
    diskFormat: 'raw',
    source: { url: `${lab().sourceUrl}/x.raw` },
    sha256: '0'.repeat(64),
  }).catch((e: unknown) => e);
  t.match(
    (sha256 as Error).message,
    `Image "${imported}": sha256: a web-download is checked against Glance's sha512 only; pin sha512, or fetch it here (source.method: glance-direct) to check a sha256`,
  );
  t.equal(platform.transport.requests, before, 'refused before any API call');
});

t.test('a glance-direct import checks a sha256 pin as it stages (osism publishes sha256): a mismatch leaves nothing', async (t) => {
  const data = randomBytes(96 * 1024);
  const file = `direct-${suffix()}.raw`;
  writeFileSync(join(lab().sourceDir, file), data);
  t.teardown(() => rmSync(join(lab().sourceDir, file), { force: true }));
  const source = { url: `${lab().sourceUrl}/${file}`, method: 'glance-direct' as const };
  const good = `ubuntu-24.04-s${suffix()}-v1.0`;
  const made = await createImageResource(platform, good, {
    name: good,
    diskFormat: 'raw',
    properties,
    source,
    sha256: createHash('sha256').update(data).digest('hex'),
  });
  t.teardown(() => deleteImageResource(platform, made.outputs.id));
  t.equal(made.outputs.status, 'active', 'the sha256 it was pinned with: active');
  t.equal(made.outputs.osHashValue, createHash('sha512').update(data).digest('hex'));

  const bad = `ubuntu-24.04-b${suffix()}-v1.0`;
  const wrong = await createImageResource(platform, bad, {
    name: bad,
    diskFormat: 'raw',
    properties,
    source,
    sha256: 'f'.repeat(64),
  }).catch((e: unknown) => e);
  t.match(
    (wrong as Error).message,
    `the data's sha256 is ${createHash('sha256').update(data).digest('hex')}, not the pinned ${'f'.repeat(64)}`,
  );
  t.ok(await namedNowhere(bad), 'no image of that name is left');
});

t.test("a public image from a non-admin fails with Glance's 403 quoted, and nothing is created", async (t) => {
  const name = `ubuntu-24.04-q${suffix()}-v1.0`;
  const err = await createImageResource(platform, name, {
    name,
    diskFormat: 'raw',
    visibility: 'public',
    source: { file: '/dev/null' },
  }).catch((e: unknown) => e);
  t.match((err as Error).message, /POST http:\/\/127\.0\.0\.1:\d+\/v2\/images: HTTP 403: .*publicize_image/);
  t.ok(await namedNowhere(name), 'no image of that name exists');
});

t.test('a create of a resource whose earlier create was cut off takes over the finished image, or refuses other data', async (t) => {
  const file = join(dir, `resume-${suffix()}.raw`);
  writeFileSync(file, randomBytes(128 * 1024));
  const name = `ubuntu-24.04-m${suffix()}-v1.0`;
  const creator = `urn:pulumi:test::image-catalog::image-catalog:index:Image::${name}`;
  const args = { name, diskFormat: 'raw', source: { file }, properties };
  const first = await createImageResource(platform, name, args, { creator });
  t.teardown(() => deleteImageResource(platform, first.outputs.id));
  t.equal((await getImage(platform, first.outputs.id))['catalog_created_by'], creator, 'the record carries its creator');

  // The engine never recorded the first create (killed after the upload): the same resource is created again.
  const again = await createImageResource(platform, name, args, { creator });
  t.equal(again.outputs.id, first.outputs.id, 'the finished image is taken over, not made twice');

  writeFileSync(file, randomBytes(128 * 1024));
  await t.rejects(
    createImageResource(platform, name, args, { creator }),
    /was made by an interrupted run of this resource with other data than declared now/,
    'other data than the finished image holds is refused, the image kept',
  );
  t.equal((await getImage(platform, first.outputs.id)).status, 'active');
});

t.test('two stacks creating the same name at once: one image remains, the other create fails with the versioning rule', async (t) => {
  const file = join(dir, `race-${suffix()}.raw`);
  writeFileSync(file, randomBytes(2 * 1024 * 1024));
  const name = `ubuntu-24.04-c${suffix()}-v1.0`;
  const args = { name, diskFormat: 'raw', source: { file }, properties };
  const stacks = ['one', 'two'].map((stack) => `urn:pulumi:${stack}::image-catalog::image-catalog:index:Image::${name}`);
  const settled = await Promise.allSettled(stacks.map((creator) => createImageResource(platform, name, args, { creator })));
  const made = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.outputs.id] : []));
  t.teardown(async () => {
    for (const id of made) await deleteImageResource(platform, id);
  });
  const refused = settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as Error).message] : []));
  t.equal(made.length, 1, 'one create succeeds');
  t.match(refused, [/name: ".*" is already used by image .* \(rule: versioning, a name is never reused\)/], 'the other names the rule');
  const named = [];
  for await (const image of listImages(platform, { name, visibility: 'all', memberStatus: 'all' })) named.push(image.id);
  t.same(named, made, 'Glance holds the name once');
});
