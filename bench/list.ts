/**
 * `npm run bench -- list`: 2,000 images listed through provider/client (a process that authenticates and
 * follows `next` with pages of 1,000) vs `openstack image list` (the reference python client), both as the
 * command a user runs, alternating, 5 runs each. Goal: ratio of wall times <= 0.5, one request per page.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createImage } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { median, pool, removeImages, report, round, timeMs } from './lib.js';
import { join } from 'node:path';

const record = readLabRecord();
if (record === undefined) throw new Error('the lab is not up: npm run lab -- up');
process.env['OS_CLIENT_CONFIG_FILE'] = record.clouds;
const count = 2000;
const tag = `bench-list-${randomBytes(4).toString('hex')}`;
const session = Session.forCloud('platform');

const ids: string[] = [];
process.stdout.write(`creating ${count} image records tagged ${tag} ...\n`);
await pool(
  Array.from({ length: count }, (_, i) => i),
  8,
  async (i) => {
    ids.push((await createImage(session, { name: `${tag}-${i}`, disk_format: 'raw', container_format: 'bare', tags: [tag] })).id);
  },
);
let result: Parameters<typeof report>[0];
try {
  const ours: number[] = [];
  const reference: number[] = [];
  let requests = 0;
  for (let run = 0; run < 5; run++) {
    let seen = 0;
    ours.push(
      timeMs(() => {
        const out = execFileSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', 'workers', 'list.ts'), 'platform', tag], {
          encoding: 'utf8',
        });
        const result = JSON.parse(out.trim()) as { images: number; requests: number };
        seen = result.images;
        requests = result.requests;
      }),
    );
    if (seen !== count) throw new Error(`the client listed ${seen} images, not ${count}`);
    let listed = 0;
    reference.push(
      timeMs(() => {
        const out = execFileSync('openstack', ['--os-cloud', 'platform', 'image', 'list', '--tag', tag, '-f', 'value', '-c', 'ID'], {
          encoding: 'utf8',
        });
        listed = out.trim().split('\n').length;
      }),
    );
    if (listed !== count) throw new Error(`openstack listed ${listed} images, not ${count}`);
    process.stdout.write(
      `run ${run + 1}: client ${round(ours.at(-1) ?? 0, 0)} ms (${requests} requests)  openstack ${round(reference.at(-1) ?? 0, 0)} ms\n`,
    );
  }
  const ratio = median(ours) / median(reference);
  result = {
    bench: 'list',
    peer: 'openstack image list (python-openstackclient, same lab)',
    ratio: round(ratio),
    goal: 'wall-time ratio <= 0.5, one request per page',
    images: count,
    client_ms: round(median(ours), 0),
    openstack_ms: round(median(reference), 0),
    client_requests: requests,
    met: ratio <= 0.5 && requests <= 1 + Math.ceil(count / 1000) + 1,
  };
} finally {
  await removeImages(session, ids, tag);
}
// The closing JSON line comes last, after the cleanup's own output.
report(result);
