/**
 * The decision log: where the providers record each policy decision of a run, so the program that started the
 * run (npm start, image-catalog preview, a CI job) gets the violations as data instead of parsing Pulumi's text.
 * The variable names a file; each decision is appended to it as one JSON line `{changes, decision}`.
 */
import { appendFileSync } from 'node:fs';
import type { Decision } from '../policy/decision.js';
import type { Change } from '../policy/envelope.js';

/** The environment variable that names the decision log (unset: no log). */
export const decisionLogVariable = 'IMAGE_CATALOG_DECISION_LOG';

/**
 * Appends one decision to the log, when the environment names one. Store documents never carry their options
 * (provider/pulumi/runtime.ts leaves them out of the envelope), so no secret reaches the log.
 */
export function logDecision(changes: readonly Change[], decision: Decision): void {
  const file = process.env[decisionLogVariable];
  if (file === undefined || file === '') return;
  // One write per line: appends from the provider processes of one run do not interleave within a line.
  appendFileSync(file, `${JSON.stringify({ changes, decision })}\n`);
}
