/**
 * `npm run bench -- regions`: one 1 GiB version published to the lab's two regions (RegionOne and RegionTwo, two
 * glance-apis) by the package's Image resource, one create per region side by side (bench/workers/regions.ts, what
 * the provider plugin runs for a VersionLine with `regions`), vs the peer: the same file uploaded to each region
 * with `openstack image create --file` (python-openstackclient), one after the other. Alternating, `RUNS` pairs
 * (default 3); every image checked (the same sha512 in both regions) and deleted after its pair. Ratio: median
 * package time over median peer time. Goal <= 0.65, and the package's peak RSS < 200 MB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { deleteImage, listImages } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { labRegions, readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { median, randomFile, report, round } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 3);
const record = readLabRecord();
if (record === undefined) throw new Error('the lab is not up: npm run lab -- up');
process.env['OS_CLIENT_CONFIG_FILE'] = record.clouds;
const GiB = 1024 ** 3;
const platform = Session.forCloud('platform');
const sessions = labRegions.map((region) => platform.inRegion(region));

/** Deletes every image named `name` in both regions. */
async function remove(name: string): Promise<void> {
  for (const session of sessions) for await (const image of listImages(session, { name })) await deleteImage(session, image.id);
}

function packageRun(name: string, file: string): { seconds: number; hashes: string[]; maxRssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'bench', 'workers', 'regions.ts'), 'platform', name, file, ...labRegions],
    { encoding: 'utf8', env: process.env },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { seconds: number; hashes: string[]; maxRssMb: number };
}

function openstackRun(name: string, file: string): number {
  const t0 = process.hrtime.bigint();
  for (const region of labRegions) {
    const r = spawnSync(
      'openstack',
      [
        '--os-cloud',
        'platform',
        '--os-region-name',
        region,
        'image',
        'create',
        '--disk-format',
        'raw',
        '--container-format',
        'bare',
        '--file',
        file,
        '-f',
        'value',
        '-c',
        'id',
        name,
      ],
      { encoding: 'utf8', env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (r.status !== 0) throw new Error(`openstack image create in ${region} failed: ${r.stderr.trim()}`);
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const file = randomFile('regions', GiB).path;
const pkg: number[] = [];
const peer: number[] = [];
const rss: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const name = `ubuntu-24.04-bench${randomBytes(3).toString('hex')}-v1.0`;
    const made = packageRun(name, file);
    await remove(name);
    if (made.hashes.length !== 2 || made.hashes[0] !== made.hashes[1])
      throw new Error(`the regions differ: ${JSON.stringify(made.hashes)}`);
    pkg.push(made.seconds);
    rss.push(made.maxRssMb);
    const other = `ubuntu-24.04-bench${randomBytes(3).toString('hex')}-v1.0`;
    peer.push(openstackRun(other, file));
    await remove(other);
    process.stdout.write(
      `pair ${String(i + 1)}: package ${round(made.seconds, 1)} s (peak RSS ${round(made.maxRssMb, 0)} MB), openstack image create x2 ${round(peer.at(-1) ?? 0, 1)} s\n`,
    );
  }
} finally {
  rmSync(file, { force: true });
  // A region that is the cloud's own is the platform session itself: each closed once.
  await Promise.all([...new Set([platform, ...sessions])].map((s) => s.close()));
}
const ratio = median(pkg) / median(peer);
const peakRss = Math.max(...rss);
report({
  bench: 'regions',
  peer: 'openstack image create --file (python-openstackclient) to RegionOne, then to RegionTwo, same file, same lab',
  ratio: round(ratio),
  goal: '<= 0.65; peak RSS < 200 MB',
  met: ratio <= 0.65 && peakRss < 200,
  runs,
  package_s: round(median(pkg), 1),
  peer_s: round(median(peer), 1),
  peak_rss_mb: round(peakRss, 0),
  package_runs_s: pkg.map((s) => round(s, 1)),
  peer_runs_s: peer.map((s) => round(s, 1)),
});
