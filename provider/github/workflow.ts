/**
 * The reports that need no write permission, for a read-only token (a pull request from a fork) or any run in
 * GitHub Actions: workflow-command annotations on the declaring lines and the job summary (GITHUB_STEP_SUMMARY),
 * both through @actions/core, which escapes the commands' properties and data as the runner reads them.
 */
import * as core from '@actions/core';
import { redact } from './redact.js';
import { annotationMessage, annotationOf, annotationTitle, markdownText, summaryOf, titleOf, type CheckResult } from './report.js';

/** Prints one workflow-command annotation per violation (error for mandatory, warning for advisory). */
export function workflowAnnotations(result: CheckResult): void {
  if (result.undecided !== undefined) core.error(redact(result.undecided), { title: titleOf(result) });
  for (const v of result.violations) {
    // The check run's annotation, as a workflow command: the same title, text and line.
    const annotation = annotationOf(v);
    const properties =
      annotation === undefined
        ? { title: annotationTitle(v) }
        : { title: annotation.title, file: annotation.path, startLine: annotation.start_line };
    const message = annotation?.message ?? annotationMessage(v);
    if (v.level === 'mandatory') core.error(message, properties);
    else core.warning(message, properties);
  }
}

/** Appends the check's summary to the job summary; false when the runner gives no GITHUB_STEP_SUMMARY. */
export async function jobSummary(result: CheckResult, name: string, why?: string): Promise<boolean> {
  if ((process.env['GITHUB_STEP_SUMMARY'] ?? '') === '') return false;
  await core.summary
    .addHeading(`${markdownText(name)}: ${titleOf(result)}`, 3)
    .addRaw(why === undefined ? '' : `> ${redact(why)}\n\n`)
    .addRaw(summaryOf(result))
    .write();
  return true;
}
