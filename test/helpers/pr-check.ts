/**
 * Pull requests for `image-catalog pr-check` tests: a checkout of the example Pulumi project with an edit (a folder
 * of its own, so the repository's index.ts is never touched), and the command run as GitHub Actions runs it: the
 * Actions environment (event payload, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY) pointed at a local GitHub.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
 * node_modules links image-catalog to this checkout, @pulumi to its copy (one @pulumi/pulumi in the process) and
 * typescript (a dev dependency of the example).
 */
export function pulumiCheckout(stack: string, edit: (index: string) => string, config: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-pr-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'index.ts'), edit(readFileSync(join(repoRoot, 'index.ts'), 'utf8')));
  copyFileSync(join(repoRoot, 'Pulumi.yaml'), join(dir, 'Pulumi.yaml'));
  const extra = Object.entries(config).map(([k, v]) => `  ${k}: '${v.replaceAll("'", "''")}'\n`);
  // A key given here replaces the stack's own line of it.
  const kept = readFileSync(join(repoRoot, `Pulumi.${stack}.yaml`), 'utf8')
    .split('\n')
    .filter((line) => !Object.keys(config).some((k) => line.startsWith(`  ${k}:`)));
  writeFileSync(join(dir, `Pulumi.${stack}.yaml`), kept.join('\n') + extra.join(''));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(repoRoot, join(dir, 'node_modules', 'image-catalog'));
  symlinkSync(join(repoRoot, 'node_modules', '@pulumi'), join(dir, 'node_modules', '@pulumi'));
  // The example's dev dependency: the check reads the program with it (the line of each violation's field).
  symlinkSync(join(repoRoot, 'node_modules', 'typescript'), join(dir, 'node_modules', 'typescript'));
  // Where npm links the package's bins: the action puts it on PATH, so the engine finds the provider plugin.
  mkdirSync(join(dir, 'node_modules', '.bin'));
  symlinkSync(join(repoRoot, 'bin', 'pulumi-resource-image-catalog'), join(dir, 'node_modules', '.bin', 'pulumi-resource-image-catalog'));
  return dir;
}

/** One run of pr-check and what it left in the job summary. */
export interface PrCheckRun extends Ran {
  readonly summary: string;
}

/** How a step runs: pr-check from this checkout, or the action's bundle from a copy of what `uses:` checks out. */
interface StepOptions {
  readonly github: LocalGitHub;
  readonly workspace: string;
  readonly pr?: number;
  readonly token?: string;
  readonly fork?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** The GitHub Actions environment of a pull_request workflow of platform/catalog, PR `pr`; its job summary file. */
function actionsEnv(options: StepOptions): { env: NodeJS.ProcessEnv; summary: string } {
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
  return {
    summary,
    env: {
      ...process.env,
      ...options.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: options.github.url,
      GITHUB_REPOSITORY: 'platform/catalog',
      GITHUB_SHA: mergeSha,
      GITHUB_REF: `refs/pull/${pr}/merge`,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_STEP_SUMMARY: summary,
    },
  };
}

/** Runs `image-catalog pr-check args` (this checkout's CLI) as the step of a pull_request workflow. */
export async function prCheck(args: readonly string[], options: StepOptions): Promise<PrCheckRun> {
  const { env, summary } = actionsEnv(options);
  const ran = await runCommand(process.execPath, ['--import', 'tsx', join(repoRoot, 'provider', 'cli', 'main.ts'), 'pr-check', ...args], {
    ...env,
    GITHUB_TOKEN: options.token ?? 'ghs_writer',
  });
  return { ...ran, summary: readFileSync(summary, 'utf8') };
}

/**
 * What `uses: <owner>/image-catalog@<ref>` checks out, as far as the action reads it: action.yml, the committed
 * bundle and the files the code reads (policies, schemas, package.json); no node_modules.
 */
export function actionCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-action-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const path of ['action.yml', 'package.json', 'action/bundle', 'policies/build', 'policies/data.json', 'schemas'])
    cpSync(join(repoRoot, path), join(dir, path), { recursive: true });
  return dir;
}

/**
 * Runs the action as the runner does (`node action/bundle/main.js`, the inputs as INPUT_* variables and the token
 * input from the workflow). `nodeArgs` are for a project whose image-catalog is this checkout's TypeScript.
 */
export async function runAction(
  action: string,
  inputs: Record<string, string>,
  options: StepOptions & { nodeArgs?: readonly string[] },
): Promise<PrCheckRun> {
  const { env, summary } = actionsEnv(options);
  const given = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const ran = await runCommand(process.execPath, [...(options.nodeArgs ?? []), join(action, 'action', 'bundle', 'main.js')], {
    ...env,
    GITHUB_TOKEN: '',
    INPUT_TOKEN: options.token ?? 'ghs_writer',
    ...given,
  });
  return { ...ran, summary: readFileSync(summary, 'utf8') };
}
