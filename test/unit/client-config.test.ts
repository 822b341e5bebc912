import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { resolveCloud } from '../../provider/client/config.js';
import { CloudConfigError } from '../../provider/client/errors.js';
import { findEndpoint, identityRoot, tokenRequestBody, type Token } from '../../provider/client/keystone.js';
import { listImagesUrl } from '../../provider/client/images.js';

const dir = mkdtempSync(join(tmpdir(), 'image-catalog-config-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'clouds.yaml'),
  [
    'clouds:',
    '  platform:',
    '    auth:',
    '      auth_url: https://keystone.example:5000/v3',
    '      username: platform',
    '      project_name: platform',
    '      user_domain_name: Default',
    '      project_domain_name: Default',
    '    region_name: RegionTwo',
    '    interface: internal',
    '    verify: false',
    '  ci:',
    '    auth_type: v3applicationcredential',
    '    auth:',
    '      auth_url: https://keystone.example:5000',
    '      application_credential_id: ac-1',
    '  broken:',
    '    auth:',
    '      auth_url: https://keystone.example:5000',
    '      username: someone',
    '',
  ].join('\n'),
);
writeFileSync(
  join(dir, 'secure.yaml'),
  'clouds:\n  platform:\n    auth:\n      password: from-secure-yaml\n  ci:\n    auth:\n      application_credential_secret: s3cr3t\n',
);
const env = { OS_CLIENT_CONFIG_FILE: join(dir, 'clouds.yaml'), OS_CLIENT_SECURE_FILE: join(dir, 'secure.yaml') };

/** A token whose service catalog is `catalog` (what findEndpoint reads). */
function tokenWith(catalog: Token['catalog']): Token {
  return {
    id: 't',
    issuedAt: new Date(),
    expiresAt: new Date(),
    userId: 'u',
    userName: 'u',
    projectId: 'p',
    projectName: 'p',
    roles: [],
    catalog,
  };
}

t.test('a clouds.yaml cloud gets its password from secure.yaml, with region, interface and verify', (t) => {
  const cloud = resolveCloud('platform', env, dir);
  t.same(cloud.auth, {
    type: 'password',
    password: 'from-secure-yaml',
    username: 'platform',
    userId: undefined,
    userDomainName: 'Default',
    userDomainId: undefined,
  });
  t.same(cloud.scope, { kind: 'project', id: undefined, name: 'platform', domainName: 'Default', domainId: undefined });
  t.equal(cloud.regionName, 'RegionTwo');
  t.equal(cloud.interface, 'internal');
  t.equal(cloud.insecure, true);
  t.end();
});

t.test('OS_CLOUD picks the cloud when none is named', (t) => {
  t.equal(resolveCloud(undefined, { ...env, OS_CLOUD: 'ci' }, dir).auth.type, 'application_credential');
  t.end();
});

t.test('the password token body names user and project with their domains', (t) => {
  t.same(tokenRequestBody(resolveCloud('platform', env, dir)), {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: 'platform', domain: { name: 'Default' }, password: 'from-secure-yaml' } },
      },
      scope: { project: { name: 'platform', domain: { name: 'Default' } } },
    },
  });
  t.end();
});

t.test('an application credential body has no scope (the credential carries its project)', (t) => {
  t.same(tokenRequestBody(resolveCloud('ci', env, dir)), {
    auth: { identity: { methods: ['application_credential'], application_credential: { id: 'ac-1', secret: 's3cr3t' } } },
  });
  t.end();
});

t.test('a token body re-scopes an existing token', (t) => {
  const cloud = resolveCloud(
    undefined,
    { OS_AUTH_URL: 'http://k:5000', OS_TOKEN: 'tok', OS_AUTH_TYPE: 'v3token', OS_PROJECT_ID: 'p-1' },
    dir,
  );
  t.same(tokenRequestBody(cloud), { auth: { identity: { methods: ['token'], token: { id: 'tok' } }, scope: { project: { id: 'p-1' } } } });
  t.end();
});

t.test('OS_* variables make a cloud when no name is given', (t) => {
  const cloud = resolveCloud(
    undefined,
    {
      OS_AUTH_URL: 'http://k:5000/v3',
      OS_USERNAME: 'u',
      OS_PASSWORD: 'p',
      OS_PROJECT_ID: 'p-1',
      OS_REGION_NAME: 'R',
      OS_CACERT: '/ca.pem',
    },
    dir,
  );
  t.equal(cloud.source, 'OS_* environment');
  t.same(cloud.scope, { kind: 'project', id: 'p-1', name: undefined, domainName: undefined, domainId: undefined });
  t.equal(cloud.caFile, '/ca.pem');
  t.end();
});

t.test('unusable configuration is refused naming the cloud, the file and the key', (t) => {
  t.throws(
    () => resolveCloud('broken', env, dir),
    new CloudConfigError(`cloud "broken" in ${join(dir, 'clouds.yaml')}: auth.password is required for password auth`),
  );
  t.throws(
    () => resolveCloud('nowhere', env, dir),
    new CloudConfigError(`cloud "nowhere" is not in ${join(dir, 'clouds.yaml')} (it has: platform, ci, broken)`),
  );
  t.throws(() => resolveCloud(undefined, {}, dir), CloudConfigError);
  t.end();
});

t.test('a clouds.yaml with a YAML error on its password line is refused by line and column, the line itself not shown', (t) => {
  const file = join(dir, 'bad-clouds.yaml');
  writeFileSync(file, 'clouds:\n  x:\n    auth:\n      username: u\n      password: "hunter2-secret\n      auth_url: http://k\n');
  const err = t.throws(() => resolveCloud('x', { OS_CLIENT_CONFIG_FILE: file }, dir)) as Error;
  t.type(err, CloudConfigError);
  t.match(err.message, `${file} is not valid YAML: line 7, column 1: Missing closing "quote (MISSING_CHAR`);
  t.notMatch(err.message, 'hunter2', 'the password is not in the message');
  t.notMatch(err.message, '\n', 'one line');
  t.end();
});

t.test('a half-set OS_* environment names the missing variable and the ones set, never their values', (t) => {
  t.throws(
    () => resolveCloud(undefined, { OS_USERNAME: 'u', OS_PASSWORD: 'hunter2' }, dir),
    new CloudConfigError(
      'OS_* environment: OS_AUTH_URL is not set (OS_USERNAME, OS_PASSWORD are): set it, or OS_CLOUD to a cloud in clouds.yaml',
    ),
  );
  t.throws(
    () => resolveCloud(undefined, { OS_AUTH_URL: 'http://k', OS_USERNAME: 'u', OS_PROJECT_ID: 'p' }, dir),
    new CloudConfigError('OS_* environment: OS_PASSWORD is required for password auth'),
  );
  t.end();
});

t.test("password auth with no project is refused instead of scoping to the user's default project", (t) => {
  t.throws(
    () => resolveCloud(undefined, { OS_AUTH_URL: 'http://k', OS_USERNAME: 'u', OS_PASSWORD: 'hunter2' }, dir),
    new CloudConfigError(
      "OS_* environment: no project: set OS_PROJECT_NAME (with OS_PROJECT_DOMAIN_NAME) or OS_PROJECT_ID; without one Keystone would pick the user's default project",
    ),
  );
  t.end();
});

t.test("an endpoint override replaces the catalog's endpoint for its service (clouds.yaml and OS_*)", (t) => {
  const token = tokenWith([{ type: 'image', name: 'glance', endpoints: [{ interface: 'public', url: 'http://glance:9292/' }] }]);
  const env = { OS_AUTH_URL: 'http://k', OS_USERNAME: 'u', OS_PASSWORD: 'p', OS_PROJECT_ID: 'p' };
  t.equal(findEndpoint(token, 'image', resolveCloud(undefined, env, dir)), 'http://glance:9292', 'the catalog by default');
  const overridden = resolveCloud(undefined, { ...env, OS_IMAGE_ENDPOINT_OVERRIDE: 'http://proxy:8080/' }, dir);
  t.equal(findEndpoint(token, 'image', overridden), 'http://proxy:8080', 'OS_IMAGE_ENDPOINT_OVERRIDE');
  const file = join(dir, 'override.yaml');
  writeFileSync(
    file,
    'clouds:\n  o:\n    image_endpoint_override: http://proxy:8081\n    auth:\n      auth_url: http://k\n      token: x\n      project_id: p\n',
  );
  t.equal(
    findEndpoint(token, 'image', resolveCloud('o', { OS_CLIENT_CONFIG_FILE: file }, dir)),
    'http://proxy:8081',
    'a clouds.yaml cloud',
  );
  t.end();
});

t.test('URLs: the identity root gains /v3 once; list filters become Glance query parameters', (t) => {
  t.equal(identityRoot('http://k:5000'), 'http://k:5000/v3');
  t.equal(identityRoot('http://k:5000/v3/'), 'http://k:5000/v3');
  t.equal(
    listImagesUrl('http://g:9292/', { visibility: 'all', memberStatus: 'all', osHidden: true, tags: ['a', 'b'], limit: 2 }),
    'http://g:9292/v2/images?visibility=all&member_status=all&tag=a&tag=b&os_hidden=true&limit=2',
  );
  t.end();
});

t.test('a region picks its endpoint; one the catalog lacks is said with the regions it has', (t) => {
  const token = tokenWith([
    {
      type: 'image',
      name: 'glance',
      endpoints: [
        { interface: 'public', url: 'http://one:9292', region_id: 'RegionOne' },
        { interface: 'public', url: 'http://two:9292', region_id: 'RegionTwo' },
        { interface: 'internal', url: 'http://three:9292', region_id: 'RegionThree' },
      ],
    },
  ]);
  const env = { OS_AUTH_URL: 'http://k', OS_USERNAME: 'u', OS_PASSWORD: 'p', OS_PROJECT_ID: 'p' };
  const inRegion = (region: string) => ({ ...resolveCloud(undefined, env, dir), regionName: region });
  t.equal(findEndpoint(token, 'image', inRegion('RegionTwo')), 'http://two:9292', "the region's endpoint");
  t.throws(
    () => findEndpoint(token, 'image', inRegion('RegionThree')),
    { message: /no public image endpoint in region RegionThree \(its regions: RegionOne, RegionTwo\)$/ },
    'a region without an endpoint of the interface: the regions that have one',
  );
  t.end();
});
