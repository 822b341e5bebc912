/**
 * The example catalog a new user starts from (the root Pulumi program; `npm start` runs it against the lab). It
 * imports the package by its public name, as a project of a platform team would (in this checkout the name
 * resolves to the TypeScript sources: the `image-catalog-source` export condition).
 *
 * - two file stores, `golden` and `archive`, written into glance-api's config directory by StorageBackend;
 * - the version line ubuntu-24.04-base: v1.0 (deprecated, hidden) and v1.1 (current), v1.1 shared with the
 *   consumer project and accepted as that project;
 * - a community image, debian-12-tools-v1.0;
 * - a public image, cirros-0.6-tiny-v1.0, made with the admin cloud (public is admin-only).
 *
 * The SCS-0102 profile is on (`npm start` sets the stack's image-catalog:policy to `{"image_catalog":{"profile":
 * "scs-0102"}}`): the line fills the standard's metadata from its `scs`, the plain images spread `scsMetadata(...)`
 * into their properties, and the standard's own checker passes the public and community images (docs/policy.md).
 *
 * Image data are real qcow2 files made here with qemu-img. Stack config (set by `npm start` from the lab):
 * image-catalog:cloud (the owner's cloud), :adminCloud, :consumerProjectId, :consumerCloud, :glanceConfigDir,
 * :reloadCommand (a JSON argv), :storesDir, :dataDir, and :profileSuffix (default none: appended to every
 * image's profile and store id, so a second copy of the catalog can live beside the first, as the benches do).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { Image, StorageBackend, VersionLine, scsMetadata } from 'image-catalog/pulumi';

/** A qcow2 file of the given virtual size, made once with qemu-img. */
function qcow2(dir: string, name: string, size: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.qcow2`);
  if (!existsSync(file)) execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', file, size]);
  return file;
}

/** The program. */
export default function catalog(): Promise<Record<string, unknown>> {
  const config = new pulumi.Config('image-catalog');
  const owner = config.require('cloud');
  const adminCloud = config.get('adminCloud') ?? 'admin';
  const storesDir = config.require('storesDir');
  const dataDir = resolve(config.get('dataDir') ?? '.image-data');
  const reloadCommand = config.requireObject<string[]>('reloadCommand');
  const glanceConfigDir = config.require('glanceConfigDir');
  const suffix = config.get('profileSuffix');
  const profile = (name: string): string => (suffix === undefined ? name : `${name}-${suffix}`);

  const stores = ['golden', 'archive'].map((name) => {
    // A profile suffix makes a catalog of its own, stores included (as the CDKTF example's `golden_tf`).
    const id = suffix === undefined ? name : `${name}_${suffix}`;
    const dir = join(storesDir, id);
    mkdirSync(dir, { recursive: true });
    return new StorageBackend(name, {
      cloud: adminCloud,
      storeId: id,
      type: 'file',
      description: `${id} images (example catalog)`,
      configDir: glanceConfigDir,
      reloadCommand,
      options: { dataDir: dir },
    });
  });
  // A store reload restarts glance-api: images wait for both stores.
  const afterStores = { dependsOn: stores };
  const common = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio' };

  const ubuntu = new VersionLine(
    'ubuntu-base',
    {
      os: 'ubuntu',
      osVersion: '24.04',
      profile: profile('base'),
      cloud: owner,
      properties: { ...common, description: 'Ubuntu 24.04 base image' },
      scs: { replaceFrequency: 'quarterly', originalUser: 'ubuntu' },
      versions: [
        {
          version: '1.0',
          source: { file: qcow2(dataDir, 'ubuntu-24.04-base-v1.0', '1G') },
          minDisk: 1,
          minRam: 512,
          buildDate: '2026-11-02',
        },
        {
          version: '1.1',
          source: { file: qcow2(dataDir, 'ubuntu-24.04-base-v1.1', '2G') },
          minDisk: 2,
          minRam: 512,
          buildDate: '2026-12-01',
        },
      ],
      consumers: [{ name: 'appteam', projectId: config.require('consumerProjectId'), cloud: config.get('consumerCloud') ?? 'appteam' }],
    },
    afterStores,
  );

  const tools = new Image(
    'debian-tools',
    {
      cloud: owner,
      name: `debian-12-${profile('tools')}-v1.0`,
      diskFormat: 'qcow2',
      visibility: 'community',
      minDisk: 1,
      minRam: 512,
      source: { file: qcow2(dataDir, 'debian-12-tools-v1.0', '1G') },
      properties: {
        ...common,
        os_distro: 'debian',
        os_version: '12',
        description: 'Debian 12 with the platform tools',
        ...scsMetadata({
          description: 'https://www.debian.org/releases/bookworm/',
          purpose: 'custom',
          originalUser: 'debian',
          replaceFrequency: 'yearly',
          buildDate: '2026-12-01',
        }),
      },
    },
    afterStores,
  );

  const cirros = new Image(
    'cirros-tiny',
    {
      cloud: adminCloud,
      name: `cirros-0.6-${profile('tiny')}-v1.0`,
      diskFormat: 'qcow2',
      visibility: 'public',
      minDisk: 1,
      minRam: 128,
      source: { file: qcow2(dataDir, 'cirros-0.6-tiny-v1.0', '128M') },
      properties: {
        ...common,
        os_distro: 'cirros',
        os_version: '0.6',
        description: 'CirrOS 0.6 for smoke tests',
        // minimal, not generic: the standard allows one public generic image per distro, version and architecture.
        ...scsMetadata({
          description: 'https://github.com/cirros-dev/cirros',
          purpose: 'minimal',
          originalUser: 'cirros',
          replaceFrequency: 'never',
          buildDate: '2026-12-01',
        }),
      },
    },
    afterStores,
  );

  const images = [...Object.values(ubuntu.images), tools, cirros];
  return Promise.resolve({
    catalog: images.map((image) => ({ name: image.name, imageId: image.imageId, visibility: image.visibility })),
    stores: stores.map((s) => s.storeId),
    current: ubuntu.current,
  });
}
