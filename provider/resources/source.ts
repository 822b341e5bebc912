/**
 * Where a resource is declared: the first frame of the constructor's call stack outside this package's code and
 * outside node_modules (the program's `new Image(...)` line, or the `new VersionLine(...)` that made it). The
 * pull-request check annotates that line. Pulumi records the same position (its Resource constructor), but the
 * engine does not put it in a preview's events, and cdktn 0.24 records no construct stack trace, so both layers
 * take it here.
 */
import { fileURLToPath } from 'node:url';

/** A declaring position: an absolute file path and its 1-based line and column. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** This package's code (provider/ in a checkout, dist/ in the package): frames there are never the declaration. */
const ownCode = fileURLToPath(new URL('../', import.meta.url));

/** `at f (file:line:col)` or `at file:line:col`. */
const frame = /^\s*at (?:.*? \()?(?<file>(?:file:\/\/)?\/[^():]*?):(?<line>\d+):(?<column>\d+)\)?$/;

/** The declaring position of the caller's caller, or undefined when the stack has none (a REPL, eval). */
export function declaredAt(): SourcePosition | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const text of stack.split('\n').slice(1)) {
    const found = frame.exec(text)?.groups;
    if (found === undefined) continue;
    const file = found['file']?.startsWith('file://') === true ? fileURLToPath(found['file']) : (found['file'] ?? '');
    if (file.startsWith(ownCode) || file.includes('/node_modules/')) continue;
    return { file, line: Number(found['line']), column: Number(found['column']) };
  }
  return undefined;
}

/** `file:line:column`, the form the positions travel in (a Pulumi URN's map, cdk.tf.json). */
export function formatPosition(position: SourcePosition): string {
  return `${position.file}:${position.line}:${position.column}`;
}

/** The inverse of {@link formatPosition}; undefined for anything else. */
export function parsePosition(text: string): SourcePosition | undefined {
  const found = /^(?<file>.+):(?<line>\d+):(?<column>\d+)$/.exec(text)?.groups;
  if (found === undefined) return undefined;
  return { file: found['file'] ?? '', line: Number(found['line']), column: Number(found['column']) };
}
