/**
 * Keystone in the middle of a `pulumi up`, against the real lab with 10 s tokens: a run longer than a token's life
 * re-authenticates on its own and completes; Keystone killed while the run is going fails the run once a new
 * token is needed, with the cloud named, nothing made after it, and the next run (Keystone back) converges.
 * The runs are made long by a proxy in front of Glance that holds each upload's answer (clouds.yaml's
 * image_endpoint_override points the provider at it); a counting proxy in front of Keystone sees the token
 * requests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stackOfMark } from '../../provider/resources/mark.js';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { Image } from '../../provider/pulumi/resources.js';
import type { Program, StackTarget } from '../../provider/pulumi/automation.js';
import { labServicePid } from '../../scripts/lab-settings.js';
import { startFaultProxy, type FaultProxy, type Match } from '../helpers/fault-proxy.js';
import { lab, scratchDir, suffix } from '../helpers/lab.js';
import { lab as labRun } from '../helpers/run.js';
import { e2eStack, imageRecords, pulumi as run } from '../helpers/pulumi.js';

const lifetime = 10;
const family = `ubuntu-24.04-t${suffix().slice(0, 6)}`;
const properties = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'tokens' };
const upload: Match = (method, path) => method === 'PUT' && path.endsWith('/file');
/** How long the Glance proxy holds each upload's answer: two uploads outlast a token. */
const holdMs = 6_000;

const short = await labRun(['up'], { ...process.env, IMAGE_CATALOG_LAB_TOKEN_EXPIRATION: String(lifetime) });
t.teardown(async () => {
  await labRun(['up']);
});
const glanceProxy = await startFaultProxy(lab().glanceUrl);
const keystoneProxy = await startFaultProxy(new URL(lab().keystoneUrl).origin);
t.teardown(() => Promise.all([glanceProxy.close(), keystoneProxy.close()]));

const dir = scratchDir();
const data = join(dir, 'data.raw');
writeFileSync(data, Buffer.alloc(1 << 20, 3));

/**
 * A clouds.yaml whose platform cloud reaches Glance through the Glance proxy and, when `countTokens`, Keystone
 * through the Keystone proxy.
 */
function cloudsThroughProxies(countTokens: boolean): string {
  const clouds = parse(readFileSync(lab().clouds, 'utf8')) as {
    clouds: Record<string, { auth: Record<string, string> } & Record<string, unknown>>;
  };
  const platform = clouds.clouds['platform'];
  if (platform === undefined) throw new Error('the lab has no platform cloud');
  platform['image_endpoint_override'] = glanceProxy.url;
  if (countTokens) platform.auth['auth_url'] = `${keystoneProxy.url}${new URL(platform.auth['auth_url'] ?? '').pathname}`;
  const file = join(dir, `clouds-${countTokens ? 'counted' : 'direct'}.yaml`);
  writeFileSync(file, stringify(clouds), { mode: 0o600 });
  return file;
}

/** Images `<prefix>-v<version>`, each created after the one before it (dependsOn), so that the run takes turns. */
function chain(prefix: string, versions: readonly string[]): Program {
  return () => {
    let before: Image | undefined;
    for (const version of versions) {
      before = new Image(
        `v${version}`,
        { name: `${prefix}-v${version}`, diskFormat: 'raw', visibility: 'shared', source: { file: data }, properties },
        { dependsOn: before === undefined ? [] : [before] },
      );
    }
    return Promise.resolve({});
  };
}

async function stackThrough(prefix: string, clouds: string): Promise<StackTarget> {
  const target = await e2eStack(prefix);
  return { ...target, env: { ...target.env, OS_CLIENT_CONFIG_FILE: clouds } };
}

const tokenRequests = (proxy: FaultProxy): number => proxy.seen.filter((s) => s === 'POST /v3/auth/tokens').length;

t.test('a run longer than a token lives: the provider re-authenticates on its own and the run completes', async (t) => {
  t.equal(short.code, 0, `the lab is up with ${lifetime} s tokens`, { output: short.stderr });
  const prefix = `${family}-a`;
  const target = await stackThrough(prefix, cloudsThroughProxies(true));
  glanceProxy.add({ kind: 'delay', ms: holdMs, match: upload });
  t.teardown(() => glanceProxy.clear());
  const started = Date.now();
  const outcome = await run(target, 'up', chain(prefix, ['1.0', '1.1']));
  const seconds = Math.round((Date.now() - started) / 1000);
  t.ok(outcome.ok, `the run completes (${seconds} s, tokens live ${lifetime} s)`, { output: outcome.text });
  t.same(
    (await imageRecords(prefix)).map((i) => [i.name, i.status]),
    [
      [`${prefix}-v1.0`, 'active'],
      [`${prefix}-v1.1`, 'active'],
    ],
    'both images made',
  );
  const tokens = tokenRequests(keystoneProxy);
  const calls = glanceProxy.seen.length;
  t.ok(tokens >= 2, `a token was issued again during the run (${tokens} token requests)`);
  t.ok(tokens * 3 < calls, `not one per call (${tokens} token requests for ${calls} Glance requests)`);
});

t.test(
  'Keystone killed during a run: the run fails naming the cloud once a token is needed, nothing is made after it; the next run converges',
  async (t) => {
    const prefix = `${family}-b`;
    const target = await stackThrough(prefix, cloudsThroughProxies(false));
    const versions = ['1.0', '1.1', '1.2'];
    glanceProxy.add({ kind: 'delay', ms: holdMs, match: upload });
    let killed = false;
    glanceProxy.watch((method, path) => {
      if (killed || !upload(method, path)) return;
      killed = true;
      process.kill(-labServicePid('keystone'), 'SIGKILL');
    });
    let outcome;
    try {
      outcome = await run(target, 'up', chain(prefix, versions));
    } finally {
      glanceProxy.clear();
      const back = await labRun(['up'], { ...process.env, IMAGE_CATALOG_LAB_TOKEN_EXPIRATION: String(lifetime) });
      t.equal(back.code, 0, 'Keystone is back', { output: back.stderr });
    }
    t.ok(killed, 'Keystone was killed when the first upload started');
    t.notOk(outcome.ok, 'the run fails');
    t.match(
      outcome.text,
      /cloud "platform" in .*clouds-direct\.yaml: Keystone did not answer: POST http:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens/,
    );
    const left = await imageRecords(prefix);
    // v1.2's create could only begin after two held uploads (2 × holdMs after the kill), longer than any token
    // issued before the kill lives: it needs a new token, and none can be had.
    t.same(
      left.filter((i) => i.name === `${prefix}-v1.2`),
      [],
      'the image whose create came after the token expired was not begun',
    );
    t.ok(
      left.every((i) => stackOfMark(i.mark) !== undefined),
      `what the run left carries its creator (${left.map((i) => `${i.name} ${i.status}`).join(', ')})`,
    );

    t.comment(`the failed run said:\n${outcome.text}`);

    const said: string[] = [];
    const again = await run(target, 'up', chain(prefix, versions), {
      onEvent: (event) => {
        if (event.diagnosticEvent !== undefined) said.push(event.diagnosticEvent.message);
      },
    });
    t.ok(again.ok, 'the next run succeeds', { output: again.text });
    t.same(
      (await imageRecords(prefix)).map((i) => [i.name, i.status]),
      versions.map((v) => [`${prefix}-v${v}`, 'active']),
      'one active image per name',
    );
    const leftover = left.find((i) => i.name === `${prefix}-v1.1`);
    if (leftover !== undefined)
      t.match(
        said.join('\n'),
        leftover.status === 'active' ? `Image "v1.1": taking over ` : `Image "v1.1": removing `,
        `the next run says what it did with the ${leftover.status} v1.1 the failed run left`,
      );
  },
);
