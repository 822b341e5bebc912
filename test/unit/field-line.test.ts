/**
 * 10: a violation is annotated on the line of the field it is about: a Pulumi program parsed with TypeScript's
 * parser (an Image's property, a version line's child by its version, a share's image), an HCL block's attribute.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { fieldLine, hclFieldLine, loadTypeScript, yamlFieldLine } from '../../provider/cli/field-line.js';

const program = `import { Image, ImageMember, VersionLine } from 'image-catalog/pulumi';
const common = { hw_disk_bus: 'virtio' };
export default async () => {
  const image = new Image('v1.0', {
    name: 'ubuntu-24.04-base-v1.0',
    minDisk: 10,
    properties: {
      ...common,
      os_version: '24.04',
    },
  });
  new ImageMember('share', { image, memberProjectId: 'p' });
  new VersionLine('line', {
    os: 'ubuntu',
    properties: { description: 'shared' },
    versions: [
      { version: '1.0', source: { file: 'a' } },
      {
        version: '1.1',
        properties: { description: 'its own' },
      },
    ],
  });
};
`;

t.test('the line of a field in a Pulumi program, else undefined (the declaring line stands)', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-field-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'index.ts');
  writeFileSync(file, program);
  const typescript = loadTypeScript(dir);
  if (typescript === undefined) throw new Error("this package's typescript loads");
  const lines = program.split('\n');
  const lineOf = (text: string, from = 0): number => lines.findIndex((l, i) => i >= from && l.includes(text)) + 1;
  const image = { file, line: lineOf("new Image('v1.0'"), column: lines[lineOf("new Image('v1.0'") - 1]?.indexOf('new') ?? 0 };
  const at = { ...image, column: image.column + 1 };
  t.equal(fieldLine(typescript, at, { path: ['properties', 'os_version'] }), lineOf("os_version: '24.04'"), 'a property');
  t.equal(fieldLine(typescript, at, { path: ['minDisk'] }), lineOf('minDisk: 10'), 'a field');
  t.equal(
    fieldLine(typescript, at, { path: ['properties', 'hw_disk_bus'] }),
    lineOf('properties: {'),
    'a property spread in: the properties line',
  );
  t.equal(fieldLine(typescript, at, { path: ['visibility'] }), undefined, 'a field not written: none');

  const share = {
    file,
    line: lineOf("new ImageMember('share'"),
    column: (lines[lineOf("new ImageMember('share'") - 1]?.indexOf('new') ?? 0) + 1,
  };
  t.equal(fieldLine(typescript, share, { path: ['imageId'], alternative: ['image'] }), share.line, "a share's image given as image");

  const lineStart = lineOf("new VersionLine('line'");
  const line = { file, line: lineStart, column: (lines[lineStart - 1]?.indexOf('new') ?? 0) + 1 };
  t.equal(
    fieldLine(typescript, line, { path: ['properties', 'description'], version: '1.1' }),
    lineOf("description: 'its own'"),
    "a version's own property",
  );
  t.equal(
    fieldLine(typescript, line, { path: ['properties', 'description'], version: '1.0' }),
    lineOf("description: 'shared'"),
    "the line's shared property, for a version without its own",
  );
  t.equal(fieldLine(typescript, line, { path: ['minDisk'], version: '1.1' }), lineOf("version: '1.1'") - 1, "else the version's entry");
  t.end();
});

t.test("a CDKTF construct's props (scope, id, props): a version line's os_version is its osVersion", (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-field-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'main.ts');
  const app = [
    'class Catalog {',
    '  constructor() {',
    "    new VersionLine(this, 'ubuntu-base', {",
    "      os: 'ubuntu',",
    "      osVersion: '24.04',",
    "      properties: { ...common, description: 'base' },",
    "      versions: [{ version: '1.1', source: { file: 'a' } }],",
    '    });',
    '  }',
    '}',
  ].join('\n');
  writeFileSync(file, app);
  const typescript = loadTypeScript(dir);
  if (typescript === undefined) throw new Error("this package's typescript loads");
  const at = { file, line: 3, column: 5 };
  t.equal(fieldLine(typescript, at, { path: ['properties', 'os_version'], alternative: ['osVersion'], version: '1.1' }), 5, 'osVersion');
  t.equal(fieldLine(typescript, at, { path: ['properties', 'description'], version: '1.1' }), 6, 'the shared description');
  t.end();
});

t.test('the line of an attribute, or of a key of a map, in an HCL resource block', (t) => {
  const tf = [
    'resource "openstack_images_image_v2" "a" {',
    '  name       = "x"',
    '  visibility = "public"',
    '  properties = {',
    '    os_version = "24.04"',
    '  }',
    '}',
    'resource "openstack_images_image_v2" "b" {',
    '  min_disk_gb = 1',
    '}',
  ].join('\n');
  t.equal(hclFieldLine(tf, 1, ['visibility']), 3);
  t.equal(hclFieldLine(tf, 1, ['properties', 'os_version']), 5);
  t.equal(hclFieldLine(tf, 1, ['properties', 'hw_vif_model']), 4, 'a missing key: the map');
  t.equal(hclFieldLine(tf, 1, ['min_disk_gb']), undefined, "another block's attribute is not this block's");
  t.equal(hclFieldLine(tf, 8, ['min_disk_gb']), 9);
  t.end();
});

t.test("a Pulumi YAML program (examples/yaml): the line of the field's key, a version line's child in its version's entry", (t) => {
  const text = readFileSync(new URL('../../examples/yaml/Pulumi.yaml', import.meta.url), 'utf8');
  const lines = text.split('\n');
  const lineOf = (needle: string, after = 0): number => lines.findIndex((l, i) => i >= after && l.includes(needle)) + 1;
  const v10 = lineOf("- version: '1.0'");
  t.equal(yamlFieldLine(text, 'rocky-v1.0', { path: ['minRam'], version: '1.0' }), lineOf('minRam: 512', v10), "v1.0's own minRam");
  t.equal(
    yamlFieldLine(text, 'rocky-v1.1', { path: ['minRam'], version: '1.1' }),
    lineOf('minRam: 512', lineOf("- version: '1.1'")),
    "v1.1's, not v1.0's",
  );
  t.equal(
    yamlFieldLine(text, 'rocky-v1.0', { path: ['properties', 'description'], version: '1.0' }),
    lineOf('description: Rocky Linux 9'),
    "a line's shared property, in the line's properties",
  );
  t.equal(
    yamlFieldLine(text, 'rocky-v1.0', { path: ['properties', 'os_version'], alternative: ['osVersion'], version: '1.0' }),
    lineOf('osVersion:'),
    "os_version is the line's osVersion",
  );
  t.equal(yamlFieldLine(text, 'rocky-v1.0', { path: ['tags'], version: '1.0' }), v10, "a field the line makes: the version's entry");
  t.equal(
    yamlFieldLine(text, 'rocky-v1.1-share-consumer', { path: ['memberProjectId'], version: '1.1' }),
    lineOf("- version: '1.1'"),
    "a line's share: its version's entry",
  );
  t.equal(
    yamlFieldLine(text, 'alpine-tools', { path: ['properties', 'os_distro'] }),
    lineOf('os_distro: alpine'),
    "a plain Image's property",
  );
  t.equal(yamlFieldLine(text, 'alpine-tools', { path: ['isHidden'] }), lineOf('alpine-tools:'), "a field not written: the resource's key");
  t.equal(yamlFieldLine(text, 'elsewhere', { path: ['minRam'] }), undefined, 'a resource the file does not declare');
  t.end();
});
