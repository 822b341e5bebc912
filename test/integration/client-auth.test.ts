/**
 * Authentication paths against the lab's Keystone: application credentials and token auth from OS_* variables,
 * and a token that expires is replaced before it is used (a lab with 30 s tokens).
 */
import t from 'tap';
import { resolveCloud } from '../../provider/client/config.js';
import { listImages } from '../../provider/client/images.js';
import { identityRoot } from '../../provider/client/keystone.js';
import { Session } from '../../provider/client/session.js';
import { lab as labRun } from '../helpers/run.js';
import { cloudAuth, lab, labSession, suffix } from '../helpers/lab.js';

const platform = labSession('platform');

t.test('an application credential from OS_* variables gets a token scoped to its project', async (t) => {
  const token = await platform.token();
  const name = `image-catalog-test-${suffix()}`;
  const made = await fetch(`${identityRoot(platform.config.authUrl)}/users/${token.userId}/application_credentials`, {
    method: 'POST',
    headers: { 'x-auth-token': token.id, 'content-type': 'application/json' },
    body: JSON.stringify({ application_credential: { name } }),
  });
  t.equal(made.status, 201, 'Keystone made an application credential');
  const credential = ((await made.json()) as { application_credential: { id: string; secret: string } }).application_credential;
  t.teardown(async () => {
    await fetch(`${identityRoot(platform.config.authUrl)}/users/${token.userId}/application_credentials/${credential.id}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': (await platform.token()).id },
    });
  });
  const env = {
    OS_AUTH_URL: cloudAuth('platform').auth_url,
    OS_AUTH_TYPE: 'v3applicationcredential',
    OS_APPLICATION_CREDENTIAL_ID: credential.id,
    OS_APPLICATION_CREDENTIAL_SECRET: credential.secret,
  };
  const byId = new Session(resolveCloud(undefined, env));
  t.teardown(() => byId.close());
  t.same(await byId.identity(), { user_id: token.userId, project_id: lab().projects['platform'], roles: ['member', 'reader'] });

  const byName = new Session(
    resolveCloud(undefined, {
      OS_AUTH_URL: env.OS_AUTH_URL,
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_APPLICATION_CREDENTIAL_NAME: name,
      OS_APPLICATION_CREDENTIAL_SECRET: credential.secret,
      OS_USERNAME: 'platform',
      OS_USER_DOMAIN_NAME: 'Default',
    }),
  );
  t.teardown(() => byName.close());
  t.equal((await byName.identity()).project_id, lab().projects['platform'], 'name + user works too');
});

t.test('token auth re-scopes an existing token from OS_TOKEN', async (t) => {
  const token = await platform.token();
  const session = new Session(
    resolveCloud(undefined, {
      OS_AUTH_URL: cloudAuth('platform').auth_url,
      OS_AUTH_TYPE: 'v3token',
      OS_TOKEN: token.id,
      OS_PROJECT_ID: token.projectId ?? '',
    }),
  );
  t.teardown(() => session.close());
  t.equal((await session.identity()).user_id, token.userId);
});

t.test('with 30 s tokens, a token about to expire is replaced before a call and the call goes through', async (t) => {
  const short = await labRun(['up'], { ...process.env, IMAGE_CATALOG_LAB_TOKEN_EXPIRATION: '30' });
  t.equal(short.code, 0, short.stderr);
  t.match(short.stdout, 'lab: keystone: configuration changed, restarting');
  try {
    const session = Session.forCloud('platform', { refreshMarginMs: 10_000 });
    t.teardown(() => session.close());
    const first = await session.token();
    const lifetime = first.expiresAt.getTime() - Date.now();
    t.ok(lifetime <= 31_000 && lifetime > 20_000, `the lab issues 30 s tokens (${Math.round(lifetime / 1000)} s left)`);
    await new Promise((r) => setTimeout(r, lifetime - 8_000));
    const before = session.transport.requests;
    // The list throws if any of its calls is refused: reaching the next line is the call going through.
    const listed = [];
    for await (const image of listImages(session, { limit: 1000 })) listed.push(image.id);
    const second = await session.token();
    t.not(second.id, first.id, 'a new token was issued');
    t.ok(session.transport.requests - before >= 2, 'a token request, then the list');
  } finally {
    const back = await labRun(['up']);
    t.equal(back.code, 0, back.stderr);
  }
});
