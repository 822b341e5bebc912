import t from 'tap';
import { createImageBody, imagePatch } from '../../provider/client/images.js';

t.test('a create body flattens custom properties next to the wire fields', (t) => {
  t.same(
    createImageBody({
      name: 'ubuntu-24.04-base-v1.0',
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 10,
      tags: ['golden'],
      properties: { os_distro: 'ubuntu', os_version: '24.04' },
    }),
    {
      name: 'ubuntu-24.04-base-v1.0',
      disk_format: 'qcow2',
      container_format: 'bare',
      min_disk: 10,
      tags: ['golden'],
      os_distro: 'ubuntu',
      os_version: '24.04',
    },
  );
  t.end();
});

t.test('the JSON-patch replaces what changed, adds what is new, removes only present properties, and replaces tags whole', (t) => {
  const current = { name: 'a', min_disk: 10, tags: ['x'], os_distro: 'ubuntu', stale: 'yes', 'odd/key': '1' };
  t.same(imagePatch(current, { name: 'a', min_disk: 20, tags: ['x', 'y'], deprecated: 'true', 'odd/key': '2' }, ['stale', 'never-there']), [
    { op: 'replace', path: '/min_disk', value: 20 },
    { op: 'replace', path: '/tags', value: ['x', 'y'] },
    { op: 'add', path: '/deprecated', value: 'true' },
    { op: 'replace', path: '/odd~1key', value: '2' },
    { op: 'remove', path: '/stale' },
  ]);
  t.same(imagePatch(current, { name: 'a' }), [], 'nothing to change, no operation');
  t.end();
});
