/** What the CDKTF gate says of a url it checks a leftover record against, and how it checks (provider/cdktf/marks.ts). */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { holdsUrl, shownUrl } from '../../provider/cdktf/marks.js';

t.test('no credentials and no query (a signed url) in what the gate says', (t) => {
  t.equal(shownUrl('https://user:s3cret@images.example.org/u/1.1.qcow2?X-Amz-Signature=abc'), 'https://images.example.org/u/1.1.qcow2?…');
  t.equal(shownUrl('http://127.0.0.1:8030/cirros.img'), 'http://127.0.0.1:8030/cirros.img');
  t.equal(shownUrl('not a url'), '(a url)');
  t.end();
});

t.test(
  "a leftover holds a url's data when Glance's sha512 of it is the data's the url serves now; else, or no answer, it does not",
  async (t) => {
    const data = randomBytes(3 * 1024 * 1024);
    const sha512 = createHash('sha512').update(data).digest('hex');
    const server = createServer((req, res) => {
      if (req.url === '/image.raw') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(data);
      } else if (req.url === '/silent.raw') {
        // Headers, then nothing: the gate gives up instead of hanging.
        res.writeHead(200);
        res.write(data.subarray(0, 1024));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    t.teardown(() => {
      server.closeAllConnections();
      server.close();
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const image = (hash: string) => ({ id: 'i', status: 'active', os_hash_algo: 'sha512', os_hash_value: hash }) as never;
    t.equal(await holdsUrl(image(sha512), `${base}/image.raw`), true, 'the same data');
    t.equal(await holdsUrl(image('0'.repeat(128)), `${base}/image.raw`), false, 'other data');
    t.equal(await holdsUrl(image(sha512), `${base}/gone.raw`), false, 'a 404');
    t.equal(
      await holdsUrl({ id: 'i', status: 'active', os_hash_algo: 'md5', os_hash_value: 'x' } as never, `${base}/image.raw`),
      false,
      'no sha512',
    );
    const started = Date.now();
    t.equal(await holdsUrl(image(sha512), `${base}/silent.raw`, 500), false, 'a server that stops answering');
    t.ok(Date.now() - started < 5000, 'given up after its timeout, not hung');
    t.equal(await holdsUrl(image(sha512), 'http://127.0.0.1:9/unreachable.raw', 500), false, 'nothing listening');
  },
);
