/**
 * `npm run bench -- audit`: 10,000 image records in the lab (catalog-like: 500 families of 20 versions, one in
 * twenty named against the convention, one in ten deprecated and still listed, one in ten without its metadata),
 * audited by `image-catalog audit --format json` (the command a user runs: authenticate, list every page, Keystone's
 * role assignments, one Wasm evaluation of the whole snapshot) vs `openstack image list --long` of the same catalog,
 * alternating, 3 runs each. Goal: ratio of wall times <= 0.5 and the audit under 10 s. Also, in this process, where
 * the audit's time goes: the listing, the envelope's schema check and the evaluation.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createImage, imageDocument, snapshotImages } from '../provider/client/images.js';
import { Session } from '../provider/client/session.js';
import { buildAuditEnvelope, checkEnvelope } from '../provider/policy/envelope.js';
import { PolicyEngine } from '../provider/policy/engine.js';
import { readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { median, pool, removeImages, report, round, timeMs } from './lib.js';

const record = readLabRecord();
if (record === undefined) throw new Error('the lab is not up: npm run lab -- up');
process.env['OS_CLIENT_CONFIG_FILE'] = record.clouds;
const count = Number(process.env['IMAGE_CATALOG_BENCH_AUDIT_IMAGES'] ?? 10_000);
const tag = `bench-audit-${randomBytes(3).toString('hex')}`;
const session = Session.forCloud('platform');
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'bench' };

const ids: string[] = [];
let made = 0;
process.stdout.write(`creating ${count} image records tagged ${tag} ...\n`);
await pool(
  Array.from({ length: count }, (_, i) => i),
  16,
  async (i) => {
    const family = `ubuntu-24.04-${tag.slice(-6).replace(/^[0-9]/, 'b')}f${i % 500}`;
    const name = i % 20 === 7 ? `${tag} image ${i}` : `${family}-v1.${Math.floor(i / 500)}`;
    const properties = i % 10 === 3 ? {} : { ...metadata, ...(i % 10 === 1 ? { deprecated: 'true' } : {}) };
    const image = await createImage(session, {
      name,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'shared',
      tags: [tag],
      ...properties,
    });
    ids.push(image.id);
    if (++made % 1000 === 0) process.stdout.write(`  ${made} made\n`);
  },
);
let result: Parameters<typeof report>[0];
try {
  const ours: number[] = [];
  const reference: number[] = [];
  let findings = 0;
  let seen = 0;
  for (let run = 0; run < 3; run++) {
    ours.push(
      timeMs(() => {
        try {
          execFileSync(process.execPath, [join(repoRoot, 'bin', 'image-catalog.js'), 'audit', '--cloud', 'platform', '--format', 'json'], {
            encoding: 'utf8',
            maxBuffer: 512 * 1024 * 1024,
          });
        } catch (err) {
          // Exit 1: mandatory findings (the bench's catalog has them by design).
          const out = (err as { status?: number; stdout?: string }).stdout;
          if ((err as { status?: number }).status !== 1 || out === undefined) throw err;
          const parsed = JSON.parse(out) as { images: number; findings: unknown[] };
          findings = parsed.findings.length;
          seen = parsed.images;
        }
      }),
    );
    let listed = 0;
    reference.push(
      timeMs(() => {
        const out = execFileSync('openstack', ['--os-cloud', 'platform', 'image', 'list', '--long', '-f', 'value', '-c', 'ID'], {
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
        });
        listed = out.trim().split('\n').length;
      }),
    );
    if (seen < count) throw new Error(`the audit saw ${seen} images, not at least ${count}`);
    if (listed < count) throw new Error(`openstack listed ${listed} images, not at least ${count}`);
    process.stdout.write(
      `run ${run + 1}: audit ${round(ours.at(-1) ?? 0, 0)} ms (${seen} images, ${findings} findings)  openstack image list --long ${round(reference.at(-1) ?? 0, 0)} ms (${listed})\n`,
    );
  }
  // Where the audit's time goes, in this process (the engine loaded first, as the command loads it beside the listing).
  const engine = await PolicyEngine.load();
  const listStart = process.hrtime.bigint();
  const documents = (await snapshotImages(session, 1000)).map(imageDocument);
  const listMs = Number(process.hrtime.bigint() - listStart) / 1e6;
  const envelope = buildAuditEnvelope(await session.identity(), documents, {});
  const checkMs = timeMs(() => void checkEnvelope(envelope));
  const evaluateMs = timeMs(() => void engine.evaluate(envelope));
  const ratio = median(ours) / median(reference);
  result = {
    bench: 'audit',
    peer: 'openstack image list --long (python-openstackclient, same lab, same catalog)',
    ratio: round(ratio),
    goal: 'wall-time ratio <= 0.5, and the audit of 10,000 images under 10 s',
    images: seen,
    findings,
    audit_ms: round(median(ours), 0),
    openstack_ms: round(median(reference), 0),
    phases_ms: { list: round(listMs, 0), schema_check: round(checkMs, 0), evaluate: round(evaluateMs, 0) },
    met: ratio <= 0.5 && median(ours) < 10_000,
  };
} finally {
  await removeImages(session, ids, tag, 16);
}
// The closing JSON line comes last, after the cleanup's own output.
report(result);
