/**
 * No secret leaves where it belongs: a stack applied with its credentials in the secret stack config
 * (image-catalog:clouds) and a property marked secret, with Pulumi's log at -v=9 (engine and provider, flowed to
 * stderr), then a run with a wrong password. Grepped: the captured log and output, the error messages, the state
 * files and the stack config file. Looked for (test/helpers/secrets.ts): every password of the lab, any Keystone
 * token, the secret value. The pull-request check's outputs are grepped where it runs (e2e catalog and cdktf), the
 * CDKTF synth, plan and state files by the cdktf test.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { Image } from '../../provider/pulumi/resources.js';
import { repoRoot } from '../../scripts/tools.js';
import { lab, suffix } from '../helpers/lab.js';
import { e2eStack, pulumi as run } from '../helpers/pulumi.js';
import { filesText, labSecrets as allLabSecrets, leaks } from '../helpers/secrets.js';

const family = `ubuntu-24.04-z${suffix().slice(0, 6)}`;
const labSecrets = allLabSecrets();
/**
 * The log with the lines of Pulumi's Node SDK that print an RPC's whole response set apart: at debug level
 * (-v=9) @pulumi/pulumi's runtime/resource.js logs `RegisterResource RPC finished: ... resp: <the response>`, secret
 * outputs unwrapped from nothing (Pulumi's, in the program's process, whatever the provider). They are still
 * searched for passwords and tokens; a secret property in them is Pulumi's to fix, and the docs say so.
 */
function sdkApart(text: string): { sdk: string; rest: string } {
  const lines = text.split('\n');
  const sdk = (line: string): boolean => / RPC finished: /.test(line);
  return { sdk: lines.filter(sdk).join('\n'), rest: lines.filter((line) => !sdk(line)).join('\n') };
}

t.test('no password, token or secret property in the log at -v=9, the output, the errors, the state or the stack config', async (t) => {
  const target = await e2eStack(family);
  const clouds = readFileSync(lab().clouds, 'utf8');
  const bare = { ...target, env: { ...target.env, OS_CLIENT_CONFIG_FILE: join(target.cwd, 'no-such-clouds.yaml') } };
  await (await openStack(bare)).setConfig('image-catalog:clouds', { value: clouds, secret: true });
  const secret = `classified-${suffix()}`;
  const dir = join(repoRoot, 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${family}.raw`);
  writeFileSync(file, Buffer.alloc(65536, 7));
  const program = (versions: readonly string[]) => () => {
    for (const version of versions)
      new Image(`v${version}`, {
        name: `${family}-v${version}`,
        diskFormat: 'raw',
        visibility: 'shared',
        source: { file },
        properties: {
          os_distro: 'ubuntu',
          os_version: '24.04',
          hw_disk_bus: 'virtio',
          hw_vif_model: 'virtio',
          description: pulumi.secret(secret),
        },
      });
    return Promise.resolve({});
  };
  let log = '';
  const up = await run(bare, 'up', program(['1.0']), { log: { verbosity: 9, onText: (text) => (log += text) } });
  t.ok(up.ok, 'the stack is applied', { output: up.text });
  t.ok(log.length > 10_000, `the -v=9 log was captured (${log.length} characters)`);

  // A wrong password: the error says which cloud, never the password.
  const wrong = `wrong-${suffix()}`;
  await (
    await openStack(bare)
  ).setConfig('image-catalog:clouds', { value: clouds.replace(/password: \S+/g, `password: ${wrong}`), secret: true });
  let failedLog = '';
  // A preview with a new version: its create is decided with a token of the configured cloud.
  const failed = await run(bare, 'preview', program(['1.0', '1.1']), { log: { verbosity: 9, onText: (text) => (failedLog += text) } });
  t.notOk(failed.ok, 'a wrong password fails the run');
  t.match(failed.text, 'Keystone refused the credentials', 'and says so');

  const stateDir = target.stateDir ?? '';
  const state = filesText(stateDir);
  const stackFile = readFileSync(join(target.cwd, `Pulumi.${target.stack}.yaml`), 'utf8');
  const secrets = [...labSecrets, wrong, secret];
  const logs = sdkApart(log + failedLog);
  t.same(
    [
      ...leaks('the -v=9 logs', logs.rest, secrets),
      ...leaks("the -v=9 logs' Pulumi SDK RPC lines", logs.sdk, [...labSecrets, wrong]),
      ...leaks('the run errors', up.text + failed.text, secrets),
      ...leaks('the state files', state, secrets),
      ...leaks('the stack config file', stackFile, secrets),
    ],
    [],
    'no secret found anywhere',
  );
  const shown = logs.sdk.split('\n').filter((line) => line.includes(secret)).length;
  t.comment(`Pulumi's Node SDK printed the secret property in ${shown} debug line(s) of its own (RPC responses; see docs/pulumi.md)`);
});
