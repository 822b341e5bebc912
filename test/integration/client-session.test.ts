import t from 'tap';
import { listImages } from '../../provider/client/images.js';
import { identityRoot } from '../../provider/client/keystone.js';
import { Session } from '../../provider/client/session.js';
import { lab } from '../helpers/lab.js';

process.env['OS_CLIENT_CONFIG_FILE'] = lab().clouds;

t.test('ten concurrent calls on a new session issue one token between them', async (t) => {
  const session = Session.forCloud('appteam');
  t.teardown(() => session.close());
  const tokens = await Promise.all(Array.from({ length: 10 }, () => session.token()));
  t.equal(new Set(tokens.map((tok) => tok.id)).size, 1, 'one token shared');
  t.equal(session.transport.requests, 1, 'one request to Keystone');
});

t.test('a revoked token is replaced once, transparently, when a call gets 401', async (t) => {
  const session = Session.forCloud('appteam');
  t.teardown(() => session.close());
  const first = await session.token();
  // Revoke it behind the session's back (a user may revoke its own token: Identity v3 "Revoke token").
  const revoked = await fetch(`${identityRoot(session.config.authUrl)}/auth/tokens`, {
    method: 'DELETE',
    headers: { 'x-auth-token': first.id, 'x-subject-token': first.id },
  });
  t.equal(revoked.status, 204, 'the token is revoked');
  const before = session.transport.requests;
  const images = [];
  for await (const image of listImages(session, { limit: 1 })) images.push(image);
  t.not((await session.token()).id, first.id, 'the session now holds a new token');
  // 401 + new token + the same page again, then any further pages.
  t.ok(session.transport.requests - before >= 3, 'the call was repeated after one re-authentication');
});
