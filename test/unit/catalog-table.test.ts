/** The closing table of `npm start`: a row per image with its channels and end of life, read from Glance's record. */
import t from 'tap';
import type { ImageWire } from '../../provider/client/images.js';
import { catalogRow, formatTable } from '../../provider/cli/table.js';

const image = (extra: Record<string, unknown>): ImageWire => ({
  id: 'i',
  name: 'ubuntu-24.04-base-v1.1',
  status: 'active',
  visibility: 'shared',
  os_hidden: false,
  tags: [],
  ...extra,
});

t.test("a row: the channels of the image's own line, its end of life, past ones marked", (t) => {
  const row = catalogRow(
    image({
      tags: ['ubuntu-24.04-base', 'ubuntu-24.04-base@stable', 'ubuntu-24.04-base@latest', 'other-1-base@stable'],
      provided_until: '2027-01-31',
    }),
    [{ member_id: 'p1', status: 'accepted' } as never],
    { p1: 'appteam' },
    '2026-12-07',
  );
  t.match(row, { version: '1.1', channels: 'latest,stable', endOfLife: '2027-01-31', members: 'appteam:accepted' });
  t.match(catalogRow(image({ provided_until: '2026-12-06', deprecated: 'true' }), [], {}, '2026-12-07'), {
    channels: '-',
    endOfLife: '2026-12-06 (past)',
    status: 'active (deprecated)',
  });
  t.equal(catalogRow(image({}), [], {}, '2026-12-07').endOfLife, '-', 'none declared');
  const text = formatTable([row, catalogRow(image({}), [], {}, '2026-12-07', 'RegionTwo')]);
  t.match(text, /^NAME\s+VERSION\s+REGION\s+VISIBILITY\s+STATUS\s+HIDDEN\s+CHANNELS\s+END OF LIFE\s+MEMBERS\n/);
  t.match(text, /ubuntu-24\.04-base-v1\.1\s+1\.1\s+-\s+shared\s+active\s+no\s+latest,stable\s+2027-01-31\s+appteam:accepted/);
  t.match(text, /ubuntu-24\.04-base-v1\.1\s+1\.1\s+RegionTwo\s+shared\s+active\s+no\s+-\s+-\s+-\n/, 'the region it was read in');
  t.end();
});
