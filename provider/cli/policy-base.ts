/**
 * Policy governance of the pull-request check: the policy data a pull request is decided with is its base
 * commit's (`--base`, by default the event's `pull_request.base.sha`), read from git, never the pull request's
 * own: the stack config `image-catalog:policy` of a Pulumi stack, and the `--data` files (and those
 * IMAGE_CATALOG_POLICY_DATA names). Every value the pull request sets differently is a `policy_change` finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseOverride, policyDifferences, type PolicyDataOverride } from '../policy/data.js';
import { PolicyDataError } from '../policy/errors.js';
import type { PolicyChange } from '../policy/envelope.js';
import { UsageError } from './policy.js';

/** The policy data a check decides with, and what the pull request changes of it. */
export interface GovernedPolicy {
  /** The base commit (a sha), or undefined when there is none: the working tree's data then. */
  readonly base: string | undefined;
  /** The `--data` overrides as the base commit has them (a file the base lacks is left out). */
  readonly overrides: PolicyDataOverride[];
  /** A Pulumi stack's `image-catalog:policy` as the base has it (JSON text), undefined when not set there. */
  readonly stackPolicy: string | undefined;
  /** Every value the pull request sets differently from its base. */
  readonly changes: PolicyChange[];
}

/** The text of `path` (repository-relative) at commit `base`; undefined when the commit has no such file. */
function atBase(root: string, base: string, path: string): string | undefined {
  const shown = spawnSync('git', ['-C', root, 'show', `${base}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (shown.error !== undefined)
    throw new UsageError(`--base ${base}: git is needed to read the base commit's policy data (${shown.error.message})`);
  if (shown.status === 0) return shown.stdout;
  const known = spawnSync('git', ['-C', root, 'cat-file', '-e', `${base}^{commit}`], { encoding: 'utf8' });
  if (known.status !== 0)
    throw new UsageError(
      `--base ${base}: no such commit in ${root} (the check decides with the base commit's policy data: ` +
        'check out with actions/checkout fetch-depth: 0, or git fetch origin <base>)',
    );
  return undefined;
}

/** The repository-relative path of `file`, or undefined when it lies outside the repository (not under review). */
function inRepository(root: string, file: string): string | undefined {
  const rel = relative(root, resolve(file));
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' ? undefined : rel.split(sep).join('/');
}

/** A document at the base commit (JSON or YAML, as its name says), or the usage error that names it. */
function parseDocument(text: string, path: string): unknown {
  try {
    return parseOverride(text, path).value;
  } catch (err) {
    if (err instanceof PolicyDataError) throw new UsageError(err.message);
    throw err;
  }
}

/** A stack config value of `image-catalog:policy` (a YAML map, or JSON text) as a document; undefined when unset. */
function stackPolicyOf(text: string | undefined, path: string): unknown {
  if (text === undefined) return undefined;
  const config = (parseDocument(text, path) as { config?: Record<string, unknown> } | null)?.config;
  const value = config?.['image-catalog:policy'];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The policy data a pull request is decided with. `base` undefined: the working tree's (no pull request to
 * compare with). `heads`: the --data files as the working tree has them, in order (each `source` its path);
 * `stackConfig`: a Pulumi stack's Pulumi.<stack>.yaml.
 */
export function governedPolicy(
  root: string,
  base: string | undefined,
  heads: readonly PolicyDataOverride[],
  stackConfig?: string,
): GovernedPolicy {
  const headStack =
    stackConfig !== undefined && existsSync(stackConfig) ? stackPolicyOf(readFileSync(stackConfig, 'utf8'), stackConfig) : undefined;
  const json = (value: unknown): string | undefined =>
    value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
  if (base === undefined) return { base, overrides: [...heads], stackPolicy: json(headStack), changes: [] };
  const changes: PolicyChange[] = [];
  const overrides: PolicyDataOverride[] = [];
  for (const head of heads) {
    const path = inRepository(root, head.source);
    // A file outside the repository is not part of the pull request: it is used as it is.
    if (path === undefined) {
      overrides.push(head);
      continue;
    }
    const text = atBase(root, base, path);
    const baseValue = text === undefined ? undefined : parseDocument(text, path);
    if (baseValue !== undefined) overrides.push({ source: `${path} at ${base.slice(0, 12)}`, value: baseValue });
    changes.push(...policyDifferences(path, baseValue, head.value));
  }
  let stackPolicy: unknown;
  if (stackConfig !== undefined) {
    const path = inRepository(root, stackConfig);
    stackPolicy = path === undefined ? headStack : stackPolicyOf(atBase(root, base, path), path);
    if (path !== undefined) changes.push(...policyDifferences(`${path} (image-catalog:policy)`, stackPolicy, headStack));
  }
  return { base, overrides, stackPolicy: json(stackPolicy), changes };
}

/** The base commit: --base, else the pull_request event's base sha; undefined when neither gives one. */
export function baseCommit(
  flag: string | undefined,
  event: { readonly pull_request?: { readonly base?: { readonly sha?: string } } },
): string | undefined {
  return flag ?? event.pull_request?.base?.sha;
}
