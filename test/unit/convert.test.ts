/**
 * `convert --from osism` on osism's real image definitions (cirros, debian, ubuntu at the pinned commit): each
 * enabled definition a VersionLine per OS version, versions renumbered by build date with osism's version kept,
 * checksums as pins, the SCS fields as the line's scs, the password never written; a file that breaks osism's
 * schema refused with each error's line and field. Deployed against the lab in test/e2e/convert.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { convertedFiles, convertedTypescript, OsismFileError, osismLines, readOsismFile } from '../../provider/cli/convert.js';
import { parse as parseYaml } from 'yaml';
import { osismDefinitions, osismPin } from '../helpers/osism.js';

const found = osismDefinitions();
const skip = 'reason' in found ? found.reason : false;
const text = (name: string): string => ('dir' in found ? readFileSync(join(found.dir, 'etc', 'images', `${name}.yml`), 'utf8') : '');

t.test(`osism's real definitions (${osismPin.commit.slice(0, 8)}) pass its schema and become lines`, { skip }, (t) => {
  const cirros = osismLines('cirros.yml', readOsismFile('cirros.yml', text('cirros')));
  t.same(
    cirros.lines.map((l) => l.name),
    ['cirros-0.6-minimal'],
    'cirros: no os_version, so its versions 0.6.x make the line cirros-0.6',
  );
  const line = cirros.lines[0];
  t.match(line?.args, {
    os: 'cirros',
    osVersion: '0.6',
    visibility: 'public',
    scs: { replaceFrequency: 'never', originalUser: 'cirros', purpose: 'minimal', architecture: 'x86_64' },
    versions: [
      {
        version: '1.0',
        source: {
          url: 'https://github.com/cirros-dev/cirros/releases/download/0.6.2/cirros-0.6.2-x86_64-disk.img',
          method: 'glance-direct',
        },
        sha256: '07e44a73e54c94d988028515403c1ed762055e01b83a767edf3c2b387f78ce00',
        buildDate: '2023-05-30',
        properties: { internal_version: '0.6.2' },
      },
      { version: '1.1', properties: { internal_version: '0.6.3' } },
    ],
  });
  const yaml = parseYaml(convertedFiles(cirros.lines, ['cirros.yml'], 'yaml')['Pulumi.yaml'] ?? '') as {
    runtime: string;
    resources: Record<string, { type: string; properties: { versions: unknown[] } }>;
  };
  t.equal(yaml.runtime, 'yaml', 'as a Pulumi YAML program too');
  t.match(yaml.resources['cirros-0.6-minimal'], {
    type: 'image-catalog:index:VersionLine',
    properties: { os: 'cirros', versions: [{ version: '1.0' }, { version: '1.1' }] },
  });
  t.same(Object.keys(convertedFiles(cirros.lines, ['cirros.yml'], 'typescript')).sort(), [
    'Pulumi.yaml',
    'index.ts',
    'package.json',
    'tsconfig.json',
  ]);
  const program = convertedTypescript(cirros.lines, ['header']);
  t.notMatch(program, 'gocubsgo', 'the login password is not written');
  t.match(program, 'its login password is not written');

  const debian = osismLines('debian.yml', readOsismFile('debian.yml', text('debian')));
  t.match(debian.notes, [/debian\.yml: Debian 10: not enabled/], 'a disabled definition is left out, and said');
  t.ok(
    debian.lines.every((l) => l.name.startsWith('debian-') && l.name.endsWith('-generic')),
    'debian: one line per enabled release',
  );
  t.ok(
    debian.lines.every((l) => l.args.keep === 3 && l.notes.some((n) => n.startsWith("uuid_validity last-3 as the line's keep: 3"))),
    "osism's uuid_validity last-3 as each line's keep: 3 (the line then publishes uuid_validity last-3), and said",
  );
  t.equal(line?.args.keep, undefined, "cirros's uuid_validity none: no keep");
  const ubuntu = osismLines('ubuntu.yml', readOsismFile('ubuntu.yml', text('ubuntu')), 'osism');
  t.ok(ubuntu.lines.length > 0 && ubuntu.lines.every((l) => l.name.endsWith('-osism')), '--profile names every line');
  t.end();
});

t.test("a file that breaks osism's schema: each error with its line and field, nothing converted", (t) => {
  const broken = [
    'images:',
    '  - name: Broken',
    '    enable: true',
    '    format: qcow3',
    '    login: x',
    '    min_disk: -1',
    '    min_ram: 0',
    '    status: active',
    '    visibility: public',
    '    multi: false',
    '    colour: blue',
    '    meta:',
    '      architecture: x86_64',
    '      hw_disk_bus: scsi',
    '      hypervisor_type: qemu',
    '      os_distro: cirros',
    '      os_purpose: minimal',
    '      replace_frequency: never',
    '      uuid_validity: none',
    '      provided_until: none',
    '    tags: []',
    '    versions:',
    "      - version: '1'",
    '        url: https://example.org/x.img',
    '        checksum: "sha256:nothex"',
    '        build_date: 2024-01-01',
    '',
  ].join('\n');
  const err = (() => {
    try {
      readOsismFile('broken.yml', broken);
      return undefined;
    } catch (e) {
      return e;
    }
  })();
  t.type(err, OsismFileError);
  const problems = (err as OsismFileError).problems.map((p) => `${String(p.line)} ${p.field}: ${p.message}`);
  t.match(problems.join('\n'), /^4 images\.0\.format: must be one of "aki", .*"vmdk" \(osism schema: enum\)$/m, 'the bad format on line 4');
  t.match(problems.join('\n'), /^6 images\.0\.min_disk: must be >= 0 \(osism schema: minimum\)$/m, 'the negative min_disk on line 6');
  t.match(problems.join('\n'), /^2 images\.0: colour is not a field of osism's schema/m, 'the unknown field, at its image');
  t.match(problems.join('\n'), /^25 images\.0\.versions\.0\.checksum: must match pattern/m, 'the checksum on line 25');
  t.end();
});
