/**
 * Child process of bench/list.ts: authenticates and lists every image of a tag through provider/client, as a
 * user's command would, and prints {"images", "requests"}.
 */
import { listImages } from '../../provider/client/images.js';
import { Session } from '../../provider/client/session.js';

const [cloud = 'platform', tag = ''] = process.argv.slice(2);
const session = Session.forCloud(cloud);
let images = 0;
for await (const image of listImages(session, { tags: [tag], limit: 1000 })) if (image.id !== '') images += 1;
process.stdout.write(`${JSON.stringify({ images, requests: session.transport.requests })}\n`);
await session.close();
