import t from 'tap';
import { checkImageInputs, diffImage, imageRecord, imageSchema } from '../../provider/resources/image/image.js';
import { ResourceInputError } from '../../provider/resources/schema.js';

t.test('the field table comes from the schema: wire names and update-or-replace per field', (t) => {
  const table = Object.fromEntries(imageSchema().fields.map((f) => [f.local, `${f.wire ?? '-'}:${f.change}`]));
  t.same(table, {
    name: 'name:update',
    diskFormat: 'disk_format:replace',
    containerFormat: 'container_format:replace',
    visibility: 'visibility:update',
    minDisk: 'min_disk:update',
    minRam: 'min_ram:update',
    isProtected: 'protected:update',
    isHidden: 'os_hidden:update',
    isDeactivated: '-:update',
    tags: 'tags:update',
    properties: '-:update',
    source: '-:replace',
    sha256: '-:replace',
    sha512: '-:replace',
    stores: '-:replace',
    allStoresMustSucceed: '-:replace',
  });
  t.end();
});

t.test('the record sent to Glance uses wire names, custom properties apart', (t) => {
  const inputs = checkImageInputs('x', {
    name: 'x',
    diskFormat: 'qcow2',
    source: { file: '/f' },
    isHidden: true,
    properties: { os_distro: 'ubuntu' },
  });
  t.same(imageRecord(inputs), {
    name: 'x',
    disk_format: 'qcow2',
    container_format: 'bare',
    visibility: 'private',
    min_disk: 0,
    min_ram: 0,
    protected: false,
    os_hidden: true,
    tags: [],
    properties: { os_distro: 'ubuntu' },
  });
  t.end();
});

t.test('the diff ignores defaults written or left out, and classifies what changed', (t) => {
  const a = checkImageInputs('x', { name: 'x', diskFormat: 'raw', source: { file: '/f' } });
  const b = checkImageInputs('x', { name: 'x', diskFormat: 'raw', source: { file: '/f' }, visibility: 'private', minDisk: 0 });
  t.same(diffImage(a, b), { replaces: [], updates: [] });
  t.same(diffImage(a, { ...b, sha256: 'a'.repeat(64), visibility: 'shared' }), { replaces: ['sha256'], updates: ['visibility'] });
  t.end();
});

t.test('every problem of an input is listed at once', (t) => {
  const err = t.throws(() =>
    checkImageInputs('y', { name: '', diskFormat: 'raw', source: { file: '/f' }, minRam: 1.5 }),
  ) as ResourceInputError;
  t.same(
    err.problems.map((p) => `${p.field}:${p.rule}`),
    ['name:minLength', 'minRam:type'],
  );
  t.end();
});
