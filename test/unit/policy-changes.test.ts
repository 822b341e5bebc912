/**
 * The envelope builder (provider/policy/changes.ts) over the image descriptor: the documents of a change, drift
 * and its restore, and the live catalog of a run without the run's own creates. No service: the live side is given.
 */
import t from 'tap';
import type { ImageWire } from '../../provider/client/images.js';
import { resolveCloudFromDocument } from '../../provider/client/config.js';
import { Session } from '../../provider/client/session.js';
import { changeDocuments, RunCatalog } from '../../provider/policy/changes.js';
import { StackMarks } from '../../provider/resources/mark.js';
import type { KindDescriptor } from '../../provider/resources/descriptor.js';
import { imageDescriptor, imageInputsFromLive } from '../../provider/resources/image/image.js';
import { imageDocument } from '../../provider/client/images.js';

/** No service here: the live side is given, so the session handed to it is never used (it points nowhere). */
const nowhere = resolveCloudFromDocument(
  'unit',
  'clouds:\n  unit:\n    auth: {auth_url: "http://127.0.0.1:9/v3", username: u, password: p, project_name: x, user_domain_name: Default, project_domain_name: Default}\n',
  'unit test',
);
if (nowhere === undefined) throw new Error('the unit cloud resolves');
const unused = new Session(nowhere);
t.teardown(() => unused.close());
const noSession = (): Session => unused;

const declared = {
  name: 'ubuntu-24.04-base-v1.0',
  diskFormat: 'raw',
  containerFormat: 'bare',
  visibility: 'shared',
  minDisk: 0,
  minRam: 0,
  isProtected: false,
  isHidden: false,
  isDeactivated: false,
  tags: [],
  properties: { os_distro: 'ubuntu', description: 'golden' },
  source: { file: '/data/x.raw' },
};

/** Glance's record of that image, published, with `description` changed out of band. */
const wire: ImageWire = {
  id: 'i-1',
  name: 'ubuntu-24.04-base-v1.0',
  status: 'active',
  visibility: 'shared',
  disk_format: 'raw',
  container_format: 'bare',
  min_disk: 0,
  min_ram: 0,
  protected: false,
  os_hidden: false,
  tags: [],
  os_distro: 'ubuntu',
  description: 'changed by hand',
  catalog_published_at: '2026-11-01T00:00:00Z',
};

/** The image descriptor, whose live side a test gives (`live`) instead of reading it; a gone image: no live side. */
const image: KindDescriptor<object> = imageDescriptor;
const goneImage: KindDescriptor<object> = {
  ...imageDescriptor,
  live: { ...(imageDescriptor.live ?? failNoLive()), get: () => Promise.resolve(undefined) },
};
function failNoLive(): never {
  throw new Error('the image kind has a live side');
}

t.test('putting back a property changed out of band is no change of the published image', async (t) => {
  const live = { document: imageDocument(wire), wire };
  const docs = await changeDocuments(image, 'update', {
    session: noSession,
    id: 'i-1',
    before: declared,
    after: declared,
    declared,
    live,
  });
  const before = docs.before?.['properties'] as Record<string, string>;
  const after = docs.after?.['properties'] as Record<string, string>;
  t.equal(before['description'], 'golden', 'before is what the catalog applied, not the drift');
  t.equal(after['description'], 'golden', 'after puts it back');
  t.equal(before['catalog_published_at'], '2026-11-01T00:00:00Z', 'the publish mark comes from Glance');
});

t.test('3: a property added or removed by hand on a published image is put back without a change of it', async (t) => {
  // `openstack image set --property x=y`, then a refresh: the state's outputs carry x, its inputs do not.
  const added: ImageWire = { ...wire, description: 'golden', x: 'y' };
  const refreshed = { ...declared, properties: { ...declared.properties, x: 'y' } };
  const putBack = await changeDocuments(image, 'update', {
    session: noSession,
    id: 'i-1',
    before: refreshed,
    after: declared,
    declared,
    live: { document: imageDocument(added), wire: added },
  });
  t.same(putBack.before?.['properties'], putBack.after?.['properties'], 'x: before is what the catalog applied, after removes it');
  t.notOk('x' in (putBack.before?.['properties'] as object), 'the hand-added property is drift, not the published image');
  // `openstack image unset --property description`, then a refresh.
  const removed: ImageWire = Object.fromEntries(Object.entries(wire).filter(([k]) => k !== 'description')) as ImageWire;
  const restored = await changeDocuments(image, 'update', {
    session: noSession,
    id: 'i-1',
    before: { ...declared, properties: { os_distro: 'ubuntu' } },
    after: declared,
    declared,
    live: { document: imageDocument(removed), wire: removed },
  });
  t.same(restored.before?.['properties'], restored.after?.['properties'], 'a removed property put back: no change');
});

t.test('6: properties the OpenStack SDK adds by itself are kept on both sides and never imported as inputs', async (t) => {
  const sdk: ImageWire = {
    ...wire,
    description: 'golden',
    'owner_specified.openstack.md5': 'abc',
    'owner_specified.openstack.sha256': 'def',
    'owner_specified.openstack.object': 'images/x',
  };
  const inputs = imageInputsFromLive(sdk);
  t.same(inputs['properties'], { os_distro: 'ubuntu', description: 'golden' }, 'an import declares only what the catalog manages');
  const docs = await changeDocuments(image, 'update', {
    session: noSession,
    id: 'i-1',
    before: { ...declared, ...inputs },
    after: { ...declared, isHidden: true },
    declared: { ...declared, ...inputs },
    live: { document: imageDocument(sdk), wire: sdk },
  });
  t.same(docs.before?.['properties'], docs.after?.['properties'], 'the SDK properties are no change');
  t.equal((docs.after?.['properties'] as Record<string, string>)['owner_specified.openstack.md5'], 'abc', 'and they stay');
});

t.test('without the declared inputs (an import), before is the live record', async (t) => {
  const live = { document: imageDocument(wire), wire };
  const after = { ...declared, properties: { ...declared.properties, description: 'new text' } };
  const docs = await changeDocuments(image, 'update', { session: noSession, id: 'i-1', before: declared, after, live });
  t.equal((docs.before?.['properties'] as Record<string, string>)['description'], 'changed by hand');
  t.equal((docs.after?.['properties'] as Record<string, string>)['description'], 'new text');
});

t.test('a create has no before, a delete no after, a gone image its old values with its id', async (t) => {
  const created = await changeDocuments(goneImage, 'create', {
    session: noSession,
    id: undefined,
    before: undefined,
    after: declared,
  });
  t.equal(created.before, null);
  t.equal(created.after?.['disk_format'], 'raw', 'wire names');
  const gone = await changeDocuments(goneImage, 'delete', { session: noSession, id: 'i-9', before: declared, after: undefined });
  t.equal(gone.after, null);
  t.equal(gone.before?.['id'], 'i-9');
  t.equal(gone.before?.['name'], declared.name);
});

t.test(
  "the run's catalog leaves out what the run's resources create (their creation mark), not another image of the same name",
  async (t) => {
    const urn = (name: string): string => `urn:pulumi:dev::p::image-catalog:index:Image::${name}`;
    // Two states of one stack name (two checkouts): the same URNs, two instance keys.
    const dev = new StackMarks('this-checkout-state-key');
    const twin = new StackMarks('other-checkout-state-key');
    const images: ImageWire[] = [
      { id: 'old', name: 'a-1-b-v1.0', status: 'active', created_at: '2020-01-01T00:00:00Z' },
      { id: 'other-stack', name: 'a-1-b-v1.1', status: 'active', catalog_created_by: twin.of(urn('v1.1')) },
      { id: 'being-made', name: 'a-1-b-v1.1', status: 'saving', catalog_created_by: dev.of(urn('v1.1')) },
      { id: 'half-made', name: 'a-1-b-v1.3', status: 'queued', catalog_created_by: dev.of(urn('v1.3')) },
      { id: 'twin-half-made', name: 'a-1-b-v1.3', status: 'queued', catalog_created_by: twin.of(urn('v1.3')) },
      { id: 'legacy', name: 'a-1-b-v1.5', status: 'queued', catalog_created_by: urn('v1.5') },
      { id: 'finished-elsewhere', name: 'a-1-b-v1.4', status: 'active', catalog_created_by: dev.of(urn('v1.4')) },
      { id: 'mine', name: 'a-1-b-v1.2', status: 'active' },
    ];
    let reads = 0;
    const catalog = new RunCatalog(60_000, () => {
      reads++;
      return Promise.resolve(images);
    });
    catalog.creating(dev.of(urn('v1.1')));
    catalog.creating(dev.of(urn('v1.0')));
    catalog.created('mine');
    const seen = (await catalog.images('c', noSession())).map((i) => i.id);
    t.same(
      seen,
      ['old', 'other-stack', 'twin-half-made', 'legacy', 'finished-elsewhere'],
      "left out: what a resource of the run creates, what it created, a half-made one of the run's stack instance; kept: other images of " +
        'those names, finished ones, whatever another state of the same stack name or a release before 0.3 marked',
    );
    await catalog.images('c', noSession());
    t.equal(reads, 1, 'one snapshot serves the calls that follow');
    catalog.changed();
    await catalog.images('c', noSession());
    t.equal(reads, 2, 'a change of the catalog takes a new one');
  },
);
