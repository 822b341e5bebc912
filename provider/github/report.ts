/**
 * What the pull-request check posts, and posting it: a check run whose annotations sit on the line that declares
 * each resource (at most 50 per request, GitHub's limit: the rest through updates), with a markdown summary under
 * GitHub's 65,535-character limit, and one PR comment found again by a hidden marker and updated in place.
 * Nothing here posts a token: the texts are built from the decision, and ./redact.ts masks any credential value an
 * error message carried in.
 */
import type { Decision, Violation } from '../policy/decision.js';
import type { GitHubClient } from './client.js';
import { redact } from './redact.js';

/** Where a resource is declared: a repository-relative path (never empty) and a 1-based line. */
export interface SourceLocation {
  readonly path: string;
  readonly line: number;
}

/** A violation and, when known, the line that declares its resource. */
export interface LocatedViolation extends Violation {
  readonly location?: SourceLocation;
  /** The code declares the resource nowhere (a delete): `location` is the project's entry file, line 1. */
  readonly undeclared?: boolean;
}

/** What an annotation or a result says of a violation shown on the entry file instead of its own line. */
export const undeclaredNote = 'the code no longer declares this resource (or declares it where no line is known): shown on the entry file';

/** GitHub's limits (REST API: check runs). */
export const limits = { annotationsPerRequest: 50, text: 65_535 } as const;

/** The check's default name: the check run's, and the status check a branch protection rule requires. */
export const defaultCheckName = 'image-catalog';

/** The hidden marker of the check's one PR comment (the default check's). */
export const commentMarker = '<!-- image-catalog:pr-check -->';

/** The marker of a check's comment: each check name (one per stack, say) keeps a comment of its own. */
export function markerOf(name: string = defaultCheckName): string {
  return name === defaultCheckName ? commentMarker : `<!-- image-catalog:pr-check name=${JSON.stringify(name.replaceAll('--', '- -'))} -->`;
}

/** The check run's conclusion: failure on a mandatory violation or no decision, neutral when nothing of the catalog changes. */
export type Conclusion = 'success' | 'failure' | 'neutral';

/** What the check found: a decision (undefined when nothing of the catalog changes), or why it could not decide. */
export interface CheckResult {
  readonly decision: Decision | undefined;
  readonly violations: readonly LocatedViolation[];
  /** Why there is no decision (the preview or the plan failed, no credentials): the check fails closed. */
  readonly undecided?: string;
  /** The version lines the change touches, as Mermaid charts (./timeline.ts), after the findings. */
  readonly timelines?: string;
  /**
   * What the decision notes beside its findings, one line each: what a plan cannot show (a CDKTF image's
   * deactivation after the apply), what terraform-provider-openstack will not apply (TPO#1994).
   */
  readonly notes?: readonly string[];
}

export function conclusionOf(result: CheckResult): Conclusion {
  if (result.undecided !== undefined) return 'failure';
  if (result.decision === undefined) return 'neutral';
  return result.decision.allowed ? 'success' : 'failure';
}

/** The check run's title. */
export function titleOf(result: CheckResult): string {
  if (result.undecided !== undefined) return 'Could not decide: blocked (fail closed)';
  const conclusion = conclusionOf(result);
  return conclusion === 'failure'
    ? 'Blocked by the catalog policy'
    : conclusion === 'success'
      ? 'Allowed by the catalog policy'
      : 'No catalog change';
}

/** A check-run annotation (the fields GitHub's schema takes). */
export interface Annotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: 'failure' | 'warning';
  readonly title: string;
  readonly message: string;
}

/** The annotation of a located violation (none without a location: it is in the summary only). */
export function annotationOf(v: LocatedViolation): Annotation | undefined {
  if (v.location === undefined || v.location.path === '') return undefined;
  return {
    path: v.location.path,
    start_line: v.location.line,
    end_line: v.location.line,
    annotation_level: v.level === 'mandatory' ? 'failure' : 'warning',
    title: annotationTitle(v),
    message: annotationMessage(v),
  };
}

/** An annotation's title: the rule and the field. */
export function annotationTitle(v: LocatedViolation): string {
  return `${v.rule}${v.field === '' ? '' : ` ${v.field}`}`;
}

/** An annotation's text: the resource, the message, the fix (and why it is not on its own line), redacted. */
export function annotationMessage(v: LocatedViolation): string {
  return redact(`${v.address}: ${v.message}\nfix: ${v.remediation}${v.undeclared === true ? `\n(${undeclaredNote})` : ''}`);
}

/** Text as markdown shows it: `&`, `<` and `>` as entities (GitHub drops what looks like an HTML tag). */
export function markdownText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** One markdown table cell: no line breaks, pipes and angle brackets escaped. */
function cell(text: string): string {
  return markdownText(text.replace(/\r?\n/g, ' ')).replaceAll('|', '\\|');
}

/** The markdown summary: the verdict, then a table (resource, rule, field, message, remediation) cut to fit `limit`. */
export function summaryOf(result: CheckResult, limit: number = limits.text): string {
  const { decision, violations } = result;
  if (result.undecided !== undefined)
    return redact(
      `**Could not decide** the catalog change of this pull request, so it is blocked (nothing is allowed without a decision):\n\n\`\`\`\n${result.undecided.slice(0, limit - 400)}\n\`\`\`\n`,
    );
  if (decision === undefined)
    return 'No change of an image, share or acceptance, and no server or volume made from an image, in this pull request: nothing to decide.\n';
  const mandatory = violations.filter((v) => v.level === 'mandatory').length;
  const head = [
    decision.allowed
      ? `**Allowed**${violations.length > 0 ? ` with ${violations.length} advisory violation(s)` : ''}.`
      : `**Blocked** by ${mandatory} mandatory violation(s)${violations.length > mandatory ? ` and ${violations.length - mandatory} advisory` : ''}.`,
    '',
    ...(result.notes ?? []).slice(0, 20).map((note) => `- note: ${note.slice(0, 500)}`),
    ...((result.notes ?? []).length > 0 ? [''] : []),
  ];
  // The timelines go after the findings, and only when they fit.
  const withTimelines = (text: string): string =>
    result.timelines === undefined || text.length + result.timelines.length + 2 > limit ? text : `${text.trimEnd()}\n\n${result.timelines}`;
  if (violations.length === 0) return redact(withTimelines(`${head.join('\n')}\n`));
  const table = ['| | resource | rule | field | message | remediation |', '|---|---|---|---|---|---|'];
  const rows = violations.map((v) =>
    [
      v.level === 'mandatory' ? '✖' : '!',
      `\`${cell(v.address)}\`${v.location === undefined ? '' : ` (${cell(v.location.path)}:${v.location.line})`}`,
      v.rule,
      cell(v.field),
      cell(v.message),
      cell(v.remediation),
    ].join(' | '),
  );
  let text = [...head, ...table].join('\n');
  for (let i = 0; i < rows.length; i++) {
    const rest = rows.length - i - 1;
    const more = rest > 0 ? `\n\n…and ${rest} more (every one is an annotation of this check).` : '';
    const next = `${text}\n| ${rows[i] ?? ''} |`;
    if (next.length + more.length + 1 > limit) {
      return redact(`${text}\n\n…and ${rows.length - i} more (every one is an annotation of this check).\n`);
    }
    text = next;
  }
  return redact(withTimelines(`${text}\n`));
}

/** What posting the check run did. */
export interface PostedCheckRun {
  readonly id: number;
  readonly conclusion: Conclusion;
  readonly annotations: number;
  /** Create + updates. */
  readonly requests: number;
}

/**
 * Posts the check run in as few requests as GitHub allows (writes are paced: ./client.ts): created with the first 50
 * annotations, the rest 50 at a time through
 * updates, the last request completing it with its conclusion. At most 50 annotations: one request.
 */
export async function postCheckRun(
  client: GitHubClient,
  target: { owner: string; repo: string; headSha: string; name: string },
  result: CheckResult,
): Promise<PostedCheckRun> {
  const annotations = result.violations.flatMap((v) => annotationOf(v) ?? []);
  const conclusion = conclusionOf(result);
  const title = titleOf(result);
  const summary = summaryOf(result);
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += limits.annotationsPerRequest)
    batches.push(annotations.slice(i, i + limits.annotationsPerRequest));
  const [first = [], ...rest] = batches;
  const state = (last: boolean) => (last ? { status: 'completed' as const, conclusion } : { status: 'in_progress' as const });
  const output = (batch: readonly Annotation[]) => ({ title, summary, annotations: [...batch] });
  const { owner, repo } = target;
  const created = await client.rest.checks.create({
    owner,
    repo,
    name: target.name,
    head_sha: target.headSha,
    ...state(rest.length === 0),
    output: output(first),
  });
  const id = Number(created.data.id);
  for (const [i, batch] of rest.entries())
    await client.rest.checks.update({ owner, repo, check_run_id: id, ...state(i === rest.length - 1), output: output(batch) });
  return { id, conclusion, annotations: annotations.length, requests: 1 + rest.length };
}

/** Creates the check's PR comment, or updates the one that carries its marker (never a second one). */
export async function upsertComment(
  client: GitHubClient,
  target: { owner: string; repo: string; issueNumber: number },
  markdown: string,
  name: string = defaultCheckName,
): Promise<{ id: number; created: boolean }> {
  const { owner, repo, issueNumber } = target;
  const marker = markerOf(name);
  const heading = name === defaultCheckName ? '' : `**${markdownText(name)}**\n\n`;
  const body = `${marker}\n${heading}${redact(markdown)}`;
  const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((c) => c.body?.split('\n', 1)[0] === marker);
  if (mine !== undefined) {
    await client.rest.issues.updateComment({ owner, repo, comment_id: Number(mine.id), body });
    return { id: Number(mine.id), created: false };
  }
  const made = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { id: Number(made.data.id), created: true };
}
