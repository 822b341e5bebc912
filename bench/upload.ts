/**
 * `npm run bench -- upload`: 1 GiB uploaded to the lab through provider/client (PUT /file, sha512 computed in the
 * same pass and checked against Glance's os_hash_value) vs `curl -T` to the same URL with the same token,
 * alternating, 5 pairs. Then the client's peak RSS for 1 GiB and 4 GiB (goal: under 150 MB and flat).
 * Goal: throughput ratio client/curl >= 0.95.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createImage, deleteImage, getImage, imageRoot } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { median, randomFile, report, round } from './lib.js';

const record = readLabRecord();
if (record === undefined) throw new Error('the lab is not up: npm run lab -- up');
process.env['OS_CLIENT_CONFIG_FILE'] = record.clouds;
const session = Session.forCloud('platform');
const endpoint = imageRoot(await session.endpoint('image'));
const GiB = 1024 ** 3;

async function freshImage(): Promise<string> {
  return (await createImage(session, { name: `bench-upload-${Date.now()}`, disk_format: 'raw', container_format: 'bare' })).id;
}

function clientUpload(id: string, file: string): { seconds: number; maxRssMb: number; sha512: string } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', 'workers', 'upload.ts'), 'platform', id, file], {
    encoding: 'utf8',
    env: process.env,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { seconds: number; maxRssMb: number; sha512: string };
}

async function curlUpload(id: string, file: string): Promise<number> {
  const token = (await session.token()).id;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    'curl',
    [
      '-sS',
      '-f',
      '-o',
      '/dev/null',
      '-X',
      'PUT',
      '-T',
      file,
      '-H',
      `X-Auth-Token: ${token}`,
      '-H',
      'Content-Type: application/octet-stream',
      `${endpoint}/v2/images/${id}/file`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`curl failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const file = randomFile('upload', GiB);
const pairs: { client: number; curl: number }[] = [];
const rss: number[] = [];
try {
  for (let i = 0; i < 5; i++) {
    const a = await freshImage();
    const client = clientUpload(a, file.path);
    const stored = await getImage(session, a);
    if (client.sha512 !== file.sha512 || stored['os_hash_value'] !== file.sha512)
      throw new Error('sha512 mismatch after the client upload');
    await deleteImage(session, a);
    rss.push(client.maxRssMb);
    const b = await freshImage();
    const curl = await curlUpload(b, file.path);
    await deleteImage(session, b);
    pairs.push({ client: GiB / 1e6 / client.seconds, curl: GiB / 1e6 / curl });
    process.stdout.write(
      `pair ${i + 1}: client ${round(GiB / 1e6 / client.seconds, 1)} MB/s (rss ${round(client.maxRssMb, 1)} MB)  curl ${round(GiB / 1e6 / curl, 1)} MB/s\n`,
    );
  }
} finally {
  rmSync(file.path, { force: true });
}
const big = randomFile('upload', 4 * GiB);
let rss4: number;
try {
  const id = await freshImage();
  const r = clientUpload(id, big.path);
  if (r.sha512 !== big.sha512) throw new Error('sha512 mismatch for 4 GiB');
  await deleteImage(session, id);
  rss4 = r.maxRssMb;
  process.stdout.write(`4 GiB: client ${round((4 * GiB) / 1e6 / r.seconds, 1)} MB/s, peak RSS ${round(rss4, 1)} MB\n`);
} finally {
  rmSync(big.path, { force: true });
}
await session.close();
const clientMBs = median(pairs.map((p) => p.client));
const curlMBs = median(pairs.map((p) => p.curl));
const rss1 = Math.max(...rss);
report({
  bench: 'upload',
  peer: 'curl -T (PUT /file, same lab, same token)',
  ratio: round(clientMBs / curlMBs),
  goal: 'throughput ratio >= 0.95 with sha512 verified; peak RSS < 150 MB for 1 GiB and 4 GiB',
  client_mb_s: round(clientMBs, 1),
  curl_mb_s: round(curlMBs, 1),
  pairs: pairs.length,
  peak_rss_mb_1gib: round(rss1, 1),
  peak_rss_mb_4gib: round(rss4, 1),
  met: clientMBs / curlMBs >= 0.95 && rss1 < 150 && rss4 < 150,
});
