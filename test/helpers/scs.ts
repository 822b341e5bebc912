/**
 * The SCS-0102 checker of SovereignCloudStack/standards at the commit scripts/versions.json pins (`checkers`):
 * read once from a git mirror of the repository and kept in the cache by commit; run by ./scs_0102.py with the
 * machine's python3 and openstacksdk (Debian's, brought by python3-openstackclient with the lab).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, repoRoot } from '../../scripts/tools.js';
import { lab } from './lab.js';
import { runCommand } from './run.js';

interface CheckerPin {
  readonly repository: string;
  readonly commit: string;
  readonly path: string;
}

export const scsChecker = (
  JSON.parse(readFileSync(join(repoRoot, 'scripts', 'versions.json'), 'utf8')) as { checkers: Record<string, CheckerPin> }
).checkers['scs-0102'] as CheckerPin;

/** The checker's file, or why it cannot be had on this machine. */
export function scsCheckerFile(): { file: string } | { reason: string } {
  const file = join(cacheRoot(), 'scs-standards', scsChecker.commit, 'image_metadata.py');
  if (existsSync(file)) return { file };
  const mirrors = [
    process.env['IMAGE_CATALOG_SCS_STANDARDS'],
    join(repoRoot, '..', '.mirror', scsChecker.repository.replace('/', '+'), 'repo'),
  ].filter((dir): dir is string => dir !== undefined && dir !== '' && existsSync(dir));
  for (const dir of mirrors) {
    // A bare mirror or a clone: git finds the repository from inside either.
    const shown = spawnSync('git', ['-C', dir, 'show', `${scsChecker.commit}:${scsChecker.path}`], { maxBuffer: 16 * 1024 * 1024 });
    if (shown.status !== 0) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, shown.stdout);
    return { file };
  }
  return {
    reason:
      `no copy of ${scsChecker.repository} at ${scsChecker.commit.slice(0, 8)} on this machine (github.com is not reachable here): ` +
      'set IMAGE_CATALOG_SCS_STANDARDS to a clone of it',
  };
}

/** What the checker decided for the named images, as `cloud` sees them. */
export interface ScsRun {
  readonly images: string[];
  readonly testcases: Record<string, boolean>;
  readonly log: string[];
}

/** Runs every scs-0102 testcase of `checker` over the named public and community images `cloud` sees. */
export async function runScsChecker(checker: string, cloud: string, names: readonly string[]): Promise<ScsRun> {
  const driver = join(dirname(fileURLToPath(import.meta.url)), 'scs_0102.py');
  const ran = await runCommand('/usr/bin/python3', [driver, checker, cloud, ...names], {
    ...process.env,
    OS_CLIENT_CONFIG_FILE: lab().clouds,
  });
  if (ran.code !== 0) throw new Error(`the SCS-0102 checker failed to run: ${ran.stderr.slice(-2000)}`);
  return JSON.parse(ran.stdout.trim().split('\n').at(-1) ?? '{}') as ScsRun;
}
