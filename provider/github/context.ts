/**
 * Where the pull-request check reports: the repository, the commits, the ref and the pull request, from flags or
 * else from the GitHub Actions environment (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF and the event payload at
 * GITHUB_EVENT_PATH), and the token from GITHUB_TOKEN (a workflow's token or a GitHub App installation token; read
 * from the environment only, so it is never on a command line).
 */
import { readFileSync } from 'node:fs';

/** The target of the reports. */
export interface PullRequestContext {
  readonly owner: string;
  readonly repo: string;
  /** The commit the check run is attached to: the pull request's head (GitHub shows check runs of the head). */
  readonly headSha: string;
  /** The commit and ref code scanning analyses (for a pull request: the merge commit and refs/pull/N/merge). */
  readonly commitSha: string;
  readonly ref: string;
  readonly pullRequest: number | undefined;
  /** The pull request comes from a fork: its workflow token is read-only. */
  readonly fromFork: boolean;
}

/** Flags that override the environment. */
export interface ContextFlags {
  readonly repo?: string;
  readonly sha?: string;
  readonly ref?: string;
  readonly pr?: string;
}

/** The parts of a workflow's event payload the check reads (a `pull_request` or `pull_request_target` event). */
export interface PullRequestEvent {
  readonly pull_request?: {
    readonly number?: number;
    readonly head?: { readonly sha?: string; readonly repo?: { readonly full_name?: string } | null };
    readonly base?: { readonly sha?: string; readonly repo?: { readonly full_name?: string } };
  };
}

/** The event payload cannot be read: the check stops (it cannot tell a fork, nor the base to decide with). */
export class EventFileError extends Error {
  override readonly name = 'EventFileError';
}

/**
 * The event payload at GITHUB_EVENT_PATH. Fails closed: inside GitHub Actions (GITHUB_ACTIONS=true) the variable
 * must name a readable JSON object, and a `pull_request` in it must be an object; outside, no variable is no event.
 */
export function readEvent(env: NodeJS.ProcessEnv = process.env): PullRequestEvent {
  const path = env['GITHUB_EVENT_PATH'];
  if (path === undefined || path === '') {
    if (env['GITHUB_ACTIONS'] === 'true')
      throw new EventFileError(
        'GITHUB_EVENT_PATH is not set: inside GitHub Actions the event says the pull request, its base and whether it comes from a fork',
      );
    return {};
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new EventFileError(
      `GITHUB_EVENT_PATH ${path}: ${code === 'ENOENT' ? 'there is no such file' : `cannot be read (${code ?? (err as Error).message})`}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new EventFileError(`GITHUB_EVENT_PATH ${path}: is not JSON (${(err as Error).message})`);
  }
  const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) throw new EventFileError(`GITHUB_EVENT_PATH ${path}: is not a JSON object (an event payload)`);
  const pr = (value as { pull_request?: unknown }).pull_request;
  if (pr !== undefined && !isObject(pr)) throw new EventFileError(`GITHUB_EVENT_PATH ${path}: pull_request is not an object`);
  return value as PullRequestEvent;
}

/** The context, or the list of what is missing (each with the flag or variable that gives it). */
export function pullRequestContext(
  flags: ContextFlags,
  env: NodeJS.ProcessEnv = process.env,
  event: PullRequestEvent = readEvent(env),
): { ok: true; context: PullRequestContext } | { ok: false; missing: string[] } {
  const pr = event.pull_request;
  const repository = flags.repo ?? env['GITHUB_REPOSITORY'];
  const fromRef = /^refs\/pull\/(\d+)\//.exec(flags.ref ?? env['GITHUB_REF'] ?? '')?.[1];
  const number = flags.pr ?? (pr?.number === undefined ? fromRef : String(pr.number));
  const sha = flags.sha ?? env['GITHUB_SHA'];
  const validNumber = number !== undefined && /^[1-9]\d*$/.test(number);
  const ref = flags.ref ?? env['GITHUB_REF'] ?? (validNumber ? `refs/pull/${number}/merge` : undefined);
  const missing: string[] = [];
  const [owner, repo, ...extra] = (repository ?? '').split('/');
  if (repository === undefined || owner === '' || repo === undefined || repo === '' || extra.length > 0)
    missing.push(`the repository as owner/name (--repo or GITHUB_REPOSITORY${repository === undefined ? '' : `, not "${repository}"`})`);
  if (sha === undefined || !/^[0-9a-f]{40}$/i.test(sha)) missing.push('the commit (--sha or GITHUB_SHA: 40 hex digits)');
  if (ref === undefined || !ref.startsWith('refs/')) missing.push('the ref (--ref or GITHUB_REF: refs/…)');
  if (number !== undefined && !validNumber) missing.push(`the pull request number (--pr: "${number}" is not one)`);
  if (missing.length > 0) return { ok: false, missing };
  const head = pr?.head?.repo?.full_name;
  const base = pr?.base?.repo?.full_name ?? repository;
  // A pull request whose head repository is not named (a deleted fork) cannot be told from a fork: read-only.
  const unknownHead = pr !== undefined && typeof head !== 'string';
  return {
    ok: true,
    context: {
      owner: owner ?? '',
      repo: repo ?? '',
      headSha: flags.sha ?? pr?.head?.sha ?? sha ?? '',
      commitSha: sha ?? '',
      ref: ref ?? '',
      pullRequest: number === undefined ? undefined : Number(number),
      fromFork: unknownHead || (head !== undefined && head !== base),
    },
  };
}

/** The token of the reports: GITHUB_TOKEN (GH_TOKEN as the gh CLI names it); undefined when neither is set. */
export function gitHubToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env['GITHUB_TOKEN'] ?? env['GH_TOKEN'];
  return token === undefined || token === '' ? undefined : token;
}
