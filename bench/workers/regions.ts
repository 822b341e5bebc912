/**
 * Child process of bench/regions.ts: creates one image (`name`, raw, file source `file`) with the package's Image
 * resource in each region given, side by side (what the provider plugin runs for a VersionLine's version in two
 * regions: one create per region, in parallel), and prints {"seconds", "ids", "hashes", "maxRssMb"}: in its own
 * process so its peak RSS is the package's alone.
 */
import { Session } from '../../provider/client/session.js';
import { createImageResource } from '../../provider/resources/image/image.js';

const [cloud = 'platform', name = '', file = '', ...regions] = process.argv.slice(2);
const base = Session.forCloud(cloud);
const sessions = regions.map((region) => base.inRegion(region));
await Promise.all(sessions.map((s) => s.token()));
const t0 = process.hrtime.bigint();
const made = await Promise.all(
  sessions.map((session) =>
    createImageResource(session, name, {
      name,
      diskFormat: 'raw',
      source: { file },
      properties: { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'bench regions' },
    }),
  ),
);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
// A region that is the cloud's own is the base session itself: each closed once.
await Promise.all([...new Set([base, ...sessions])].map((s) => s.close()));
process.stdout.write(
  `${JSON.stringify({
    seconds,
    ids: made.map((m) => m.outputs.id),
    hashes: made.map((m) => m.outputs.osHashValue),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
