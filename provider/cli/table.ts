/**
 * The catalog as a table, read from the live Image Service (not from the stack): name, version, visibility,
 * status, and each member with its status.
 */
import { getImage } from '../client/images.js';
import { listMembers } from '../client/members.js';
import type { Session } from '../client/session.js';

/** One row. */
export interface CatalogRow {
  readonly name: string;
  readonly version: string;
  readonly visibility: string;
  readonly status: string;
  readonly hidden: boolean;
  readonly members: string;
}

/** Reads each image (by id) and its members; `projectNames` turns project ids into names where known. */
export async function catalogRows(
  session: Session,
  imageIds: readonly string[],
  projectNames: Readonly<Record<string, string>> = {},
): Promise<CatalogRow[]> {
  return Promise.all(
    imageIds.map(async (id) => {
      const image = await getImage(session, id);
      const name = image.name ?? '(no name)';
      const members = image['visibility'] === 'shared' ? await listMembers(session, id) : [];
      return {
        name,
        version: /-v(\d+\.\d+)$/.exec(name)?.[1] ?? '',
        visibility: String(image['visibility']),
        status: image.status + (image['deprecated'] === 'true' ? ' (deprecated)' : ''),
        hidden: image['os_hidden'] === true,
        members: members.map((m) => `${projectNames[m.member_id] ?? m.member_id}:${m.status}`).join(', ') || '-',
      };
    }),
  );
}

/** Plain text, columns padded. */
export function formatTable(rows: readonly CatalogRow[]): string {
  const header = ['NAME', 'VERSION', 'VISIBILITY', 'STATUS', 'HIDDEN', 'MEMBERS'];
  const cells = rows.map((r) => [r.name, r.version, r.visibility, r.status, r.hidden ? 'yes' : 'no', r.members]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}
