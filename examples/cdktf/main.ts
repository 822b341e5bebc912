/**
 * The example catalog as a CDK Terrain (cdktn) app: the same catalog as the Pulumi example (the root index.ts),
 * under profiles and store ids of its own so both live side by side in one Image Service.
 *
 * - two file stores, `golden_tf` and `archive_tf`, written into glance-api's config directory by StorageBackend;
 * - the version line ubuntu-24.04-base-tf: v1.0 (deprecated, hidden) and v1.1 (current), v1.1 shared with the
 *   consumer project and accepted as that project (through the consumer's provider alias);
 * - a community image, debian-12-tools-tf-v1.0;
 * - a public image, cirros-0.6-tiny-tf-v1.0, made with the admin cloud (public is admin-only).
 *
 * Settings come from the environment (`npm run start:cdktf` sets them from the lab): CATALOG_CLOUD (the owner's
 * cloud), CATALOG_ADMIN_CLOUD, CATALOG_CONSUMER_CLOUD, CATALOG_CONSUMER_PROJECT_ID, CATALOG_GLANCE_CONFIG_DIR,
 * CATALOG_RELOAD_COMMAND (a JSON argv), CATALOG_STORES_DIR, CATALOG_DATA_DIR, and CATALOG_PROFILE_SUFFIX (default
 * `tf`). The clouds are read from clouds.yaml (OS_CLIENT_CONFIG_FILE). Image data are qcow2 files made with qemu-img.
 *
 * The state: a local file (terraform.catalog.tfstate beside this file) unless CATALOG_STATE_S3_BUCKET names a
 * bucket: then OpenTofu's s3 backend, with its lock file beside the state (use_lockfile), at CATALOG_STATE_S3_KEY
 * (default image-catalog/catalog.tfstate) in CATALOG_STATE_S3_REGION (default AWS_REGION, else us-east-1);
 * CATALOG_STATE_S3_ENDPOINT for an S3-compatible server (Ceph RGW, SeaweedFS: path-style, no AWS account checks).
 * The keys come from the AWS SDK's usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile).
 *
 * The SCS-0102 profile is on: policy.json beside this file, named by IMAGE_CATALOG_POLICY_DATA (`npm run
 * start:cdktf` sets it); the line fills the standard's metadata from its `scs`, the plain images spread
 * `scsMetadata(...)` into their properties.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, S3Backend, TerraformOutput, TerraformStack } from 'cdktn';
import type { Construct } from 'constructs';
import { CatalogImage, OpenstackProvider, StorageBackend, VersionLine, checkCatalog, scsMetadata } from 'image-catalog/cdktf';

function setting(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`${name} is not set (see the head of main.ts)`);
  return value;
}

/** A qcow2 file of the given virtual size, made once with qemu-img. */
function qcow2(dir: string, name: string, size: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.qcow2`);
  if (!existsSync(file)) execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', file, size]);
  return file;
}

class Catalog extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const bucket = process.env['CATALOG_STATE_S3_BUCKET'];
    if (bucket !== undefined && bucket !== '') {
      const endpoint = process.env['CATALOG_STATE_S3_ENDPOINT'];
      new S3Backend(this, {
        bucket,
        key: setting('CATALOG_STATE_S3_KEY', 'image-catalog/catalog.tfstate'),
        region: setting('CATALOG_STATE_S3_REGION', process.env['AWS_REGION'] ?? 'us-east-1'),
        useLockfile: true,
        ...(endpoint === undefined || endpoint === ''
          ? {}
          : {
              endpoints: { s3: endpoint },
              usePathStyle: true,
              skipCredentialsValidation: true,
              skipRequestingAccountId: true,
              skipRegionValidation: true,
              skipMetadataApiCheck: true,
            }),
      });
    }
    const suffix = setting('CATALOG_PROFILE_SUFFIX', 'tf');
    const profile = (name: string): string => `${name}-${suffix}`;
    const dataDir = resolve(setting('CATALOG_DATA_DIR', '.image-data'));
    const storesDir = setting('CATALOG_STORES_DIR');
    const adminCloud = setting('CATALOG_ADMIN_CLOUD', 'admin');

    new OpenstackProvider(this, 'owner', { cloud: setting('CATALOG_CLOUD') });
    const admin = new OpenstackProvider(this, 'admin', { alias: 'admin', cloud: adminCloud });
    const consumer = new OpenstackProvider(this, 'consumer', { alias: 'consumer', cloud: setting('CATALOG_CONSUMER_CLOUD', 'appteam') });

    const stores = ['golden', 'archive'].map((name) => {
      const id = `${name}_${suffix}`;
      const dir = join(storesDir, id);
      mkdirSync(dir, { recursive: true });
      return new StorageBackend(this, `store-${name}`, {
        storeId: id,
        type: 'file',
        cloud: adminCloud,
        description: `${id} images (example catalog)`,
        configDir: setting('CATALOG_GLANCE_CONFIG_DIR'),
        reloadCommand: JSON.parse(setting('CATALOG_RELOAD_COMMAND')) as string[],
        options: { dataDir: dir },
      });
    });
    // A store reload restarts glance-api: images wait for both stores.
    const afterStores = stores.map((s) => s.resource);
    const common = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio' };

    const ubuntu = new VersionLine(this, 'ubuntu-base', {
      os: 'ubuntu',
      osVersion: '24.04',
      profile: profile('base'),
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
      consumers: [{ name: 'appteam', projectId: setting('CATALOG_CONSUMER_PROJECT_ID'), provider: consumer }],
      dependsOn: afterStores,
    });

    const tools = new CatalogImage(this, 'debian-tools', {
      os: 'debian',
      osVersion: '12',
      profile: profile('tools'),
      version: '1.0',
      visibility: 'community',
      minDisk: 1,
      minRam: 512,
      source: { file: qcow2(dataDir, 'debian-12-tools-v1.0', '1G') },
      properties: {
        ...common,
        description: 'Debian 12 with the platform tools',
        ...scsMetadata({
          description: 'https://www.debian.org/releases/bookworm/',
          purpose: 'custom',
          originalUser: 'debian',
          replaceFrequency: 'yearly',
          buildDate: '2026-12-01',
        }),
      },
      dependsOn: afterStores,
    });

    const cirros = new CatalogImage(this, 'cirros-tiny', {
      os: 'cirros',
      osVersion: '0.6',
      profile: profile('tiny'),
      version: '1.0',
      visibility: 'public',
      provider: admin,
      minDisk: 1,
      minRam: 128,
      source: { file: qcow2(dataDir, 'cirros-0.6-tiny-v1.0', '128M') },
      properties: {
        ...common,
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
      dependsOn: afterStores,
    });

    const images = [...Object.values(ubuntu.images), tools, cirros];
    new TerraformOutput(this, 'catalog', {
      value: images.map((image) => ({ name: image.name, imageId: image.imageId, visibility: image.inputs.visibility })),
    });
    new TerraformOutput(this, 'current', { value: ubuntu.current });
  }
}

const app = new App();
new Catalog(app, 'catalog');
// The synth-time policy: every new image decided as its cloud, against the live catalog, before synth writes anything.
await checkCatalog(app);
app.synth();
