/**
 * A small golden-image catalog, as a platform team keeps it in its own repository:
 *
 * - the version line `rocky-9-<profile>`: v1.0 (deprecated, hidden) and v1.1 (current), v1.1 shared with one
 *   consumer project and accepted as that project;
 * - a community image, `alpine-3.20-<profile>-v1.0`.
 *
 * Stack config:
 *   image-catalog:cloud                      the owner's cloud in clouds.yaml (the project that publishes)
 *   image-catalog-example:consumerProjectId  the consumer project's id
 *   image-catalog-example:consumerCloud      the consumer's cloud (accepts the share as that project)
 *   image-catalog-example:dataDir            the folder of the image files, <image name>.qcow2
 *   image-catalog-example:profile            the profile part of every name (default: golden)
 *   image-catalog:policy                     policy data; the SCS-0102 profile: {"image_catalog":{"profile":"scs-0102"}}
 *
 * Every image carries the SCS-0102 metadata (the line's from its `scs`, the plain image's from `scsMetadata`), so
 * the profile can be turned on (README.md beside this file).
 */
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { Image, VersionLine, scsMetadata } from 'image-catalog/pulumi';

export default function catalog(): Promise<Record<string, unknown>> {
  const config = new pulumi.Config();
  const owner = new pulumi.Config('image-catalog').require('cloud');
  const dataDir = config.require('dataDir');
  const profile = config.get('profile') ?? 'golden';
  const file = (name: string): { file: string } => ({ file: join(dataDir, `${name}.qcow2`) });
  const common = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio' };

  const rocky = new VersionLine('rocky', {
    os: 'rocky',
    osVersion: '9',
    profile,
    cloud: owner,
    properties: { ...common, description: 'Rocky Linux 9, hardened base' },
    scs: { replaceFrequency: 'monthly', originalUser: 'rocky' },
    versions: [
      { version: '1.0', source: file(`rocky-9-${profile}-v1.0`), minDisk: 1, minRam: 512, buildDate: '2026-11-02' },
      { version: '1.1', source: file(`rocky-9-${profile}-v1.1`), minDisk: 1, minRam: 512, buildDate: '2026-12-01' },
    ],
    consumers: [{ name: 'consumer', projectId: config.require('consumerProjectId'), cloud: config.require('consumerCloud') }],
  });

  const alpine = new Image('alpine-tools', {
    cloud: owner,
    name: `alpine-3.20-${profile}-v1.0`,
    diskFormat: 'qcow2',
    visibility: 'community',
    minDisk: 1,
    minRam: 256,
    source: file(`alpine-3.20-${profile}-v1.0`),
    properties: {
      ...common,
      os_distro: 'alpine',
      os_version: '3.20',
      description: 'Alpine 3.20 with the platform tools',
      ...scsMetadata({
        description: 'https://alpinelinux.org/releases/',
        purpose: 'custom',
        originalUser: 'alpine',
        replaceFrequency: 'yearly',
        buildDate: '2026-12-01',
      }),
    },
  });

  return Promise.resolve({
    current: rocky.current,
    images: [...Object.values(rocky.images), alpine].map((image) => ({ name: image.name, imageId: image.imageId })),
  });
}
