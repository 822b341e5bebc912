/**
 * Pull requests for `image-catalog pr-check` tests: a checkout of the example Pulumi project with an edit (a folder
 * of its own, so the repository's index.ts is never touched), and the command run as GitHub Actions runs it: the
 * Actions environment (event payload, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY) pointed at a local GitHub.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { repoRoot } from '../../scripts/tools.js';
import type { LocalGitHub } from './github.js';
import { runCommand, type Ran } from './run.js';

/** The head commit of the pull requests, and the merge commit GitHub Actions checks out. */
export const headSha = 'e'.repeat(40);
export const mergeSha = 'f'.repeat(40);

/**
 * A checkout of the example project with `edit` applied to index.ts and `config` added to the stack's config;
 * node_modules links image-catalog to this checkout and @pulumi to its copy (one @pulumi/pulumi in the process).
 */
export function pulumiCheckout(stack: string, edit: (index: string) => string, config: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-pr-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'index.ts'), edit(readFileSync(join(repoRoot, 'index.ts'), 'utf8')));
  copyFileSync(join(repoRoot, 'Pulumi.yaml'), join(dir, 'Pulumi.yaml'));
  const extra = Object.entries(config).map(([k, v]) => `  ${k}: '${v.replaceAll("'", "''")}'\n`);
  writeFileSync(join(dir, `Pulumi.${stack}.yaml`), readFileSync(join(repoRoot, `Pulumi.${stack}.yaml`), 'utf8') + extra.join(''));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot, join(dir, 'node_modules', 'image-catalog'));
  symlinkSync(join(repoRoot, 'node_modules', '@pulumi'), join(dir, 'node_modules', '@pulumi'));
  return dir;
}

/** One run of pr-check and what it left in the job summary. */
export interface PrCheckRun extends Ran {
  readonly summary: string;
}

/** Runs `image-catalog pr-check args` as a pull_request workflow of platform/catalog would, PR `pr`. */
export async function prCheck(
  args: readonly string[],
  options: { github: LocalGitHub; workspace: string; pr?: number; token?: string; fork?: boolean; env?: NodeJS.ProcessEnv },
): Promise<PrCheckRun> {
  const work = mkdtempSync(join(tmpdir(), 'image-catalog-actions-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const pr = options.pr ?? 1;
  const eventPath = join(work, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: pr,
        head: { sha: headSha, repo: { full_name: options.fork === true ? 'someone/catalog' : 'platform/catalog' } },
        base: { repo: { full_name: 'platform/catalog' } },
      },
    }),
  );
  const summary = join(work, 'summary.md');
  writeFileSync(summary, '');
  const ran = await runCommand(process.execPath, ['--import', 'tsx', join(repoRoot, 'provider', 'cli', 'main.ts'), 'pr-check', ...args], {
    ...process.env,
    ...options.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.github.url,
    GITHUB_TOKEN: options.token ?? 'ghs_writer',
    GITHUB_REPOSITORY: 'platform/catalog',
    GITHUB_SHA: mergeSha,
    GITHUB_REF: `refs/pull/${pr}/merge`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summary,
  });
  return { ...ran, summary: readFileSync(summary, 'utf8') };
}
