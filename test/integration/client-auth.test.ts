/**
 * Authentication paths against the lab's Keystone: application credentials and token auth from OS_* variables,
 * a token that expires is replaced before it is used (a lab with 30 s tokens), and a refusal or a Keystone that
 * does not answer is said with the cloud and its file, never the secret.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    // The default margin is a tenth of the token's life (3 s here), not 60 s (which would be a token per call).
    const byDefault = Session.forCloud('platform');
    t.teardown(() => byDefault.close());
    const kept = await byDefault.token();
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
    t.equal((await byDefault.token()).id, kept.id, 'a session with the default margin still holds its first token');
    t.ok(session.transport.requests - before >= 2, 'a token request, then the list');
  } finally {
    const back = await labRun(['up']);
    t.equal(back.code, 0, back.stderr);
  }
});

t.test('a wrong password is refused naming the cloud, its file and the user, never the password', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-auth-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'clouds.yaml');
  const auth = cloudAuth('platform');
  const wrong = `wrong-${suffix()}`;
  writeFileSync(
    file,
    `clouds:\n  mistyped:\n    auth:\n      auth_url: ${auth.auth_url}\n      username: platform\n      password: ${wrong}\n` +
      '      project_name: platform\n      user_domain_name: Default\n      project_domain_name: Default\n',
  );
  const session = new Session(resolveCloud('mistyped', { OS_CLIENT_CONFIG_FILE: file }, dir));
  t.teardown(() => session.close());
  const err = (await session.identity().then(
    () => undefined,
    (e: unknown) => e,
  )) as Error | undefined;
  t.ok(err instanceof Error, 'the token request fails');
  t.match(err?.message, `cloud "mistyped" in ${file}: Keystone refused the credentials (password of user platform): check them: POST `);
  t.match(err?.message, 'HTTP 401');
  t.notMatch(err?.message, wrong, 'the password is not in the message');
});

t.test('a Keystone that does not answer is said with the cloud, after bounded retries', async (t) => {
  const session = new Session(
    resolveCloud(undefined, {
      OS_AUTH_URL: 'http://127.0.0.1:9/v3',
      OS_USERNAME: 'platform',
      OS_PASSWORD: 'unused',
      OS_PROJECT_NAME: 'platform',
      OS_PROJECT_DOMAIN_NAME: 'Default',
    }),
  );
  t.teardown(() => session.close());
  const err = (await session.identity().then(
    () => undefined,
    (e: unknown) => e,
  )) as Error | undefined;
  t.match(err?.message, /^OS_\* environment: Keystone did not answer: POST http:\/\/127\.0\.0\.1:9\/v3\/auth\/tokens: no answer/);
  t.equal(session.transport.requests, 4, 'the first try and 3 retries');
});
