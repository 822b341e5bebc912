/**
 * The CDKTF constructs, synthesized in memory (no API call): what each writes into cdk.tf.json, and what each
 * refuses when it is made, naming the construct path, the field and the rule. The synth-time policy's Aspect is
 * run with the real bundle over a given principal and catalog.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, TerraformStack, Testing } from 'cdktn';
import { Construct } from 'constructs';
import t from 'tap';
import {
  CatalogImageLookup,
  LineAcceptance,
  CatalogImage,
  CatalogPolicyAspect,
  ImageShare,
  OpenstackProvider,
  StorageBackend,
  VersionLine,
} from '../../provider/cdktf/index.js';
import { PolicyEngine } from '../../provider/policy/engine.js';

type Json = Record<string, unknown>;
interface Synthesized {
  readonly resource: Record<string, Record<string, Json>>;
  readonly variable: Record<string, Json>;
}

const outdir = mkdtempSync(join(tmpdir(), 'image-catalog-cdktf-'));
const common = { hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'test' };

function stack(): TerraformStack {
  const app = Testing.app({ outdir });
  const s = new TerraformStack(app, 'catalog');
  new OpenstackProvider(s, 'owner', { cloud: 'platform' });
  return s;
}

const synth = (s: TerraformStack): Synthesized => JSON.parse(Testing.synth(s)) as Synthesized;
const only = (resources: Record<string, Json> | undefined): Json => Object.values(resources ?? {})[0] ?? {};

t.test(
  'CatalogImage: the catalog name, os_distro/os_version, an explicit image_cache_path, a file relative to the stack folder, the gate variable',
  (t) => {
    const s = stack();
    new CatalogImage(s, 'rocky', {
      os: 'rocky',
      osVersion: '9',
      profile: 'base',
      version: '1.2',
      visibility: 'shared',
      source: { file: join(outdir, 'data', 'rocky.qcow2') },
      properties: common,
    });
    const json = synth(s);
    const image = only(json.resource['openstack_images_image_v2']);
    t.match(image, {
      name: 'rocky-9-base-v1.2',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'shared',
      image_cache_path: '.terraform/image-cache',
      local_file_path: '../../data/rocky.qcow2',
      properties: { ...common, os_distro: 'rocky', os_version: '9' },
    });
    t.match(json.variable['image_catalog_gate'], {
      type: 'string',
      nullable: false,
      default: 'not-decided',
      validation: [{ condition: /decided-by-image-catalog/, error_message: /TERRAFORM_BINARY_NAME=image-catalog-tofu/ }],
    });
    t.end();
  },
);

t.test('CatalogImage refuses, when it is made, what the schema refuses and what terraform-provider-openstack cannot do', (t) => {
  const s = stack();
  const base = { os: 'rocky', osVersion: '9', profile: 'base', version: '1.0', source: { file: '/x.qcow2' }, properties: common };
  t.throws(() => new CatalogImage(s, 'bad-format', { ...base, diskFormat: 'qcow3' as 'qcow2' }), {
    message: /Image "catalog\/bad-format".*diskFormat.*enum/s,
  });
  t.throws(() => new CatalogImage(s, 'other-version', { ...base, properties: { ...common, os_version: '9.4' } }), {
    message:
      /CatalogImage "catalog\/other-version": properties\.os_version: "9\.4" differs from osVersion "9", which sets it and names the image \(rule: const\)/,
  });
  t.throws(() => new CatalogImage(s, 'pinned', { ...base, sha512: 'a'.repeat(128) } as never), {
    message: /CatalogImage "catalog\/pinned": sha512: terraform-provider-openstack 3\.4\.0 has no such attribute.*rule: cdktf-unsupported/,
  });
  t.end();
});

t.test('deactivation (a revoked version), which terraform-provider-openstack has no attribute for: in the `//` metadata', (t) => {
  const s = stack();
  const base = { os: 'rocky', osVersion: '9', profile: 'base', source: { file: '/x.qcow2' }, properties: common };
  new CatalogImage(s, 'off', { ...base, version: '1.0', isDeactivated: true });
  new CatalogImage(s, 'on', { ...base, version: '1.1' });
  new VersionLine(s, 'line', {
    os: 'ubuntu',
    osVersion: '24.04',
    profile: 'base',
    properties: common,
    versions: [
      { version: '1.0', source: { file: '/a' }, revoked: true },
      { version: '1.1', source: { file: '/b' } },
    ],
  });
  // The metadata as cdk.tf.json has it (Testing.synth leaves `//` out).
  const full = s.toTerraform() as Synthesized;
  const byName = new Map(Object.values(full.resource['openstack_images_image_v2'] ?? {}).map((i) => [String(i['name']), i]));
  const declared = (name: string): unknown => (byName.get(name)?.['//'] as Json | undefined)?.['image_catalog_deactivated'];
  t.equal(declared('rocky-9-base-v1.0'), true, 'isDeactivated: true');
  t.equal(declared('rocky-9-base-v1.1'), false, 'false written too: the gate manages only what a CatalogImage declares');
  t.equal(declared('ubuntu-24.04-base-v1.0'), true, "a VersionLine's revoked version (was refused before)");
  t.equal(declared('ubuntu-24.04-base-v1.1'), false);
  t.end();
});

t.test('ImageShare: member_id explicit on both resources, the acceptance through the consumer provider, after the member', (t) => {
  const s = stack();
  const consumer = new OpenstackProvider(s, 'consumer', { alias: 'consumer', cloud: 'appteam' });
  const image = new CatalogImage(s, 'img', {
    os: 'rocky',
    osVersion: '9',
    profile: 'base',
    version: '1.0',
    visibility: 'shared',
    source: { file: '/x' },
    properties: common,
  });
  new ImageShare(s, 'share', { image, memberProjectId: 'a'.repeat(32), acceptWith: consumer });
  const json = synth(s);
  const member = only(json.resource['openstack_images_image_access_v2']);
  const accept = only(json.resource['openstack_images_image_access_accept_v2']);
  t.match(member, { member_id: 'a'.repeat(32), image_id: /\$\{openstack_images_image_v2\..*\.id\}/ });
  t.match(accept, {
    member_id: 'a'.repeat(32),
    status: 'accepted',
    provider: 'openstack.consumer',
    depends_on: [/openstack_images_image_access_v2\./],
  });
  t.throws(() => new ImageShare(s, 'bad', { image: 'not-an-id', memberProjectId: 'p' }), {
    message: /ImageMember "catalog\/bad".*imageId/s,
  });
  const community = new CatalogImage(s, 'community', {
    os: 'rocky',
    osVersion: '9',
    profile: 'c',
    version: '1.0',
    visibility: 'community',
    source: { file: '/x' },
    properties: common,
  });
  t.throws(() => new ImageShare(s, 'of-community', { image: community, memberProjectId: 'a'.repeat(32) }), {
    message:
      /ImageShare "catalog\/of-community": image: rocky-9-c-v1\.0 is community; Glance adds members only to shared images \(rule: shared-visibility\)/,
  });
  t.end();
});

t.test('VersionLine: the newest current, older ones deprecated, superseded_by the newest, hidden; every version shared', (t) => {
  const s = stack();
  const line = new VersionLine(s, 'ubuntu', {
    os: 'ubuntu',
    osVersion: '24.04',
    profile: 'base',
    properties: common,
    versions: [
      { version: '1.10', source: { file: '/b' } },
      { version: '1.9', source: { file: '/a' } },
    ],
    consumers: [{ projectId: 'b'.repeat(32), name: 'app' }],
  });
  t.equal(line.current, 'ubuntu-24.04-base-v1.10', 'numeric order: 1.10 after 1.9');
  const images = Object.values(synth(s).resource['openstack_images_image_v2'] ?? {});
  const byName = new Map(images.map((i) => [String(i['name']), i]));
  t.match(byName.get('ubuntu-24.04-base-v1.9'), {
    hidden: true,
    properties: { deprecated: 'true', superseded_by: 'ubuntu-24.04-base-v1.10' },
  });
  t.match(byName.get('ubuntu-24.04-base-v1.10'), { hidden: false, visibility: 'shared' });
  t.notOk((byName.get('ubuntu-24.04-base-v1.10')?.['properties'] as Json | undefined)?.['deprecated'], 'the newest is not deprecated');
  t.equal(line.shares.length, 2, 'a share of each version: the older one stays shared until its end of life');
  t.equal(
    byName.get('ubuntu-24.04-base-v1.9')?.['lifecycle'],
    undefined,
    'no ignore_changes: it would hide a hand edit from the repair (docs/pulumi.md, VersionLine)',
  );
  t.end();
});

t.test('StorageBackend: terraform_data whose provisioners run image-catalog store; a secret only by the name of its variable', (t) => {
  const s = stack();
  new StorageBackend(s, 'fast', {
    storeId: 'fast_s3',
    type: 's3',
    configDir: '/etc/glance/glance-api.conf.d',
    reloadCommand: ['systemctl', 'restart', 'glance-api'],
    cloud: 'admin',
    options: { host: 's3.example', bucket: 'images' },
    secretsFromEnv: { accessKey: 'S3_ACCESS', secretKey: 'S3_SECRET' },
  });
  const text = Testing.synth(s);
  const data = only((JSON.parse(text) as Synthesized).resource['terraform_data']);
  t.match(data['input'], { cloud: 'admin', settings: { id: 'fast_s3', type: 's3' }, secretsFromEnv: { secretKey: 'S3_SECRET' } });
  t.same(data['triggers_replace'], data['input'], 'a change of the settings replaces it');
  t.match(data['lifecycle'], { create_before_destroy: true });
  t.match(data['provisioner'], [
    { 'local-exec': { when: 'create', command: 'apply', environment: { IMAGE_CATALOG_STORE: '${jsonencode(self.input)}' } } },
    { 'local-exec': { when: 'destroy', command: 'delete' } },
  ]);
  t.throws(
    () =>
      new StorageBackend(s, 'leaky', {
        storeId: 'leaky',
        type: 's3',
        configDir: '/etc/glance',
        reloadCommand: ['true'],
        options: { host: 'h', bucket: 'b', accessKey: 'AKIA', secretKey: 'hunter2' },
      }),
    { message: /StorageBackend "catalog\/leaky": options\.accessKey: a secret is never written.*rule: secret-from-env/ },
  );
  t.throws(
    () =>
      new StorageBackend(s, 'no-key', {
        storeId: 'nokey',
        type: 's3',
        configDir: '/e',
        reloadCommand: ['true'],
        options: { host: 'h', bucket: 'b' },
      }),
    {
      message: /StorageBackend "catalog\/no-key".*accessKey/s,
    },
  );
  t.notMatch(text, /hunter2|AKIA/, 'no secret in the synthesized configuration');
  t.end();
});

t.test(
  'the synth-time Aspect: violations of new images as error annotations on their constructs; known names are left to the gate',
  async (t) => {
    const engine = await PolicyEngine.load();
    const principal = { user_id: 'u', project_id: 'p'.repeat(32), roles: ['member'] };
    const live = [
      {
        id: '1',
        name: 'rocky-9-base-v1.1',
        status: 'active',
        visibility: 'shared',
        owner: principal.project_id,
        properties: { ...common, os_distro: 'rocky', os_version: '9' },
      },
    ];
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'image-catalog-cdktf-')) });
    const s = new TerraformStack(app, 'catalog');
    new OpenstackProvider(s, 'owner', { cloud: 'platform' });
    const image = (id: string, version: string, extra: Json = {}): CatalogImage =>
      new CatalogImage(s, id, {
        os: 'rocky',
        osVersion: '9',
        profile: 'base',
        version,
        visibility: 'shared',
        source: { file: process.execPath },
        properties: common,
        ...extra,
      });
    image('known', '1.1', { visibility: 'public' }); // in the catalog already: an update the gate decides
    image('older', '1.0');
    image('public', '2.0', { visibility: 'public' });
    image('fine', '1.2');
    Aspects.of(s).add(new CatalogPolicyAspect(engine, new Map([['platform', { principal, images: live }]])));
    t.throws(() => app.synth(), /Encountered Annotations with level "ERROR"/, 'synth fails');
    const errors = s.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => `${c.node.path}: ${String(m.data)}`));
    t.match(errors.join('\n'), /catalog\/older: catalog policy mandatory \[versioning\]/);
    t.match(errors.join('\n'), /catalog\/public: catalog policy mandatory \[public_visibility\] visibility/);
    t.notMatch(errors.join('\n'), /catalog\/(known|fine):/, 'the known image and the compliant one are not annotated');
    const traced = s.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error' && m.trace !== undefined));
    t.same(traced, [], 'no annotation carries a stack trace (cdktn would print it under the finding)');
  },
);

t.test('a source file that is not there is refused at synth, as the Pulumi check refuses it, without a stack trace', (t) => {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'image-catalog-cdktf-')) });
  const s = new TerraformStack(app, 'catalog');
  new OpenstackProvider(s, 'owner', { cloud: 'platform' });
  new CatalogImage(s, 'gone', {
    os: 'rocky',
    osVersion: '9',
    profile: 'base',
    version: '1.0',
    source: { file: '/nonexistent/rocky.qcow2' },
    properties: common,
  });
  t.throws(() => app.synth(), /Encountered Annotations with level "ERROR"/, 'synth fails');
  const errors = s.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error'));
  t.match(
    errors.map((m) => String(m.data)),
    [/^source\.file: \/nonexistent\/rocky\.qcow2: there is no such file \(rule: file\)$/],
    'one error naming the field, the file and the rule',
  );
  t.same(
    errors.filter((m) => m.trace !== undefined),
    [],
    'without a stack trace',
  );
  t.end();
});

t.test(
  'CatalogImageLookup and LineAcceptance: the data sources and for_each they write; a line that cannot match fails naming the construct',
  (t) => {
    const s = stack();
    new CatalogImageLookup(s, 'base', { line: 'ubuntu-24.04-base@stable', owner: 'p-owner' });
    new LineAcceptance(s, 'accept', { line: 'ubuntu-24.04-base', owner: 'p-owner', memberProjectId: 'p-me' });
    const json = JSON.parse(Testing.synth(s)) as Synthesized & { data: Record<string, Record<string, Json>> };
    t.match(only(json.data['openstack_images_image_v2']), { tag: 'ubuntu-24.04-base@stable', owner: 'p-owner', member_status: 'all' });
    t.same(
      Object.values(json.data['openstack_images_image_ids_v2'] ?? {})
        .map((d) => [d['tags'], d['owner'], d['visibility'], d['member_status'], d['hidden']])
        .sort((a, b) => `${String(a[3])}${String(a[4])}`.localeCompare(`${String(b[3])}${String(b[4])}`)),
      [
        [['ubuntu-24.04-base'], 'p-owner', 'shared', 'accepted', false],
        [['ubuntu-24.04-base'], 'p-owner', 'shared', 'accepted', true],
        [['ubuntu-24.04-base'], 'p-owner', 'shared', 'pending', false],
        [['ubuntu-24.04-base'], 'p-owner', 'shared', 'pending', true],
      ],
      'the shared versions pending and accepted (never rejected), hidden ones apart',
    );
    t.match(only(json.resource['openstack_images_image_access_accept_v2']), {
      for_each: /^\$\{toset\(concat\(/,
      image_id: '${each.value}',
      member_id: 'p-me',
      status: 'accepted',
    });
    t.throws(() => new CatalogImageLookup(stack(), 'bad', { line: 'Ubuntu' }), /^catalog\/bad: line "Ubuntu" is not a line name/);
    t.throws(
      () => new LineAcceptance(stack(), 'bad', { line: 'ubuntu-24.04-base', owner: '', memberProjectId: 'p' }),
      /^catalog\/bad: owner: empty/,
    );
    t.end();
  },
);

t.test(
  "VersionLine: the newest version's share takes over the one share 0.3 made (a moved block), a version past its end of life is unshared",
  (t) => {
    // The address 0.3 gave the line's one share (line/share-app/member, line/share-app/accept).
    const old = stack();
    const share = new ImageShare(new Construct(old, 'ubuntu'), 'share-app', {
      image: '00000000-0000-0000-0000-00000000000a',
      memberProjectId: 'b'.repeat(32),
      acceptWith: new OpenstackProvider(old, 'appteam', { cloud: 'appteam', alias: 'appteam' }),
    });
    const oldMember = `openstack_images_image_access_v2.${TerraformStack.of(share).getLogicalId(share.member)}`;
    const oldAccept = `openstack_images_image_access_accept_v2.${TerraformStack.of(share).getLogicalId(share.acceptance as never)}`;
    const s = stack();
    const line = new VersionLine(s, 'ubuntu', {
      os: 'ubuntu',
      osVersion: '24.04',
      profile: 'base',
      properties: common,
      versions: [
        { version: '1.0', source: { file: '/a' }, endOfLife: '2020-01-01' },
        { version: '1.1', source: { file: '/b' } },
        { version: '1.2', source: { file: '/c' } },
      ],
      consumers: [
        { projectId: 'b'.repeat(32), name: 'app', provider: new OpenstackProvider(s, 'appteam', { cloud: 'appteam', alias: 'appteam' }) },
      ],
    });
    t.same(
      line.shares.map((x) => x.node.id),
      ['v1.1-share-app', 'v1.2-share-app'],
      'v1.0 past its end of life is not shared',
    );
    const json = JSON.parse(Testing.synth(s)) as { moved?: { from: string; to: string }[] };
    const newest = line.shares[1];
    t.same(
      json.moved,
      [
        { from: oldMember, to: `openstack_images_image_access_v2.${TerraformStack.of(s).getLogicalId(newest?.member as never)}` },
        {
          from: oldAccept,
          to: `openstack_images_image_access_accept_v2.${TerraformStack.of(s).getLogicalId(newest?.acceptance as never)}`,
        },
      ],
      "the newest version's member and acceptance are moved from 0.3's",
    );
    t.notOk(line.node.tryFindChild('share-app'), 'no construct is left at the old id');
    t.end();
  },
);
