/**
 * `npm run bench -- resolve`: a consumer finding the current image of a line of 2,000 versions in the lab.
 *
 * - `image-catalog resolve <line> --owner <project>` (the installed package's form: dist/, compiled first), one
 *   Glance request for the channel's tag, vs `openstack image list --tag <line> --sort created_at:desc --limit 1`
 *   (python-openstackclient, the way a line's newest image is found without channels), both as the command a user
 *   runs, alternating, RUNS runs each (default 5). Goal: ratio of wall times <= 0.5. Both must give the same id.
 * - `getImage` inside a `pulumi preview` (Automation API, the real plugin): a program that only configures the
 *   provider vs the same program calling getImage through it, alternating; the added time is the difference of
 *   the medians. Goal: <= 50 ms (`invoke` in the JSON line).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createImage, deleteImage } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { openStack, runStack, type Program } from '../provider/pulumi/automation.js';
import { getImage, Provider } from '../provider/pulumi/index.js';
import { labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { locateTool, repoRoot } from '../scripts/tools.js';
import { benchProject, median, pool, report, round, timeMs } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 5);
const count = 2000;
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm run lab -- up');
process.env['OS_CLIENT_CONFIG_FILE'] = lab.clouds;
const pulumiTool = await locateTool('pulumi');
if (!pulumiTool.ok) throw new Error(`pulumi is needed: ${pulumiTool.reason}`);
const family = `ubuntu-24.04-br${randomBytes(3).toString('hex')}`;
const session = Session.forCloud('platform');
const owner = (await session.identity()).project_id;

process.stderr.write('resolve: compiling the package (dist/) ...\n');
execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

// 2,000 versions of one line; then the newest, made last (the peer orders by created_at), carrying `latest` as a
// VersionLine leaves it.
const ids: string[] = [];
process.stderr.write(`resolve: creating ${count} versions of ${family} ...\n`);
await pool(
  Array.from({ length: count }, (_, i) => i),
  8,
  async (i) => {
    ids.push((await createImage(session, { name: `${family}-v1.${i}`, disk_format: 'raw', container_format: 'bare', tags: [family] })).id);
  },
);
const latest = await createImage(session, {
  name: `${family}-v2.0`,
  disk_format: 'raw',
  container_format: 'bare',
  tags: [family, `${family}@latest`],
});
ids.push(latest.id);
const latestId = latest.id;

let result: Parameters<typeof report>[0];
const dir = mkdtempSync(join(tmpdir(), 'bench-resolve-'));
try {
  const ours: number[] = [];
  const peer: number[] = [];
  for (let run = 0; run < runs; run++) {
    let found = '';
    ours.push(
      timeMs(() => {
        found = execFileSync(
          process.execPath,
          [join(repoRoot, 'dist', 'cli', 'main.js'), 'resolve', family, '--cloud', 'platform', '--owner', owner],
          {
            encoding: 'utf8',
          },
        ).trim();
      }),
    );
    if (found !== latestId) throw new Error(`image-catalog resolve gave ${found}, not ${latestId}`);
    let listed = '';
    peer.push(
      timeMs(() => {
        listed = execFileSync(
          'openstack',
          [
            '--os-cloud',
            'platform',
            'image',
            'list',
            '--tag',
            family,
            '--sort',
            'created_at:desc',
            '--limit',
            '1',
            '-f',
            'value',
            '-c',
            'ID',
          ],
          { encoding: 'utf8' },
        ).trim();
      }),
    );
    if (listed !== latestId) throw new Error(`openstack image list gave ${listed}, not ${latestId}`);
    process.stderr.write(
      `resolve: run ${run + 1}: image-catalog resolve ${round(ours.at(-1) ?? 0, 0)} ms, openstack ${round(peer.at(-1) ?? 0, 0)} ms\n`,
    );
  }

  // getImage inside a preview: the same program with and without the lookup.
  const target = benchProject(dir, 'consumer', { ...labStackEnv(lab), NODE_PATH: join(repoRoot, 'node_modules') });
  const program =
    (lookup: boolean): Program =>
    async () => {
      const provider = new Provider('platform', { cloud: 'platform' });
      if (!lookup) return {};
      const image = await getImage({ line: family, owner }, { provider });
      return { image: image.id };
    };
  const previews: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let run = 0; run < runs + 1; run++) {
    for (const kind of ['without', 'with'] as const) {
      const stack = await openStack(target, program(kind === 'with'));
      const t0 = process.hrtime.bigint();
      const ran = await runStack(stack, 'preview');
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!ran.ok)
        throw new Error(`pulumi preview (${kind} getImage) failed: ${ran.errors.map((e) => e.message).join('\n')}${ran.failure ?? ''}`);
      // The first round warms the plugin's install and the program's transpile: not counted.
      if (run > 0) previews[kind].push(ms);
      process.stderr.write(
        `resolve: preview round ${run + 1}${run === 0 ? ' (warm-up, not counted)' : ''}: ${kind} getImage ${round(ms, 0)} ms\n`,
      );
    }
  }
  const ratio = median(ours) / median(peer);
  const added = median(previews.with) - median(previews.without);
  result = {
    bench: 'resolve',
    peer: 'openstack image list --tag <line> --sort created_at:desc --limit 1 (python-openstackclient, same lab)',
    ratio: round(ratio),
    goal: 'wall-time ratio <= 0.5',
    versions: count + 1,
    resolve_ms: round(median(ours), 0),
    openstack_ms: round(median(peer), 0),
    met: ratio <= 0.5,
    invoke: {
      peer: 'the same pulumi preview without getImage',
      added_ms: round(added, 0),
      preview_ms: round(median(previews.without), 0),
      ratio: round(median(previews.with) / median(previews.without)),
      goal: 'getImage adds <= 50 ms to a pulumi preview',
      met: added <= 50,
    },
  };
} finally {
  process.stderr.write(`resolve: deleting the ${ids.length} image records ...\n`);
  await pool(ids, 8, (id) => deleteImage(session, id));
  await session.close();
  rmSync(dir, { recursive: true, force: true });
}
report(result);
