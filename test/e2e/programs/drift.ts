/**
 * v1.0 of a family, shared (published), from a data file: the program the decision paths of decisions.test.ts run
 * (image-catalog preview and pr-check load it from a file). DRIFT_TEST_OS_VERSION edits the published image.
 */
import { Image } from '../../../provider/pulumi/index.js';

export default function drift(): Promise<Record<string, unknown>> {
  const family = process.env['DRIFT_TEST_FAMILY'] ?? '';
  new Image('v1.0', {
    name: `${family}-v1.0`,
    diskFormat: 'raw',
    visibility: 'shared',
    source: { file: process.env['DRIFT_TEST_DATA'] ?? '' },
    properties: {
      os_distro: 'ubuntu',
      os_version: process.env['DRIFT_TEST_OS_VERSION'] ?? '24.04',
      hw_disk_bus: 'virtio',
      hw_vif_model: 'virtio',
      description: 'drift test',
    },
  });
  return Promise.resolve({});
}
