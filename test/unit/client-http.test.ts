/**
 * The transport against local HTTP(S) servers: accepted statuses, bounded retries of idempotent calls on 5xx,
 * never a retried POST, and TLS with a CA bundle or `insecure`.
 */
import { execFileSync } from 'node:child_process';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import t from 'tap';
import { ImageServiceError } from '../../provider/client/errors.js';
import { Transport } from '../../provider/client/http.js';
import { scratchDir } from '../helpers/lab.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createHttp(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

t.test('a GET answered 503 twice is retried and succeeds; the count shows three requests', async (t) => {
  let calls = 0;
  const server = await serve((_req, res) => {
    calls += 1;
    res.writeHead(calls <= 2 ? 503 : 200, { 'content-type': 'application/json' }).end(calls <= 2 ? '{"message": "busy"}' : '{"ok": true}');
  });
  t.teardown(server.close);
  const transport = new Transport({ minBackoffMs: 1 });
  t.teardown(() => transport.close());
  const reply = await transport.send({ method: 'GET', url: `${server.url}/x`, ok: [200] });
  t.equal(reply.text, '{"ok": true}');
  t.equal(transport.requests, 3);
});

t.test('a POST answered 503 is not retried, and the error carries status, message and request id', async (t) => {
  const server = await serve((_req, res) => {
    res
      .writeHead(503, { 'x-openstack-request-id': 'req-42' })
      .end('<html><body><h1>503 Service Unavailable</h1>try later<br /></body></html>');
  });
  t.teardown(server.close);
  const transport = new Transport({ minBackoffMs: 1 });
  t.teardown(() => transport.close());
  const err = await transport
    .send({ method: 'POST', url: `${server.url}/v2/images`, ok: [201], json: { name: 'x' } })
    .catch((e: unknown) => e);
  t.type(err, ImageServiceError);
  t.equal(transport.requests, 1, 'sent once');
  t.equal((err as Error).message, `POST ${server.url}/v2/images: HTTP 503: 503 Service Unavailable try later (request req-42)`);
});

t.test('a PUT of a stream answered 503 is not retried: a stream cannot be sent twice', async (t) => {
  const server = await serve((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(503).end());
  });
  t.teardown(server.close);
  const transport = new Transport({ minBackoffMs: 1 });
  t.teardown(() => transport.close());
  const err = await transport
    .send({ method: 'PUT', url: `${server.url}/v2/images/x/file`, ok: [204], body: Readable.from([Buffer.from('data')]) })
    .catch((e: unknown) => e);
  t.equal((err as ImageServiceError).status, 503);
  t.equal(transport.requests, 1, 'sent once');
});

t.test('retries stop after the bound', async (t) => {
  const server = await serve((_req, res) => res.writeHead(502).end());
  t.teardown(server.close);
  const transport = new Transport({ minBackoffMs: 1, retries: 2 });
  t.teardown(() => transport.close());
  const err = await transport.send({ method: 'DELETE', url: `${server.url}/v2/images/x`, ok: [204] }).catch((e: unknown) => e);
  t.equal((err as ImageServiceError).status, 502);
  t.equal(transport.requests, 3, 'the first attempt and two retries');
});

t.test('TLS: a self-signed server is refused by default, trusted with its CA bundle, and reached with insecure', async (t) => {
  const dir = scratchDir();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const server = createHttps({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
    res.writeHead(200).end('{}'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => new Promise<void>((r) => server.close(() => r())));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const strict = new Transport({ retries: 0 });
  const trusted = new Transport({ caFile: join(dir, 'cert.pem') });
  const insecure = new Transport({ insecure: true });
  t.teardown(async () => {
    await Promise.all([strict.close(), trusted.close(), insecure.close()]);
  });
  const refused = await strict.send({ method: 'GET', url, ok: [200] }).catch((e: unknown) => e);
  t.equal((refused as ImageServiceError).status, 0, 'no answer: the certificate is not trusted');
  t.equal((await trusted.send({ method: 'GET', url, ok: [200] })).status, 200, 'trusted through the CA bundle');
  t.equal((await insecure.send({ method: 'GET', url, ok: [200] })).status, 200, 'reached with insecure');
});
