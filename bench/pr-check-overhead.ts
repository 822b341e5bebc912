/**
 * `npm run bench -- pr-check-overhead`: the whole `image-catalog pr-check` of a pull request of the example (the
 * `dev` stack `npm start` applied; the PR edits the published debian-12-tools-v1.0's os_version) reporting a check
 * run and the PR comment to a local GitHub (test/helpers/github-server.ts), vs the plain `pulumi preview` of the
 * same change (bench/workers/plain-preview.ts): each a process of its own, as a CI step is, alternating, `RUNS`
 * runs each (default 5). Ratio: median wall time of pr-check over that of the preview. Goal <= 1.15.
 * Also printed: pr-check with --report none, to show what the two GitHub writes cost (Octokit's throttling keeps
 * a second between writes, GitHub's guidance for mutating requests).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { labStackEnv, readLabRecord } from '../scripts/lab-settings.js';
import { repoRoot } from '../scripts/tools.js';
import { startLocalGitHub } from '../test/helpers/github-server.js';
import { runCommand } from '../test/helpers/run.js';
import { median, report, round } from './lib.js';

const runs = Number(process.env['RUNS'] ?? 5);
const lab = readLabRecord();
if (lab === undefined) throw new Error('the lab is not up: npm start (it brings the lab up and applies the dev stack)');
const stack = 'dev';
if (!existsSync(join(repoRoot, `Pulumi.${stack}.yaml`)) || !existsSync(join(repoRoot, '.pulumi-state')))
  throw new Error('the example stack dev is not applied: run npm start first');

// The pull request: the example with one edit, in a folder of its own (the checkout's index.ts is left alone).
const dir = mkdtempSync(join(tmpdir(), 'bench-pr-check-'));
const original = readFileSync(join(repoRoot, 'index.ts'), 'utf8');
const edited = original.replace("os_version: '12',", "os_version: '12.1',");
if (edited === original) throw new Error('the example no longer declares debian os_version 12: update the edit');
writeFileSync(join(dir, 'index.ts'), edited);
copyFileSync(join(repoRoot, 'Pulumi.yaml'), join(dir, 'Pulumi.yaml'));
copyFileSync(join(repoRoot, `Pulumi.${stack}.yaml`), join(dir, `Pulumi.${stack}.yaml`));
mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
symlinkSync(repoRoot, join(dir, 'node_modules', 'image-catalog'));
symlinkSync(join(repoRoot, 'node_modules', '@pulumi'), join(dir, 'node_modules', '@pulumi'));

const github = await startLocalGitHub();
const eventPath = join(dir, 'event.json');
writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 1, head: { sha: 'e'.repeat(40) } } }));
const env = {
  ...process.env,
  ...labStackEnv(lab),
  PULUMI_BACKEND_URL: pathToFileURL(join(repoRoot, '.pulumi-state')).href,
  GITHUB_API_URL: github.url,
  GITHUB_TOKEN: 'ghs_bench',
  GITHUB_REPOSITORY: 'platform/catalog',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_REF: 'refs/pull/1/merge',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_WORKSPACE: dir,
};

/** Wall time of one child process; its exit code must be `expected`. Asynchronous: the local GitHub answers meanwhile. */
async function timed(args: readonly string[], expected: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  const ran = await runCommand(process.execPath, ['--import', 'tsx', ...args], env);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (ran.code !== expected) throw new Error(`${args.join(' ')}: exit ${ran.code}, not ${expected}:\n${ran.stdout}${ran.stderr}`);
  return ms;
}

const cli = join(repoRoot, 'provider', 'cli', 'main.ts');
const prCheck = (reports: string): Promise<number> => timed([cli, 'pr-check', '--pulumi', dir, '--stack', stack, '--report', reports], 1);
const preview = (): Promise<number> => timed([join(repoRoot, 'bench', 'workers', 'plain-preview.ts'), dir, stack], 0);

const full: number[] = [];
const quiet: number[] = [];
const plain: number[] = [];
try {
  await prCheck('none'); // warm-up: tsx's transpile cache, the token
  await preview();
  for (let i = 0; i < runs; i++) {
    full.push(await prCheck('check-run,comment'));
    plain.push(await preview());
    quiet.push(await prCheck('none'));
    process.stdout.write(
      `run ${i + 1}: pr-check ${full.at(-1)?.toFixed(0)} ms (--report none ${quiet.at(-1)?.toFixed(0)} ms), pulumi preview ${plain.at(-1)?.toFixed(0)} ms\n`,
    );
  }
} finally {
  await github.close();
  rmSync(dir, { recursive: true, force: true });
}
const ratio = median(full) / median(plain);
report({
  bench: 'pr-check-overhead',
  peer: 'plain pulumi preview (Automation API) of the same change, in a process of its own',
  ratio: round(ratio),
  goal: '<= 1.15',
  met: ratio <= 1.15,
  runs,
  prCheckMs: round(median(full), 0),
  prCheckReportNoneMs: round(median(quiet), 0),
  previewMs: round(median(plain), 0),
  reportNoneRatio: round(median(quiet) / median(plain)),
  githubRequests: github.state.received.length,
});
