/**
 * The catalog as a table, read from the live Image Service (not from the stack): name, version, the region it was
 * read in, visibility, status, the channels that point at each version, its end of life, and each member with its status.
 */
import { getImage, type ImageWire } from '../client/images.js';
import { listMembers, type MemberWire } from '../client/members.js';
import type { Session } from '../client/session.js';
import { familyKey } from '../policy/envelope.js';
import { isDate, utcToday } from '../resources/day.js';
import { versionText } from '../resources/versionLine.js';

/** One row. */
export interface CatalogRow {
  readonly name: string;
  readonly version: string;
  /** The region the image was read in (a line in several regions has an image of each version in each); `-` when the cloud names none. */
  readonly region: string;
  readonly visibility: string;
  readonly status: string;
  readonly hidden: boolean;
  /** The channels of its line that point at it (tags `<family>@<channel>`), `-` for none. */
  readonly channels: string;
  /** Its `provided_until`, `(past)` after it; `-` when none is declared. */
  readonly endOfLife: string;
  readonly members: string;
}

/** The row of one image (as Glance gives it) and its members (pure). */
export function catalogRow(
  image: ImageWire,
  members: readonly MemberWire[],
  projectNames: Readonly<Record<string, string>> = {},
  today: string = utcToday(),
  region = '-',
): CatalogRow {
  const name = image.name ?? '(no name)';
  const prefix = `${familyKey(name).key}@`;
  const channels = ((image['tags'] as string[] | undefined) ?? [])
    .filter((tag) => tag.startsWith(prefix))
    .map((tag) => tag.slice(prefix.length));
  const until = image['provided_until'];
  return {
    name,
    version: versionText(name),
    region,
    visibility: String(image['visibility']),
    status: image.status + (image['deprecated'] === 'true' ? ' (deprecated)' : ''),
    hidden: image['os_hidden'] === true,
    channels: channels.sort().join(',') || '-',
    endOfLife: typeof until !== 'string' ? '-' : isDate(until) && until < today ? `${until} (past)` : until,
    members: members.map((m) => `${projectNames[m.member_id] ?? m.member_id}:${m.status}`).join(', ') || '-',
  };
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
      const members = image['visibility'] === 'shared' ? await listMembers(session, id) : [];
      return catalogRow(image, members, projectNames, utcToday(), session.config.regionName ?? '-');
    }),
  );
}

/** Plain text, columns padded. */
export function formatTable(rows: readonly CatalogRow[]): string {
  const header = ['NAME', 'VERSION', 'REGION', 'VISIBILITY', 'STATUS', 'HIDDEN', 'CHANNELS', 'END OF LIFE', 'MEMBERS'];
  const cells = rows.map((r) => [
    r.name,
    r.version,
    r.region,
    r.visibility,
    r.status,
    r.hidden ? 'yes' : 'no',
    r.channels,
    r.endOfLife,
    r.members,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line)].join('\n') + '\n';
}
