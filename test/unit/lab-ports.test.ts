/**
 * The lab's readiness probe: a port Node's fetch refuses outright (the fetch standard's bad ports) is said at once,
 * naming it, instead of a service that never answers; a port where nothing listens is only "not yet".
 */
import { createServer, type AddressInfo } from 'node:net';
import t from 'tap';
import { answers } from '../../scripts/lab-settings.js';

t.test("a bad port of the fetch standard is refused with the reason; a closed port just doesn't answer", async (t) => {
  await t.rejects(
    answers('http://127.0.0.1:5060/v3'),
    /5060\/v3: Node's fetch refuses this port .* choose another IMAGE_CATALOG_LAB_\*_PORT/,
  );
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  t.equal(await answers(`http://127.0.0.1:${String(port)}/`, 500), false);
});
