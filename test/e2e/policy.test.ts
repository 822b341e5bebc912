/**
 * The policy before apply, through real `pulumi preview` / `pulumi up` / `pulumi destroy` against the lab: each
 * violation fails the preview naming its rule and leaves the Image Service untouched (checked through the API);
 * a delete the policy blocks fails before any API call; destroy works where the policy allows it; the state holds
 * no password or token of the lab.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import type { ImageArgs } from '../../provider/pulumi/resources.js';
import { glance, lab, suffix } from '../helpers/lab.js';
import { e2eStack, familyProgram, imageCatalogPreview, imagesNamed, pulumi } from '../helpers/pulumi.js';
import { repoRoot } from '../../scripts/tools.js';

const family = `ubuntu-24.04-e${suffix().slice(0, 6)}`;
const dir = join(repoRoot, 'test-results', 'e2e');
const data = join(dir, `${family}.raw`);
const metadata = {
  os_distro: 'ubuntu',
  os_version: '24.04',
  hw_disk_bus: 'virtio',
  hw_vif_model: 'virtio',
  description: 'e2e policy test',
};

/** A program of images named `<family>-v<version>`, each shared (published) unless told otherwise. */
const program = (images: Record<string, Partial<ImageArgs>>) => familyProgram(family, { data, metadata }, images);

t.before(() => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(data, Buffer.alloc(1024 * 1024, 7));
});

t.test('each violation fails the preview with its rule and leaves the service untouched', async (t) => {
  const target = await e2eStack(family);
  const up = await pulumi(target, 'up', program({ '1.0': {} }));
  t.ok(up.ok, 'the published v1.0 is created', { output: up.text });
  const [id] = await imagesNamed(`${family}-v1.0`);
  t.ok(id, 'v1.0 exists');
  const live = async (): Promise<Record<string, unknown>> =>
    (await glance('admin', 'GET', `/v2/images/${String(id)}`)).body as Record<string, unknown>;
  t.match(await live(), { catalog_published_at: /^\d{4}-/, visibility: 'shared' }, 'published: the publish mark is recorded');
  const imagesBefore = (await imagesNamed(family)).sort();

  const cases: { what: string; rule: string; images: Record<string, Partial<ImageArgs>> }[] = [
    {
      what: "editing a published image's os_version",
      rule: 'immutability',
      images: { '1.0': { properties: { ...metadata, os_version: '24.10' } } },
    },
    {
      what: 'a public image made without the admin role',
      rule: 'public_visibility',
      images: { '1.0': {}, '1.1': { visibility: 'public' } },
    },
    { what: 'a version lower than the live latest', rule: 'versioning', images: { '1.0': {}, '0.9': {} } },
    {
      what: 'a missing hw_vif_model',
      rule: 'required_metadata',
      images: {
        '1.0': {},
        '1.2': { properties: { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', description: 'no vif model' } },
      },
    },
  ];
  for (const c of cases) {
    const preview = await pulumi(target, 'preview', program(c.images));
    t.notOk(preview.ok, `${c.what}: the preview fails`, { output: preview.text });
    t.ok(preview.blockedBy.includes(c.rule), `${c.what}: the policy's decision names the rule ${c.rule}`, { output: preview.text });
    t.match(preview.failure, /the catalog policy blocks 1 change/, `${c.what}: the run says the plan is blocked, before any apply`);
    // A plain `pulumi preview` (the plugin enforcing by itself): the engine's error says why.
    const plain = await pulumi(target, 'preview', program(c.images), { decidePlan: false });
    t.notOk(plain.ok, `${c.what}: a plain preview fails too`);
    t.match(
      plain.errors.map((e) => e.message).join('\n'),
      new RegExp(`policy ${c.rule}|the catalog policy blocks`),
      `${c.what}: the engine's error says why`,
    );
    const upAgain = await pulumi(target, 'up', program(c.images));
    t.notOk(upAgain.ok, `${c.what}: pulumi up fails too (its preview)`);
    t.same((await imagesNamed(family)).sort(), imagesBefore, `${c.what}: no image was created or deleted`);
    t.equal((await live())['os_version'], '24.04', `${c.what}: v1.0 is unchanged`);
  }

  // A delete is not shown to the plugin during a preview: image-catalog preview and runStack decide the whole plan.
  const deleting = program({});
  const whole = await imageCatalogPreview(target, 'empty');

  t.equal(whole.code, 1, 'image-catalog preview blocks the delete of a published image', { output: whole.stdout + whole.stderr });
  t.match(whole.stdout, /mandatory\s+immutability/, 'it names the rule');
  const removal = await pulumi(target, 'up', deleting);
  t.notOk(removal.ok, 'pulumi up fails on the delete');
  t.same(removal.blockedBy, ['immutability'], 'the decision names the rule', { output: removal.text });
  t.match(removal.failure, /blocks 1 change/, 'decided in its preview, before anything is applied');
  // Without the plan's decision (a plain pulumi up), the plugin's delete refuses it before any API call.
  const plainRemoval = await pulumi(target, 'up', deleting, { decidePlan: false });
  t.notOk(plainRemoval.ok, 'a plain pulumi up fails on the delete too');
  t.match(
    plainRemoval.errors.map((e) => e.message).join('\n'),
    /blocks this delete \(nothing was deleted\)/,
    'the plugin says nothing was deleted',
  );
  t.equal((await glance('admin', 'GET', `/v2/images/${String(id)}`)).status, 200, 'the image is still there');

  // A destroy is decided as a whole before anything is deleted (the engine would delete in dependency order and
  // stop at the first refusal).
  const early = await pulumi(target, 'destroy', deleting);
  t.notOk(early.ok, 'a destroy of the published image is refused');
  t.same(early.blockedBy, ['immutability'], 'naming the rule', { output: early.text });
  t.match(early.failure, /blocks 1 change/, 'decided in its preview, before anything is deleted');
  t.equal((await glance('admin', 'GET', `/v2/images/${String(id)}`)).status, 200, 'the image is still there');

  // Deprecate it (allowed after publish), then destroy is allowed.
  const deprecatedOne = program({ '1.0': { properties: { ...metadata, deprecated: 'true' }, isHidden: true } });
  const deprecated = await pulumi(target, 'up', deprecatedOne);
  t.ok(deprecated.ok, 'deprecation is allowed on a published image', { output: deprecated.text });
  const destroy = await pulumi(target, 'destroy', deprecatedOne);
  t.ok(destroy.ok, 'pulumi destroy deletes the deprecated image', { output: destroy.text });
  t.equal((await glance('admin', 'GET', `/v2/images/${String(id)}`)).status, 404, 'the image is gone');

  // The state never held a credential.
  const clouds = parse(readFileSync(lab().clouds, 'utf8')) as { clouds: Record<string, { auth: { password: string } }> };
  const secrets = Object.values(clouds.clouds).map((c) => c.auth.password);
  const stateDir = target.stateDir ?? '';
  const files = readdirSync(stateDir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(stateDir, f))
    .filter((f) => statSync(f).isFile());
  t.ok(files.length > 0, 'the backend has state files');
  const text = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
  t.same(
    secrets.filter((s) => text.includes(s)),
    [],
    'no lab password in any state file (checkpoints and backups)',
  );
  t.notMatch(text, /gAAAAA[\w-]{20,}/, 'no Keystone (Fernet) token in any state file');
  t.match(text, /image-catalog:index:Image/, "the state holds the resources under the plugin's type token");
  t.notMatch(text, /__provider/, 'and no serialized provider code');
});
