/** v1.0 of a family, private, from a data file: the program image-catalog preview runs in replace.test.ts. */
import { Image } from '../../../provider/pulumi/index.js';

export default function replace(): Promise<Record<string, unknown>> {
  const family = process.env['REPLACE_TEST_FAMILY'] ?? '';
  new Image('v1.0', {
    name: `${family}-v1.0`,
    diskFormat: 'raw',
    visibility: 'private',
    source: { file: process.env['REPLACE_TEST_DATA'] ?? '' },
    properties: { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'replace test' },
  });
  return Promise.resolve({});
}
