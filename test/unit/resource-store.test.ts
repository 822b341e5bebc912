import t from 'tap';
import {
  checkStoreInputs,
  storeSchema,
  parseStoreFragment,
  renderBackends,
  renderStoreAccounts,
  renderStoreFragment,
} from '../../provider/resources/store/store.js';
import { diffInputs, ResourceInputError } from '../../provider/resources/schema.js';

const base = { configDir: '/etc/glance/glance-api.conf.d', reloadCommand: ['systemctl', 'restart', 'glance-api'] };

t.test('a file store renders its section with each option under its glance_store name', (t) => {
  const inputs = checkStoreInputs('third', {
    ...base,
    id: 'third',
    type: 'file',
    description: 'third store',
    options: { dataDir: '/srv/images', chunkSize: 65536 },
  });
  t.equal(
    renderStoreFragment(inputs),
    [
      '# image-catalog: {"id":"third","type":"file","isDefault":false}',
      '# Written by the StorageBackend resource; edits are overwritten.',
      '[third]',
      'store_description = third store',
      'filesystem_store_datadir = /srv/images',
      'filesystem_store_chunk_size = 65536',
      '',
    ].join('\n'),
  );
  t.end();
});

t.test('an s3 store renders its secret keys into the fragment (mode 0600), lists as comma lists for vmware', (t) => {
  const s3 = checkStoreInputs('objects', {
    ...base,
    id: 'objects',
    type: 's3',
    options: { host: 'https://s3.example', accessKey: 'AK', secretKey: 'SK', bucket: 'images' },
  });
  t.match(renderStoreFragment(s3), /s3_store_access_key = AK\ns3_store_secret_key = SK\ns3_store_bucket = images/);
  const vmware = checkStoreInputs('vc', {
    ...base,
    id: 'vc',
    type: 'vmware',
    options: { serverHost: 'vc', serverUsername: 'u', serverPassword: 'p', datastores: ['dc1:ds1', 'dc1:ds2'] },
  });
  t.match(renderStoreFragment(vmware), 'vmware_datastores = dc1:ds1,dc1:ds2');
  t.end();
});

t.test("a swift store's credentials go to its accounts file (never Glance's database), the fragment names it; read back", (t) => {
  const swift = checkStoreInputs('objects', {
    ...base,
    id: 'objects',
    type: 'swift',
    options: {
      authAddress: 'http://keystone:5000/v3',
      user: 'service:glance',
      key: 'K3Y',
      container: 'images',
      createContainerOnPut: true,
    },
  });
  const fragment = renderStoreFragment(swift);
  t.match(fragment, /\[objects\]\nswift_store_container = images\nswift_store_create_container_on_put = true\n/);
  t.match(fragment, 'swift_store_config_file = /etc/glance/glance-api.conf.d/store-objects.accounts\ndefault_swift_reference = objects\n');
  t.notMatch(fragment, /K3Y|keystone|swift_store_key|swift_store_user/, 'no credential in the fragment');
  const accounts = renderStoreAccounts(swift) ?? '';
  t.match(
    accounts,
    '[objects]\nauth_address = http://keystone:5000/v3\nuser = service:glance\nkey = K3Y\nauth_version = 3\n',
    'Keystone v3 unless said',
  );
  t.equal(
    renderStoreAccounts(checkStoreInputs('f', { ...base, id: 'f', type: 'file', options: { dataDir: '/srv' } })),
    undefined,
    'a file store has none',
  );
  t.same(
    parseStoreFragment('swift', fragment, 'objects', accounts),
    {
      options: {
        container: 'images',
        createContainerOnPut: true,
        authAddress: 'http://keystone:5000/v3',
        user: 'service:glance',
        authVersion: '3',
      },
      secrets: ['key'],
    },
    'adopt reads it back from both files, the key only named',
  );
  const bare = t.throws(() => checkStoreInputs('objects', { ...swift, options: { ...swift.options, user: 'glance' } })) as Error;
  t.match(bare.message, 'options.user', 'a user without its project is refused');
  t.end();
});

t.test('the backends file lists the base backends, then the managed ones; a managed default wins', (t) => {
  const header = { base: { fast: 'file', cheap: 'file' }, baseDefault: 'fast' };
  t.equal(
    renderBackends(header, [{ id: 'third', type: 'file', isDefault: false }]),
    [
      '# image-catalog: {"base":{"fast":"file","cheap":"file"},"baseDefault":"fast"}',
      '# Written by the StorageBackend resource: every enabled backend, managed or not.',
      '[DEFAULT]',
      'enabled_backends = fast:file, cheap:file, third:file',
      '',
      '[glance_store]',
      'default_backend = fast',
      '',
    ].join('\n'),
  );
  t.match(renderBackends(header, [{ id: 'ceph', type: 'rbd', isDefault: true }]), 'default_backend = ceph');
  t.end();
});

t.test('rules a user needs: an http store cannot be the default; each kind needs its own options', (t) => {
  const http = t.throws(() => checkStoreInputs('web', { ...base, id: 'web', type: 'http', isDefault: true })) as ResourceInputError;
  t.match(
    http.message,
    'StorageBackend "web": isDefault: must be false: An http store is read-only: it cannot be the default or an upload target. (rule: const)',
  );
  const swift = t.throws(() =>
    checkStoreInputs('sw', { ...base, id: 'sw', type: 'swift', options: { authAddress: 'https://k', user: 'u' } }),
  ) as ResourceInputError;
  t.match(swift.message, 'options.key: is required (rule: required)');
  const file = t.throws(() =>
    checkStoreInputs('f', { ...base, id: 'f', type: 'file', options: { dataDir: '/x', pool: 'p' } }),
  ) as ResourceInputError;
  t.match(file.message, 'options.pool: is not a field of this resource (rule: additionalProperties)');
  const id = t.throws(() =>
    checkStoreInputs('Bad', { ...base, id: 'Bad-Id', type: 'file', options: { dataDir: '/x' } }),
  ) as ResourceInputError;
  t.match(id.message, 'id: must match pattern');
  t.end();
});

t.test(
  'values are written as the readers take them: $ doubled for oslo.config, % doubled and a leading quote quoted for the accounts file; a line break refused',
  (t) => {
    const s3 = checkStoreInputs('objects', {
      ...base,
      id: 'objects',
      type: 's3',
      description: 'costs $5',
      options: { host: 'http://s3', accessKey: 'AK', secretKey: 'S$K', bucket: 'images' },
    });
    const fragment = renderStoreFragment(s3);
    t.match(fragment, 'store_description = costs $$5\n', 'a $ of the description doubled (oslo.config would substitute it)');
    t.match(fragment, 's3_store_secret_key = S$$K\n', 'and of a key');
    t.same(parseStoreFragment('s3', fragment, 'objects').options, { host: 'http://s3', bucket: 'images' }, 'read back as given');
    const swift = checkStoreInputs('sw', {
      ...base,
      id: 'sw',
      type: 'swift',
      options: { authAddress: 'http://k/v3', user: '"svc%1:glance', key: '50%"off' },
    });
    const accounts = renderStoreAccounts(swift) ?? '';
    t.match(accounts, `user = '"svc%%1:glance'\n`, 'a leading quote quoted, a % doubled');
    t.match(accounts, 'key = 50%%"off\n');
    t.equal(parseStoreFragment('swift', renderStoreFragment(swift), 'sw', accounts).options['user'], '"svc%1:glance', 'read back as given');
    const broken = t.throws(() =>
      checkStoreInputs('sw', { ...base, id: 'sw', type: 'swift', options: { authAddress: 'http://k/v3', user: 'a:b', key: 'k\n[x]' } }),
    ) as Error;
    t.match(
      broken.message,
      /^sw: options\.key: has a line break.*\(rule: one line\)$/,
      'a line break in an option is refused, naming the resource, the field and the rule',
    );
    t.notMatch(broken.message, /\[x\]/, 'without its value');
    t.end();
  },
);

t.test("an object's keys in another order are no change (a default added at the end, as read back)", (t) => {
  const declared = checkStoreInputs('sw', {
    ...base,
    id: 'sw',
    type: 'swift',
    options: { authAddress: 'http://k/v3', user: 'a:b', key: 'k' },
  });
  const stored = { ...declared, options: { authVersion: '3', key: 'k', user: 'a:b', authAddress: 'http://k/v3' } } as typeof declared;
  t.same(diffInputs(storeSchema(), stored, declared), { replaces: [], updates: [] });
  t.same(
    diffInputs(storeSchema(), stored, { ...declared, options: { ...declared.options, key: 'other' } }).updates,
    ['options'],
    'a value is',
  );
  t.end();
});
