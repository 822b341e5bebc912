/**
 * adopt's pure parts: resource names, the inputs an adopted image is declared with (as Glance has it, the imported
 * source, nothing Glance or other tools add), and the program written (import ids, audit comments, members). The
 * written program's first preview is test/e2e/adopt.test.ts.
 */
import t from 'tap';
import { adoptedInputs, projectFiles, quote as quoted, resourceName, typescriptProgram, type Adoption } from '../../provider/cli/adopt.js';

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
  const adoption: Adoption = {
    cloud: 'platform',
    owner: 'p',
    today: '2026-12-07',
    skipped: [],
    images: [
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
    ],
  };
  const program = typescriptProgram(adoption);
  t.match(program, "import { Image, ImageMember, Provider } from 'image-catalog/pulumi';");
  t.match(program, "const provider = new Provider('adopted', { cloud: 'platform' });");
  t.match(
    program,
    "  // audit: mandatory required_metadata: properties.description is missing\n  const ubuntu2404BaseV10 = new Image('ubuntu-24.04-base-v1.0', {",
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
