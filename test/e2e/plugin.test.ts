/**
 * The provider plugin against the real Image Service: refresh brings back what Glance has (a property changed,
 * the image deactivated, a member removed out of band) and the policy decides the restore; a published image
 * deleted outside the stack is reported, not re-created; images, members and acceptances made by another stack
 * are imported (the `import` resource option) and then preview unchanged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { Image, ImageMember, ImageMemberAcceptance, Provider, StorageBackend } from '../../provider/pulumi/index.js';
import { exampleConfig } from '../../scripts/example-config.js';
import { openStack, type Program } from '../../provider/pulumi/automation.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, suffix } from '../helpers/lab.js';
import { e2eStack, imagesNamed, openstackImage, pulumi } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

const profile = `p${suffix().slice(0, 6)}`;
/** Each test its own family: images of one test stay until the file ends (e2eStack's cleanup). */
const families = {
  rebuilt: `ubuntu-24.04-${profile}f`,
  privateShare: `ubuntu-24.04-${profile}g`,
  drift: `ubuntu-24.04-${profile}a`,
  imported: `ubuntu-24.04-${profile}b`,
  gone: `ubuntu-24.04-${profile}c`,
  plan: `ubuntu-24.04-${profile}d`,
  advisory: `ubuntu-24.04-${profile}e`,
  adopted: `ubuntu-24.04-${profile}h`,
};
const dir = join(repoRoot, 'test-results', 'e2e');
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'plugin test' };

function data(): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ubuntu-24.04-${profile}.raw`);
  writeFileSync(file, Buffer.alloc(65536, 7));
  return file;
}

const appteam = (): string => lab().projects['appteam'] ?? '';

/**
 * v1.0 shared with appteam and accepted as appteam (an explicit provider of that project). With `ids`, every
 * resource is imported (`import` option) from those ids instead of being created.
 */
function shared(family: string, ids?: { image: string }): Program {
  return () => {
    const image = new Image(
      'v1.0',
      { name: `${family}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata },
      ids === undefined ? {} : { import: ids.image },
    );
    const memberId = `${ids?.image ?? ''}/${appteam()}`;
    const member = new ImageMember(
      'share-appteam',
      { imageId: image.imageId, memberProjectId: appteam() },
      ids === undefined ? { dependsOn: image } : { import: memberId },
    );
    const asAppteam = new Provider('appteam', { cloud: 'appteam' });
    new ImageMemberAcceptance(
      'accept-appteam',
      { imageId: image.imageId, memberProjectId: appteam(), status: 'accepted' },
      { provider: asAppteam, dependsOn: member, ...(ids === undefined ? {} : { import: memberId }) },
    );
    return Promise.resolve({ imageId: image.imageId });
  };
}

async function live(id: string): Promise<Record<string, unknown>> {
  return (await glance('admin', 'GET', `/v2/images/${id}`)).body as Record<string, unknown>;
}

t.test('refresh brings back the drift; preview --refresh proposes the restore and the policy allows it', async (t) => {
  const family = families.drift;
  const target = await e2eStack(family);
  const made = await pulumi(target, 'up', shared(family));
  t.ok(made.ok, 'v1.0 is created, shared with appteam and accepted', { output: made.text });
  const [id = ''] = await imagesNamed(`${family}-v1.0`);

  // Out of band, as the owner would with the openstack CLI.
  // 2 and 3: a property changed and one added by hand on the published image.
  const set = await runCommand(
    'openstack',
    [
      '--os-cloud',
      'platform',
      'image',
      'set',
      '--property',
      'description=changed by hand',
      '--property',
      'hw_vif_model=e1000',
      '--property',
      'x=y',
      id,
    ],
    { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds },
  );
  t.equal(set.code, 0, 'openstack image set changes two properties and adds one', { output: set.stderr });
  await glance('admin', 'POST', `/v2/images/${id}/actions/deactivate`);
  await glance('platform', 'DELETE', `/v2/images/${id}/members/${appteam()}`);

  const refreshed = await pulumi(target, 'refresh', shared(family));
  t.ok(refreshed.ok, 'refresh runs', { output: refreshed.text });
  t.equal(refreshed.changes['update'], 1, 'the image changed in Glance: its state is updated');
  t.equal(refreshed.changes['delete'], 2, 'the membership and its acceptance are gone: they leave the state');

  const planned = await pulumi(target, 'preview', shared(family));
  t.ok(planned.ok, 'the preview passes', { output: planned.text });
  t.equal(planned.changes['update'], 1, 'it proposes to put the image back');
  t.equal(planned.changes['create'], 2, 'and the membership with its acceptance');
  const restore = planned.decisions.find((d) => d.changes.some((c) => c.kind === 'image' && c.action === 'update'));
  t.ok(restore, 'the policy decided the restore of the published image');
  t.equal(restore?.decision.allowed, true, 'and allows it');

  const restored = await pulumi(target, 'up', shared(family));
  t.ok(restored.ok, 'up restores it', { output: restored.text });
  const image = await live(id);
  t.equal(image['description'], metadata.description, 'the property is back');
  t.equal(image['hw_vif_model'], 'virtio', 'and so is hw_vif_model');
  t.equal(image['x'], undefined, 'the property added by hand is removed');
  t.equal(image['status'], 'active', 'the image is active again');
  const members = (await glance('platform', 'GET', `/v2/images/${id}/members`)).body as {
    members: { member_id: string; status: string }[];
  };
  t.same(
    members.members.map((m) => [m.member_id, m.status]),
    [[appteam(), 'accepted']],
    'appteam is a member again, accepted',
  );

  const again = await pulumi(target, 'preview', shared(family), { refresh: true });
  t.ok(again.ok, 'preview --refresh passes', { output: again.text });
  t.same(
    Object.keys(again.changes).filter((op) => op !== 'same'),
    [],
    'and finds nothing to change',
  );
});

t.test('11: a published image whose file is rebuilt at the same path: the preview refuses it, naming the data', async (t) => {
  const family = families.rebuilt;
  const target = await e2eStack(family);
  const file = join(dir, `${family}.raw`);
  writeFileSync(file, Buffer.alloc(65536, 3));
  const program: Program = () => {
    new Image('v1.0', { name: `${family}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file }, properties: metadata });
    return Promise.resolve({});
  };
  const made = await pulumi(target, 'up', program);
  t.ok(made.ok, 'v1.0 is published', { output: made.text });
  const again = await pulumi(target, 'preview', program);
  t.same(Object.keys(again.changes), ['same'], 'the same file: no change', { changes: again.changes });

  writeFileSync(file, Buffer.alloc(65536, 4));
  const rebuilt = await pulumi(target, 'preview', program);
  t.notOk(rebuilt.ok, 'other data under the same path: the preview is refused');
  t.same(rebuilt.blockedBy, ['immutability'], 'by immutability');
  t.match(rebuilt.text, /published image "[^"]+-v1\.0" cannot be replaced: its source's data changed \(sha512 /, 'naming the data');
});

t.test('8: a member of an image the plan leaves private is refused before anything is created', async (t) => {
  const family = families.privateShare;
  const target = await e2eStack(family);
  const program: Program = () => {
    // The image names its cloud, the member the stack's (the same): one envelope decides both.
    const image = new Image('v1.0', {
      cloud: 'platform',
      name: `${family}-v1.0`,
      diskFormat: 'raw',
      visibility: 'private',
      source: { file: data() },
      properties: metadata,
    });
    new ImageMember('share-appteam', { image, memberProjectId: appteam() });
    return Promise.resolve({});
  };
  const up = await pulumi(target, 'up', program);
  t.notOk(up.ok, 'the up is refused');
  t.same(up.blockedBy, ['sharing'], 'by the sharing rule');
  t.match(up.text, /ImageMember::share-appteam {2}image_id\n {2}image "[^"]+-v1\.0" is "private": a member needs it shared/);
  t.match(up.failure ?? '', /nothing was applied/, 'before anything is applied');
  t.same(await imagesNamed(family), [], 'no image was created (no half-applied plan)');
});

t.test('import: image, member and acceptance of another stack, then a preview with no change', async (t) => {
  const family = families.imported;
  const owner = await e2eStack(family);
  const made = await pulumi(owner, 'up', shared(family));
  t.ok(made.ok, 'another stack made v1.0 with its share', { output: made.text });
  const [id = ''] = await imagesNamed(`${family}-v1.0`);

  const target = await e2eStack(family);
  const imported = await pulumi(target, 'up', shared(family, { image: id }));
  t.ok(imported.ok, 'up with the import option adopts them', { output: imported.text });
  t.equal(imported.changes['import'], 3, 'three resources imported');
  t.same(await imagesNamed(`${family}-v1.0`), [id], 'no image was created: the same one is in both stacks');

  const after = await pulumi(target, 'preview', shared(family, { image: id }));
  t.ok(after.ok, 'the preview after the import passes', { output: after.text });
  t.same(
    Object.keys(after.changes).filter((op) => op !== 'same'),
    [],
    'with no change',
  );

  // From then on the policy decides the imported image like any other: a published image's fields do not change.
  const changed = await pulumi(target, 'preview', () => {
    new Image(
      'v1.0',
      { name: `${family}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata, minDisk: 1 },
      { import: id },
    );
    return Promise.resolve({});
  });
  t.notOk(changed.ok, 'a change of the imported (published) image fails the preview', { output: changed.text });
  t.same(changed.blockedBy, ['immutability'], 'by the immutability rule');
  t.ok(
    changed.decisions.some((d) => !d.decision.allowed && d.changes.some((c) => c.kind === 'image' && c.action === 'update')),
    'decided as an update of the imported image',
  );

  // An import that would change the image at once is decided too (the import's own diff is not a refresh's).
  const third = await e2eStack(family);
  const changedImport = await pulumi(third, 'preview', () => {
    new Image(
      'v1.0',
      { name: `${family}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata, minDisk: 1 },
      { import: id },
    );
    return Promise.resolve({});
  });
  t.notOk(changedImport.ok, 'importing with a changed field of a published image fails the preview', { output: changedImport.text });
  t.same(changedImport.blockedBy, ['immutability'], 'by the immutability rule');
});

t.test('an image made outside the catalog, imported with source { imported: true }: complete inputs, no change after', async (t) => {
  const family = families.adopted;
  const name = `${family}-v1.0`;
  const made = { id: await openstackImage('platform', name, { visibility: 'shared', file: data(), properties: metadata }) };
  const program =
    (opts: { import?: string } = {}): Program =>
    () => {
      new Image('v1.0', { name, diskFormat: 'raw', visibility: 'shared', source: { imported: true }, properties: metadata }, opts);
      return Promise.resolve({});
    };
  const target = await e2eStack(family);
  const imported = await pulumi(target, 'up', program({ import: made.id }));
  t.ok(imported.ok, 'the import takes it: nothing uploaded, nothing created', { output: imported.text });
  t.equal(imported.changes['import'], 1);
  t.same(await imagesNamed(name), [made.id], 'still the one image');
  const after = await pulumi(target, 'preview', program({ import: made.id }));
  t.same(
    Object.keys(after.changes).filter((op) => op !== 'same'),
    [],
    'a preview after it changes nothing',
    { output: after.text },
  );
  const declared = await pulumi(target, 'preview', () => {
    new Image(
      'v1.0',
      { name, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata },
      { import: made.id },
    );
    return Promise.resolve({});
  });
  t.same(
    Object.keys(declared.changes).filter((op) => op !== 'same'),
    [],
    'declaring the real source later is no change',
    { output: declared.text },
  );

  const fresh = await e2eStack(`${family}x`);
  const created = await pulumi(fresh, 'preview', () => {
    new Image('v1.0', {
      name: `${family}x-v1.0`,
      diskFormat: 'raw',
      visibility: 'shared',
      source: { imported: true },
      properties: metadata,
    });
    return Promise.resolve({});
  });
  t.notOk(created.ok, 'a create of an imported source is refused at check');
  t.match(created.text, /source\.imported: an image whose data Glance already has is only imported .*\(rule: import\)/);
});

t.test('a published image deleted outside the stack is reported by refresh, not dropped to be re-created', async (t) => {
  const family = families.gone;
  const target = await e2eStack(family);
  const made = await pulumi(target, 'up', () => {
    new Image('v1.0', { name: `${family}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata });
    return Promise.resolve({});
  });
  t.ok(made.ok, 'v1.0 is published', { output: made.text });
  const [id = ''] = await imagesNamed(`${family}-v1.0`);
  await glance('admin', 'DELETE', `/v2/images/${id}`);

  const refreshed = await pulumi(target, 'refresh');
  t.notOk(refreshed.ok, 'refresh fails');
  t.match(refreshed.text, /was published and is gone/, 'it says the published image is gone');
  t.match(refreshed.text, /pulumi state delete/, 'and the way out');
  t.notMatch(refreshed.text, /\n\s+at .*\(.*:\d+:\d+\)/, 'without a stack trace');
});

t.test('a preview decides the whole plan: every blocked create and the blocked delete, each violation once', async (t) => {
  const family = families.plan;
  const target = await e2eStack(family);
  const made = await pulumi(target, 'up', () => {
    new Image('v1.0', { name: `${family}-v1.0`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata });
    return Promise.resolve({});
  });
  t.ok(made.ok, 'v1.0 is published', { output: made.text });

  // v1.0 dropped from the program (a published image, not deprecated), an older version, a public one.
  const planned = await pulumi(target, 'preview', () => {
    new Image('v0.9', { name: `${family}-v0.9`, diskFormat: 'raw', visibility: 'shared', source: { file: data() }, properties: metadata });
    new Image('v2.0', { name: `${family}-v2.0`, diskFormat: 'raw', visibility: 'public', source: { file: data() }, properties: metadata });
    return Promise.resolve({});
  });
  t.notOk(planned.ok, 'the preview fails');
  const blocked = planned.decisions.filter((d) => !d.decision.allowed);
  t.same(
    blocked.flatMap((d) => d.changes.map((c) => `${c.action} ${c.address.split('::').at(-1) ?? ''}`)).sort(),
    ['create v0.9', 'create v2.0', 'delete v1.0'],
    'the two creates and the delete are each blocked',
  );
  t.same([...planned.blockedBy].sort(), ['immutability', 'public_visibility', 'versioning'], 'by their rules');
  const violations = planned.decisions.flatMap((d) => d.decision.violations.map((v) => `${v.address} ${v.rule} ${v.field} ${v.message}`));
  t.equal(new Set(violations).size, violations.length, 'each violation once');
  t.match(planned.failure, /blocks 3 change/, 'the run says how many changes are blocked');
  t.notMatch(planned.text, /\n\s+at .*\(.*:\d+:\d+\)/, 'without a stack trace');
});

t.test('an advisory violation does not block: the run applies, its decisions and the stack messages say it', async (t) => {
  const family = families.advisory;
  const target = await e2eStack(family);
  const stack = await openStack(target);
  await stack.setConfig('image-catalog:policy', {
    value: JSON.stringify({ image_catalog: { rules: { required_metadata: { level: 'advisory' } } } }),
  });
  const messages: string[] = [];
  const program = (): Promise<Record<string, never>> => {
    const withoutVifModel = Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== 'hw_vif_model'));
    new Image('v1.0', {
      name: `${family}-v1.0`,
      diskFormat: 'raw',
      visibility: 'shared',
      source: { file: data() },
      properties: withoutVifModel,
    });
    return Promise.resolve({});
  };
  const made = await pulumi(target, 'up', program, { onEvent: (event) => messages.push(event.diagnosticEvent?.message ?? '') });
  t.ok(made.ok, 'the image is created', { output: made.text });
  const advisories = made.decisions.flatMap((d) => d.decision.violations).filter((v) => v.level === 'advisory');
  t.ok(
    advisories.some((v) => v.rule === 'required_metadata' && v.field.includes('hw_vif_model')),
    'the decisions carry the advisory violation',
  );
  t.ok(
    made.decisions.every((d) => d.decision.allowed),
    'and allow every change',
  );
  t.ok(
    messages.some((m) => m.includes('advisory') && m.includes('hw_vif_model')),
    "the stack's messages show it",
  );
  t.equal((await imagesNamed(`${family}-v1.0`)).length, 1, 'the image exists');

  // Policy data with a misspelt profile: the provider's configuration fails, in a run that changes nothing too.
  await stack.setConfig('image-catalog:policy', { value: JSON.stringify({ image_catalog: { profile: 'scs-102' } }) });
  const misspelt = await pulumi(target, 'preview', program);
  t.notOk(misspelt.ok, 'a preview with misspelt policy data fails', { output: misspelt.text });
  t.match(misspelt.text, /image_catalog\.profile: must be one of "scs-0102"/, 'naming the field');
});

t.test('a store is imported by its id and then previews with no change', async (t) => {
  const config = exampleConfig();
  const storeId = `imp${profile}`;
  const program =
    (opts: { import?: string; provider?: () => Provider } = {}): Program =>
    () => {
      new StorageBackend(
        'store',
        {
          cloud: 'admin',
          storeId,
          type: 'file',
          description: 'import test',
          configDir: config['image-catalog:glanceConfigDir'] ?? '',
          reloadCommand: JSON.parse(config['image-catalog:reloadCommand'] ?? '[]') as string[],
          options: { dataDir: join(config['image-catalog:storesDir'] ?? '', storeId) },
        },
        {
          ...(opts.import === undefined ? {} : { import: opts.import }),
          ...(opts.provider === undefined ? {} : { provider: opts.provider() }),
        },
      );
      return Promise.resolve({});
    };
  const owner = await e2eStack(families.imported);
  const made = await pulumi(owner, 'up', program());
  t.ok(made.ok, 'a stack configures the store', { output: made.text });
  t.teardown(async () => {
    await pulumi(owner, 'destroy', program());
  });

  const target = await e2eStack(families.imported);
  const refused = await pulumi(target, 'preview', program({ import: storeId }));
  t.notOk(refused.ok, "imported with the stack's (non-admin) cloud, the admin-only store list is refused");
  t.match(refused.text, /an import reads with its provider's cloud/, 'and the error says to give it a provider that may read it');

  const asAdmin = (): Provider => new Provider('admin', { cloud: 'admin' });
  const imported = await pulumi(target, 'up', program({ import: storeId, provider: asAdmin }));
  t.ok(imported.ok, 'with an admin provider, another stack imports it by its store id', { output: imported.text });
  t.equal(imported.changes['import'], 1, 'one resource imported');
  const after = await pulumi(target, 'preview', program({ provider: asAdmin }));
  t.ok(after.ok, 'its preview passes', { output: after.text });
  t.same(
    Object.keys(after.changes).filter((op) => op !== 'same'),
    [],
    'with no change',
  );
});
