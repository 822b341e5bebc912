/**
 * adopt's pure parts: resource names, the inputs an adopted image is declared with (as Glance has it, the imported
 * source, nothing Glance or other tools add), and the program written (import ids, audit comments, members). The
 * written program's first preview is test/e2e/adopt.test.ts.
 */
import t from 'tap';
import { arrangeImages, proposeLine, type AdoptedImage } from '../../provider/cli/adopt-line.js';
import {
  adoptedInputs,
  cdktfProgram,
  hclProgram,
  lineArgs,
  projectFiles,
  resourceName,
  typescriptProgram,
  yamlProgram,
  type Adoption,
} from '../../provider/cli/adopt.js';
import { parse as parseYaml } from 'yaml';
import { quote as quoted } from '../../provider/cli/project-files.js';
import { tpoRelease } from '../../provider/cdktf/plan.js';
import { toolSpec } from '../../scripts/tools.js';
import { lineImages } from '../../provider/resources/versionLine.js';
import { reloadCommandOption, type StoreAdoption } from '../../provider/cli/adopt-store.js';
import { parseStoreFragment, renderStoreFragment, type StoreInputs } from '../../provider/resources/store/store.js';

const noStores: StoreAdoption = { cloud: 'platform', written: [], notes: [] };

const live = {
  id: 'id-1',
  name: 'ubuntu-24.04-base-v1.0',
  status: 'active',
  visibility: 'shared',
  owner: 'p',
  protected: false,
  os_hidden: true,
  min_disk: 1,
  min_ram: 0,
  disk_format: 'raw',
  container_format: 'bare',
  tags: ['ubuntu-24.04-base'],
  checksum: 'c',
  os_hash_algo: 'sha512',
  os_hash_value: 'h',
  stores: 'file',
  created_at: '2026-11-01T00:00:00Z',
  os_distro: 'ubuntu',
  'owner_specified.openstack.md5': 'x',
  catalog_published_at: '2026-11-01T00:00:00Z',
  deprecated: 'true',
} as never;

t.test('resource names: from the image name, unique, one for an image without a name', (t) => {
  const taken = new Set<string>();
  t.equal(resourceName('Ubuntu 24.04 Base', 'id', taken), 'ubuntu-24.04-base');
  t.equal(resourceName('ubuntu 24.04 base', 'id', taken), 'ubuntu-24.04-base-2');
  t.equal(resourceName(null, 'abcdef0123', taken), 'image-abcdef01');
  t.end();
});

t.test("an adopted image's inputs: what Glance keeps, as it has it, and the imported source", (t) => {
  t.same(adoptedInputs(live), {
    name: 'ubuntu-24.04-base-v1.0',
    diskFormat: 'raw',
    containerFormat: 'bare',
    visibility: 'shared',
    minDisk: 1,
    minRam: 0,
    isProtected: false,
    isHidden: true,
    isDeactivated: false,
    tags: ['ubuntu-24.04-base'],
    properties: { deprecated: 'true', os_distro: 'ubuntu' },
    source: { imported: true },
  });
  t.end();
});

t.test('the program: import ids, the audit findings above their image, members with theirs', (t) => {
  const images: AdoptedImage[] = [
    {
      live,
      members: [{ image_id: 'id-1', member_id: 'consumer1234', status: 'accepted' }],
      findings: [
        {
          image: { id: 'id-1', name: 'ubuntu-24.04-base-v1.0', owner: 'p', visibility: 'shared' },
          rule: 'required_metadata',
          level: 'mandatory',
          problems: [{ field: 'properties.description', message: 'properties.description is missing' }],
          remediation: 'r',
        },
      ],
    },
  ];
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today: '2026-12-07',
    skipped: [],
    stores: noStores,
    images,
    ...arrangeImages(images, '2026-12-07'),
  };
  const program = typescriptProgram(adoption);
  t.match(program, "import { Image, ImageMember, Provider } from 'image-catalog/pulumi';");
  t.match(program, "const provider = new Provider('adopted', { cloud: 'platform' });");
  t.match(
    program,
    '  // ubuntu-24.04-base: not written as a VersionLine: a line\'s name is <os_distro>-<os_version>-<profile>: ubuntu-24.04-base-v1.0 has os_distro "ubuntu" and os_version unset\n' +
      "  // audit: mandatory required_metadata: ubuntu-24.04-base-v1.0: properties.description is missing\n  const ubuntu2404BaseV10 = new Image('ubuntu-24.04-base-v1.0', {",
  );
  t.match(program, "    name: 'ubuntu-24.04-base-v1.0',");
  t.match(program, "}, { provider, import: 'id-1' });");
  t.match(program, '  // consumer1234 has accepted the share');
  t.match(
    program,
    "  new ImageMember(\n    'ubuntu-24.04-base-v1.0-share-consumer',\n    { image: ubuntu2404BaseV10, memberProjectId: 'consumer1234' },\n    { provider, import: 'id-1/consumer1234' },\n  );",
  );
  const files = projectFiles(adoption, 'catalog-p');
  t.same(Object.keys(files).sort(), ['Pulumi.yaml', 'index.ts', 'package.json', 'tsconfig.json']);
  t.match(
    JSON.parse(files['package.json'] ?? '{}'),
    { name: 'catalog-p', scripts: { typecheck: 'tsc --noEmit' }, allowScripts: { protobufjs: true } },
    "the shipped example's manifest",
  );
  t.equal(quoted('it\'s "x"'), "'it\\'s \"x\"'", 'a quote in a string is escaped');
  t.match(files['Pulumi.yaml'], 'path: ./node_modules/image-catalog/bin');
  t.end();
});

/** A live image of the family debian-12-base as Glance would have it, with `extra` fields over it. */
function version(id: string, v: string, extra: Record<string, unknown>, members: string[] = ['c0nsumer1']): AdoptedImage {
  return {
    live: {
      id,
      name: `debian-12-base-v${v}`,
      status: 'active',
      visibility: 'shared',
      owner: 'p',
      protected: false,
      os_hidden: false,
      min_disk: 0,
      min_ram: 0,
      disk_format: 'qcow2',
      container_format: 'bare',
      tags: ['debian-12-base'],
      os_distro: 'debian',
      os_version: '12',
      hw_disk_bus: 'scsi',
      'owner_specified.openstack.sha256': 'x',
      ...extra,
    },
    members: members.map((member_id) => ({ image_id: id, member_id, status: 'accepted' as const })),
    findings: [],
  };
}

t.test('a family Glance holds as a line is proposed as one: every version exactly as Glance has it', (t) => {
  const today = '2026-12-07';
  const images = [
    version('id-10', '1.0', {
      os_hidden: true,
      deprecated: 'true',
      superseded_by: 'debian-12-base-v1.1',
      provided_until: '2027-06-30',
      image_build_date: '2026-01-02',
    }),
    version('id-11', '1.1', {
      tags: ['debian-12-base', 'debian-12-base@latest'],
      provided_until: '2028-06-30',
      image_build_date: '2026-06-02',
      min_disk: 2,
    }),
  ];
  const proposal = proposeLine('debian-12-base', images, today);
  if (!('line' in proposal)) {
    t.fail(`not a line: ${proposal.reason}`);
    t.end();
    return;
  }
  t.same(lineArgs(proposal.line), {
    os: 'debian',
    osVersion: '12',
    profile: 'base',
    versions: [
      { version: '1.0', source: { imported: true }, importId: 'id-10', endOfLife: '2027-06-30', buildDate: '2026-01-02' },
      { version: '1.1', source: { imported: true }, importId: 'id-11', minDisk: 2, endOfLife: '2028-06-30', buildDate: '2026-06-02' },
    ],
    properties: { hw_disk_bus: 'scsi' },
    consumers: [{ projectId: 'c0nsumer1', name: 'c0nsumer' }],
  });
  t.equal(lineImages('debian-12-base', proposal.line, today).current, 'debian-12-base-v1.1');
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today,
    skipped: [],
    stores: noStores,
    images,
    ...arrangeImages(images, today),
  };
  const program = typescriptProgram(adoption);
  t.match(program, "import { Provider, VersionLine } from 'image-catalog/pulumi';");
  t.match(program, "  new VersionLine('debian-12-base', {\n    os: 'debian',");
  t.match(program, "        importId: 'id-10',");
  t.match(program, '  // consumer c0nsumer1: v1.0 accepted, v1.1 accepted');
  t.match(program, '}, { provider });');
  t.notMatch(program, 'new Image(');
  t.end();
});

t.test('a family the line would change stays plain Images, with the reason', (t) => {
  const today = '2026-12-07';
  const current = version('id-11', '1.1', { tags: ['debian-12-base', 'debian-12-base@latest'] });
  const notDeprecated = proposeLine('debian-12-base', [version('id-10', '1.0', { os_hidden: true }), current], today);
  t.match(notDeprecated, {
    reason: /version 1\.0 \(id-10\) would change properties: deprecated unset -> "true", superseded_by unset -> "debian-12-base-v1\.1"/,
  });
  const unshared = proposeLine(
    'debian-12-base',
    [version('id-10', '1.0', { os_hidden: true, deprecated: 'true', superseded_by: 'debian-12-base-v1.1' }, []), current],
    today,
  );
  t.match(unshared, {
    reason:
      /version 1\.0 is shared with nobody, the line shares every version not past its end of life with all its consumers \(c0nsumer1\)/,
  });
  const pastEnd = proposeLine(
    'debian-12-base',
    [
      version('id-10', '1.0', { os_hidden: true, deprecated: 'true', superseded_by: 'debian-12-base-v1.1', provided_until: '2026-01-01' }),
      current,
    ],
    today,
  );
  t.match(pastEnd, { reason: /version 1\.0 is past its end of life and still shared with c0nsumer1: the line unshares it/ });
  t.match(proposeLine('debian-12-base', [version('a', '1.0', {}), version('b', '1.00', {})], today), { reason: /declared twice/ });
  const publicOne = proposeLine(
    'debian-12-base',
    [version('id-11', '1.1', { visibility: 'public', tags: ['debian-12-base', 'debian-12-base@latest'] }, [])],
    today,
  );
  t.match(publicOne, { line: { visibility: 'public', consumers: [] } }, 'a public family is a public line');
  const mixed = proposeLine(
    'debian-12-base',
    [
      version('id-10', '1.0', { visibility: 'public', os_hidden: true, deprecated: 'true', superseded_by: 'debian-12-base-v1.1' }, []),
      current,
    ],
    today,
  );
  t.match(
    mixed,
    { reason: /debian-12-base-v1\.1 is shared, debian-12-base-v1\.0 public: a line's versions share one visibility/ },
    'versions of two visibilities are no line',
  );
  const unpublished = proposeLine('debian-12-base', [version('id-p', '1.0', { visibility: 'private' }, [])], today);
  t.match(unpublished, { reason: /is private: a line's versions are published/ });
  t.end();
});

t.test('the same adoption as a Pulumi YAML program: the same resources, import ids and notes, as data', (t) => {
  const today = '2026-12-07';
  const images = [
    version('id-10', '1.0', { os_hidden: true, deprecated: 'true', superseded_by: 'debian-12-base-v1.1' }),
    version('id-11', '1.1', { tags: ['debian-12-base', 'debian-12-base@latest'] }),
    { ...version('id-x', '1.0', { name: 'Bare image', visibility: 'private' }, ['c0nsumer1']) },
  ];
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today,
    skipped: [],
    stores: noStores,
    images,
    ...arrangeImages(images, today),
  };
  const text = yamlProgram(adoption, 'catalog-p');
  const program = parseYaml(text) as {
    runtime: string;
    resources: Record<string, { type: string; properties: Record<string, unknown>; options: Record<string, unknown> }>;
  };
  t.equal(program.runtime, 'yaml');
  t.same(program.resources['adopted'], { type: 'pulumi:providers:image-catalog', properties: { cloud: 'platform' } });
  t.match(program.resources['debian-12-base'], {
    type: 'image-catalog:index:VersionLine',
    properties: {
      os: 'debian',
      versions: [
        { version: '1.0', importId: 'id-10' },
        { version: '1.1', importId: 'id-11' },
      ],
    },
    options: { provider: '${adopted}' },
  });
  t.match(program.resources['bare-image'], { type: 'image-catalog:index:Image', options: { provider: '${adopted}', import: 'id-x' } });
  t.match(program.resources['bare-image-share-c0nsumer'], {
    type: 'image-catalog:index:ImageMember',
    properties: { imageId: '${bare-image.imageId}', memberProjectId: 'c0nsumer1' },
    options: { import: 'id-x/c0nsumer1' },
  });
  t.match(text, '# debian-12-base: 2 versions as one line', "the notes are the TypeScript program's, as YAML comments");
  t.match(text, '# consumer c0nsumer1: v1.0 accepted, v1.1 accepted');
  t.same(Object.keys(projectFiles(adoption, 'catalog-p', 'yaml')).sort(), ['Pulumi.yaml', 'package.json']);
  t.end();
});

t.test('the same adoption as HCL: terraform-provider-openstack resources with import blocks, values as data', (t) => {
  const today = '2026-12-07';
  const images = [
    version('id-10', '1.0', { os_hidden: true, deprecated: 'true', superseded_by: 'debian-12-base-v1.1' }),
    version('id-11', '1.1', { tags: ['debian-12-base', 'debian-12-base@latest'], description: 'uses ${var} and %{if}' }),
  ];
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today,
    skipped: [],
    stores: noStores,
    images,
    ...arrangeImages(images, today),
  };
  const config = hclProgram(adoption);
  t.match(config, `source  = "${tpoRelease.source}"\n      version = "${tpoRelease.version}"`);
  t.match(config, 'import {\n  to = openstack_images_image_v2.debian-12-base-v1_0\n  id = "id-10"\n}');
  t.match(config, '# a version of the line debian-12-base (no VersionLine in this language: each version is its own resource)');
  t.match(config, '  hidden           = true\n');
  t.match(config, /"description" += "uses \$\$\{var\} and %%\{if\}"/, 'a value is never a template');
  t.match(
    config,
    'ignore_changes = [image_cache_path, properties["owner_specified.openstack.sha256"]]',
    "other tools' properties: no change",
  );
  t.match(config, 'image_id  = openstack_images_image_v2.debian-12-base-v1_0.id\n  member_id = "c0nsumer1"');
  t.notMatch(config, 'os_hash', "Glance's own fields are not written");
  t.same(Object.keys(projectFiles(adoption, 'catalog-p', 'hcl')), ['main.tf']);
  t.end();
});

t.test('the terraform-provider-openstack release an adopted configuration requires is the pinned one', (t) => {
  t.equal(tpoRelease.version, toolSpec('terraform-provider-openstack').version);
  t.end();
});

t.test('an image the catalog published: its marks are never a change, and the program says a stack manages it', (t) => {
  const today = '2026-12-07';
  const images = [
    version('id-11', '1.1', {
      tags: ['debian-12-base', 'debian-12-base@latest'],
      catalog_created_by: 'abc.def',
      catalog_published_at: '2026-11-01T00:00:00Z',
    }),
  ];
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today,
    skipped: [],
    stores: noStores,
    images,
    ...arrangeImages(images, today),
  };
  const config = hclProgram(adoption);
  t.match(config, 'properties["catalog_created_by"], properties["catalog_published_at"]', 'HCL: the marks are ignored, not removed');
  t.notMatch(config, '"catalog_created_by" =', 'and not declared');
  t.match(
    typescriptProgram(adoption),
    'made by a stack of the catalog (its creation mark): if that stack still holds it, importing it here makes two programs manage one image',
  );
  t.end();
});

t.test('the same adoption as a CDK Terrain app: the bindings with importFrom, the gate required', (t) => {
  const today = '2026-12-07';
  const images = [
    version('id-11', '1.1', { tags: ['debian-12-base', 'debian-12-base@latest'], catalog_published_at: '2026-11-01T00:00:00Z' }),
  ];
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today,
    skipped: [],
    stores: noStores,
    images,
    ...arrangeImages(images, today),
  };
  const app = cdktfProgram(adoption);
  t.match(app, "import { OpenstackProvider, checkCatalog, openstack, requireGate } from 'image-catalog/cdktf';");
  t.match(app, "new OpenstackProvider(this, 'adopted', { cloud: 'platform' });");
  t.match(app, "const debian12BaseV11 = new openstack.imagesImageV2.ImagesImageV2(this, 'debian-12-base-v1.1', {");
  t.match(app, '      minDiskGb: 0,\n', 'attributes as the bindings name them');
  t.match(app, "debian12BaseV11.importFrom('id-11');");
  t.match(app, "imageId: debian12BaseV11.id,\n      memberId: 'c0nsumer1',\n    }).importFrom('id-11/c0nsumer1');");
  t.match(app, `'properties["catalog_published_at"]'`, "the catalog's marks are never a change");
  t.same(Object.keys(projectFiles(adoption, 'catalog-p', 'cdktf')).sort(), ['cdktf.json', 'main.ts', 'package.json', 'tsconfig.json']);
  t.end();
});

t.test('a StorageBackend fragment read back: options under their names and types, secret ones only named', (t) => {
  const s3: StoreInputs = {
    id: 'objects',
    type: 's3',
    isDefault: false,
    configDir: '/etc/glance/conf.d',
    reloadCommand: ['true'],
    options: {
      host: 'http://127.0.0.1:8333',
      accessKey: 'AKIA-SECRET',
      secretKey: 'very-secret',
      bucket: 'images',
      createBucketOnPut: true,
    },
  };
  const read = parseStoreFragment('s3', renderStoreFragment(s3, 'mark'), 'objects');
  t.same(read.options, { host: 'http://127.0.0.1:8333', bucket: 'images', createBucketOnPut: true }, 'each option as it was declared');
  t.same(read.secrets.sort(), ['accessKey', 'secretKey'], 'the secret ones named');
  t.notMatch(JSON.stringify(read), /SECRET|very-secret/, 'and no secret value read');
  const file: StoreInputs = { ...s3, type: 'file', options: { dataDir: '/srv/images', chunkSize: 65536 } };
  t.same(
    parseStoreFragment('file', renderStoreFragment(file), 'objects').options,
    { dataDir: '/srv/images', chunkSize: 65536 },
    'integers as numbers',
  );
  t.same(parseStoreFragment('file', renderStoreFragment(file), 'other').options, {}, "another section's lines are not this store's");
  t.same(reloadCommandOption('["systemctl", "restart", "glance api"]'), ['systemctl', 'restart', 'glance api'], 'a JSON argv');
  t.same(reloadCommandOption('  systemctl  restart glance-api '), ['systemctl', 'restart', 'glance-api'], 'words');
  t.throws(() => reloadCommandOption('[1]'), /not a JSON array of strings/);
  t.end();
});

t.test('stores in the program: StorageBackends with import ids, secrets from config, the others said', (t) => {
  const stores: StoreAdoption = {
    cloud: 'admin',
    written: [
      {
        live: { id: 'objects', type: 's3', description: 'object store' },
        inputs: {
          id: 'objects',
          type: 's3',
          isDefault: false,
          description: 'object store',
          configDir: '/etc/glance/conf.d',
          reloadCommand: ['systemctl', 'restart', 'glance-api'],
          options: { host: 'http://s3', bucket: 'images' },
        },
        secrets: ['accessKey', 'secretKey'],
        owner: undefined,
      },
    ],
    notes: ['store fast (file, the default): configured outside /etc/glance/conf.d'],
  };
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today: '2026-12-07',
    skipped: [],
    images: [],
    families: [],
    others: [],
    stores,
  };
  const program = typescriptProgram(adoption);
  t.match(program, "import * as pulumi from '@pulumi/pulumi';\nimport { Provider, StorageBackend } from 'image-catalog/pulumi';");
  t.match(program, "const storesProvider = new Provider('stores', { cloud: 'admin' });", 'the stores read with their own cloud');
  t.match(program, "  new StorageBackend('store-objects', {\n    storeId: 'objects',", 'the store under its Pulumi id name');
  t.match(program, "      accessKey: config.requireSecret('store_objects_accessKey'),", 'a secret option read from the stack config');
  t.match(program, "}, { provider: storesProvider, import: 'objects' });", 'with its import id');
  t.match(program, ' * store fast (file, the default): configured outside', 'the store not written is said');
  const yaml = parseYaml(yamlProgram(adoption, 'catalog-p')) as {
    config: Record<string, unknown>;
    resources: Record<string, { type: string; properties: Record<string, unknown>; options: Record<string, unknown> }>;
  };
  t.same(yaml.config, {
    store_objects_accessKey: { type: 'string', secret: true },
    store_objects_secretKey: { type: 'string', secret: true },
  });
  t.equal(yaml.resources['store-objects']?.type, 'image-catalog:index:StorageBackend');
  t.same(yaml.resources['store-objects']?.options, { provider: '${stores}', import: 'objects' });
  t.equal((yaml.resources['store-objects']?.properties['options'] as Record<string, unknown>)['secretKey'], '${store_objects_secretKey}');
  const hcl = hclProgram(adoption);
  t.notMatch(hcl, 'resource "', 'HCL declares no store');
  t.match(
    hcl,
    '# stores: the StorageBackend fragments of objects (s3) are not written here: terraform-provider-openstack has no resource for a Glance store',
  );
  t.notMatch(hcl, 'store fast', "the stores configured elsewhere: nothing to say in HCL (they are no StorageBackend's either)");
  t.match(
    cdktfProgram(adoption),
    /stores: the StorageBackend fragments of objects \(s3\) are not written here: the CDKTF StorageBackend is a terraform_data/,
  );
  t.end();
});
