/**
 * Child process of bench/upload.ts: uploads one file to one image through provider/client and prints
 * {"seconds", "bytes", "sha512", "maxRssMb"} — in its own process so its peak RSS is the client's alone.
 */
import { uploadImageData } from '../../provider/client/data.js';
import { Session } from '../../provider/client/session.js';

const [cloud = 'platform', id = '', file = ''] = process.argv.slice(2);
const session = Session.forCloud(cloud);
await session.token();
const t0 = process.hrtime.bigint();
const sent = await uploadImageData(session, id, { path: file });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
await session.close();
process.stdout.write(
  `${JSON.stringify({ seconds, bytes: sent.bytes, sha512: sent.sha512, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
