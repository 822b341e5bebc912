/**
 * A swift StorageBackend through real `pulumi up` and the provider plugin, its key a Pulumi secret: applied, then a
 * second `up` changes nothing (its options read back with the default authVersion added, in another key order,
 * are the options declared), the key in no state file in the clear; destroyed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import t from 'tap';
import { StorageBackend } from '../../provider/pulumi/index.js';
import { labSwiftAccount } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { lab, suffix } from '../helpers/lab.js';
import { e2eStack, pulumi as run } from '../helpers/pulumi.js';

const id = `sws${suffix().slice(0, 4)}`;
const account = labSwiftAccount(lab());
const program = (): Promise<Record<string, unknown>> => {
  new StorageBackend('swift', {
    cloud: 'admin',
    storeId: id,
    type: 'swift',
    description: 'the lab Swift (e2e)',
    configDir: lab().glanceConfigDir,
    reloadCommand: [process.execPath, '--import', import.meta.resolve('tsx'), join(repoRoot, 'scripts', 'lab.ts'), 'up'],
    options: {
      authAddress: account.authAddress,
      user: account.user,
      key: pulumi.secret(account.key),
      container: id,
      createContainerOnPut: true,
    },
  });
  return Promise.resolve({});
};

t.test(
  'a swift store applied through the plugin settles: a second up changes nothing; its key never in the clear in the state',
  async (t) => {
    const target = await e2eStack(`store-${id}`);
    const made = await run(target, 'up', program);
    t.ok(made.ok, 'the store is applied', { output: made.text });
    const again = await run(target, 'up', program);
    t.ok(again.ok, 'a second up succeeds', { output: again.text });
    t.same(Object.keys(again.changes), ['same'], 'and changes nothing (no reload of glance-api)', { changes: again.changes });
    const files = readdirSync(target.stateDir ?? '', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    t.ok(files.length > 0, 'the state has files');
    t.notOk(
      files.some((f) => readFileSync(join(target.stateDir ?? '', f), 'utf8').includes(account.key)),
      'the key is in no state file in the clear (a Pulumi secret: encrypted)',
    );
    const down = await run(target, 'destroy', program);
    t.ok(down.ok, 'destroyed', { output: down.text });
  },
);
