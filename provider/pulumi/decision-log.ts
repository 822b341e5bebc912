/**
 * The decision log: where the providers record each policy decision of a run, so the program that started the
 * run (npm start, image-catalog preview, a CI job) gets the violations as data instead of parsing Pulumi's text.
 * The variable names a file; each decision is appended to it as one JSON line `{changes, decision}`.
 */
import { appendFileSync } from 'node:fs';
import type { Decision } from '../policy/decision.js';
import type { Change, ChangeAction, ChangeKind } from '../policy/envelope.js';

/**
 * A change as the log records it: which resource, what happens to it, and the image name it brings or removes.
 * Not the documents: a property can hold a value the program marked secret (providers see secrets unwrapped).
 */
export interface LoggedChange {
  readonly address: string;
  readonly kind: ChangeKind;
  readonly action: ChangeAction;
  /** The image name of the change (`after.name`, else `before.name`), when it is an image with a known name. */
  readonly name?: string;
}

/** The logged form of a change. */
export function loggedChange(change: Change): LoggedChange {
  const name = change.after?.['name'] ?? change.before?.['name'];
  return {
    address: change.address,
    kind: change.kind,
    action: change.action,
    ...(change.kind === 'image' && typeof name === 'string' ? { name } : {}),
  };
}

/** The environment variable that names the decision log (unset: no log). */
export const decisionLogVariable = 'IMAGE_CATALOG_DECISION_LOG';

/** A sink that appends each decision to the log `file` (mode 0600). */
export function decisionLog(file: string): (changes: readonly Change[], decision: Decision) => void {
  // One write per line: appends from the provider processes of one run do not interleave within a line.
  return (changes, decision) =>
    appendFileSync(file, `${JSON.stringify({ changes: changes.map(loggedChange), decision })}\n`, { mode: 0o600 });
}
