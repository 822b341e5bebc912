/**
 * osism/openstack-image-manager's real image definitions at the commit scripts/versions.json pins (`data`): read
 * once from a git mirror of the repository and kept in the cache by commit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot, repoRoot } from '../../scripts/tools.js';

interface DataPin {
  readonly repository: string;
  readonly commit: string;
  readonly paths: readonly string[];
}

export const osismPin = (JSON.parse(readFileSync(join(repoRoot, 'scripts', 'versions.json'), 'utf8')) as { data: Record<string, DataPin> })
  .data['osism-images'] as DataPin;

/** The folder holding the pinned files (their repository paths below it), or why it cannot be had here. */
export function osismDefinitions(): { dir: string } | { reason: string } {
  const dir = join(cacheRoot(), 'osism-images', osismPin.commit);
  if (osismPin.paths.every((p) => existsSync(join(dir, p)))) return { dir };
  const mirrors = [
    process.env['IMAGE_CATALOG_OSISM_IMAGES'],
    join(repoRoot, '..', '.mirror', osismPin.repository.replace('/', '+'), 'repo'),
  ].filter((m): m is string => m !== undefined && m !== '' && existsSync(m));
  for (const mirror of mirrors) {
    const shown = osismPin.paths.map((p) =>
      spawnSync('git', ['-C', mirror, 'show', `${osismPin.commit}:${p}`], { maxBuffer: 16 * 1024 * 1024 }),
    );
    if (shown.some((s) => s.status !== 0)) continue;
    osismPin.paths.forEach((p, i) => {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), shown[i]?.stdout ?? '');
    });
    return { dir };
  }
  return {
    reason:
      `no copy of ${osismPin.repository} at ${osismPin.commit.slice(0, 8)} on this machine (github.com is not reachable here): ` +
      'set IMAGE_CATALOG_OSISM_IMAGES to a clone of it',
  };
}
