/**
 * One StorageBackend create in a process of its own, as two stacks (or tofu's parallel `store apply` processes)
 * run them: `node --import tsx test/helpers/store-apply.ts '<inputs JSON>' <creator URN>`. Prints one JSON line,
 * `{"ok":true}` or `{"ok":false,"message":...}`, and exits 0 or 1.
 */
import { Session } from '../../provider/client/session.js';
import { applyStoreResource } from '../../provider/resources/store/store.js';
import { lab } from './lab.js';

const [raw = '{}', creator = ''] = process.argv.slice(2);
const inputs = JSON.parse(raw) as { id: string };
process.env['OS_CLIENT_CONFIG_FILE'] = lab().clouds;
const admin = Session.forCloud('admin');
try {
  await applyStoreResource(admin, inputs.id, inputs, { create: true, creator });
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
} catch (err) {
  process.stdout.write(`${JSON.stringify({ ok: false, message: (err as Error).message })}\n`);
  process.exitCode = 1;
} finally {
  await admin.close();
}
