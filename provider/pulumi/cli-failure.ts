/**
 * A pulumi CLI failure as a user reads it (a leaf module: the CLI loads it without the Automation API).
 */

/**
 * The part of a failure worth reading: a pulumi CLI failure (the Automation API's CommandError) carries the whole
 * command line, its exit code and both outputs; its `error:` lines say what went wrong, once each; a CLI that was
 * killed says so in one line.
 */
export function essential(message: string): string {
  if (!/^code: -?\d+\n/.test(message) || !message.includes('stderr:')) return message;
  const errors = [
    ...new Set(
      message
        .split('\n')
        .filter((line) => /^\s*error: /.test(line))
        .map((line) => line.trim()),
    ),
  ];
  if (errors.length > 0) return `pulumi: ${errors.join('\n')}`;
  const killed = /Command was killed with (\w+)/.exec(message)?.[1];
  if (killed !== undefined)
    return `pulumi was killed (${killed}) in the middle of the run; the next run resolves what it left (docs/pulumi.md)`;
  return message;
}
