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
  const locked = lockedOut(message);
  if (locked !== undefined) return locked;
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

/**
 * Pulumi's refusal of a run because another holds the stack (its diy backend's lock), said without its advice to
 * `pulumi cancel`: that deletes the lock of a run that may be alive and breaks it. A lock whose run is gone (a
 * killed pulumi) is cleared by the next run of runStack or npm start on its own, after saying so.
 */
function lockedOut(message: string): string | undefined {
  if (!message.includes('the stack is currently locked by')) return undefined;
  const holders = [...message.matchAll(/created by (\S+) \(pid (\d+)\) at (\S+)/g)].map(
    ([, who, pid, at]) => `pulumi pid ${pid ?? '?'} of ${who ?? '?'}, since ${at ?? '?'}`,
  );
  return (
    `pulumi: the stack is locked by another run${holders.length === 0 ? '' : ` (${holders.join('; ')})`}: wait for it to end, then run again. ` +
    'A lock whose run is gone (a killed pulumi) is cleared by the next run on its own; never `pulumi cancel` while that run is alive (it breaks the run).'
  );
}

/**
 * An error diagnostic of the program as a user reads it: the Node.js language host reports an exception of the
 * program twice, once as `Unhandled exception: Error: <message>` with its JavaScript stack (frames of this package,
 * of @pulumi/pulumi and of gRPC for a failed invoke) and once as the message; both become the message alone, and a
 * failed function call says which function (`getImage: ...`), not how the engine relayed it.
 */
export function programError(message: string): string {
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .replace(/^Unhandled exception: /, '')
    .replace(/^Error: /, '')
    .replace(/^invocation of [\w-]+:[\w-]+:(\w+) returned an error: /, '$1: ')
    .trim();
}
