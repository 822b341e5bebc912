/**
 * The lifecycle of each version line a change set touches, drawn as a Mermaid gantt chart for the PR comment and
 * the job summary (GitHub renders Mermaid in Markdown): one bar per version from its publication to its end of
 * life (`provided_until`; a version without one runs a year past today, said in its label), the channels that
 * point at it and whether it is revoked in its label, today marked. What the change does to each version (new,
 * deleted, updated) is said too. Read from the changes' documents alone: no request.
 */
import type { LoggedChange } from '../policy/summary.js';
import { familyKey } from '../policy/envelope.js';
import { isDate, utcToday } from '../resources/day.js';
import { channelPattern, compareVersions } from '../resources/versionLine.js';

/** A version as drawn. */
interface Bar {
  readonly version: string;
  /** The version as digit strings, for the order. */
  readonly order: readonly [string, string];
  readonly start: string;
  readonly end: string;
  readonly label: string;
  readonly tag: '' | 'crit, ' | 'done, ' | 'active, ';
}

const day = (value: unknown): string | undefined =>
  typeof value === 'string' && isDate(value.slice(0, 10)) ? value.slice(0, 10) : undefined;

/** `YYYY-MM-DD` plus `days`. */
function plus(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Mermaid text: no colon, hash, semicolon, backtick or line break in a task's name (nothing leaves its block). */
const safe = (text: string): string => text.replace(/[:#;`\r\n]/g, ' ');

function bar(change: LoggedChange, family: string, today: string): Bar | undefined {
  const image = change.image;
  const version = familyKey(change.name ?? '').version;
  if (image === undefined || version === undefined) return undefined;
  const start = day(image.published) ?? today;
  const until = day(image.provided_until);
  const end = until === undefined || until < start ? plus(today, 365) : plus(until, 1);
  // Only tags of channel form (as a VersionLine writes them): a tag set by hand is not drawn.
  const channels = (image.tags ?? [])
    .filter((t) => t.startsWith(`${family}@`))
    .map((t) => t.slice(family.length + 1))
    .filter((channel) => channelPattern.test(channel));
  const revoked = image.status === 'deactivated';
  const what = { create: 'new', update: 'updated', replace: 'replaced', delete: 'deleted', noop: '' }[change.action];
  const label = [
    `v${version.join('.')}`,
    ...channels.sort(),
    ...(revoked ? ['revoked'] : []),
    ...(until === undefined ? ['no end of life'] : [`until ${until}`]),
    ...(what === '' ? [] : [`(${what})`]),
  ].join(' ');
  const tag =
    revoked || change.action === 'delete'
      ? 'crit, '
      : until !== undefined && until < today
        ? 'done, '
        : channels.length > 0
          ? 'active, '
          : '';
  return { version: version.join('.'), order: version, start, end, label: safe(label), tag };
}

/** The Markdown of every line the changes touch (empty when none touches a version line). */
export function lineTimelines(changes: readonly LoggedChange[], today: string = utcToday()): string {
  const byFamily = new Map<string, Bar[]>();
  for (const change of changes) {
    if (change.kind !== 'image' || change.name === undefined) continue;
    const { key, version } = familyKey(change.name);
    if (version === undefined) continue;
    const drawn = bar(change, key, today);
    if (drawn === undefined) continue;
    byFamily.set(key, [...(byFamily.get(key) ?? []).filter((b) => b.version !== drawn.version), drawn]);
  }
  const charts = [...byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, bars]) => {
      const ordered = [...bars].sort((a, b) => compareVersions(a.order, b.order));
      return [
        '```mermaid',
        'gantt',
        `  title ${safe(family)}`,
        '  dateFormat YYYY-MM-DD',
        '  axisFormat %Y-%m',
        '  section versions',
        ...ordered.map((b) => `  ${b.label} :${b.tag}${b.start}, ${b.end}`),
        `  today :milestone, ${today}, 0d`,
        '```',
      ].join('\n');
    });
  return charts.length === 0 ? '' : `### Version lines this change touches\n\n${charts.join('\n\n')}\n`;
}
