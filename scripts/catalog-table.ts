/** The table `npm start` and `npm run start:cdktf` end with: the given images as the lab's Image Service has them. */
import { catalogRows, formatTable } from '../provider/cli/table.js';
import { Session } from '../provider/client/session.js';
import type { LabRecord } from './lab-settings.js';

/** Prints the images `ids` as the lab's admin sees them, members named by project. */
export async function printCatalog(record: LabRecord, ids: readonly string[]): Promise<void> {
  process.env['OS_CLIENT_CONFIG_FILE'] = record.clouds;
  const admin = Session.forCloud('admin');
  try {
    const names = Object.fromEntries(Object.entries(record.projects).map(([name, id]) => [id, name]));
    process.stdout.write(`\n${formatTable(await catalogRows(admin, ids, names))}`);
  } finally {
    await admin.close();
  }
}
