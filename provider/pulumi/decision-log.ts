/**
 * The decision log: where the providers record each policy decision of a run, so the program that started the
 * run (npm start, image-catalog preview, a CI job) gets the violations as data instead of parsing Pulumi's text.
 * The variable names a file; each decision is appended to it as one JSON line `{changes, decision}`. A change is
 * summarised: its address, kind, action, image name and the image's lifecycle fields (end of life, tags, status,
 * publication day), never another value of its documents (a program may mark them secret).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import type { Decision } from '../policy/decision.js';
import type { Change } from '../policy/envelope.js';
import { loggedChange } from '../policy/summary.js';

export { loggedChange, type LoggedChange } from '../policy/summary.js';

/** The environment variable that names the decision log (unset: no log). */
export const decisionLogVariable = 'IMAGE_CATALOG_DECISION_LOG';

/** A sink that appends each decision to the log `file` (mode 0600). */
export function decisionLog(file: string): (changes: readonly Change[], decision: Decision) => void {
  // One write per line: appends from the provider processes of one run do not interleave within a line.
  return (changes, decision) =>
    appendFileSync(file, `${JSON.stringify({ changes: changes.map(loggedChange), decision })}\n`, { mode: 0o600 });
}

/**
 * The environment variable that names a file with the creation marks (a JSON list) of the creates of the plan a
 * run decided as a whole: the plugins that apply it count what an interrupted create of any of them left (a record
 * finished after its run lost its state backend, carrying that resource's mark) as the run's own, which that
 * resource's create takes over, not as a live image another resource's check is judged against.
 */
export const planCreatesVariable = 'IMAGE_CATALOG_PLAN_CREATES';

/** The marks a {@link planCreatesVariable} file lists (none when unset or unreadable). */
export function planCreates(file: string | undefined): string[] {
  if (file === undefined || file === '') return [];
  try {
    const marks = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(marks) ? marks.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}
