/**
 * The provider plugin's tie to the engine that started it. Pulumi's engine (`pulumi up`) starts the plugin as its
 * child and talks to it over gRPC; when the engine dies (SIGKILL, a crashed CI runner), nothing tells the plugin:
 * it went on uploading, then wrote to a closed pipe forever (`write EPIPE`, its memory growing). Here the plugin
 * notices — its parent process changed, or its stdout/stderr pipe broke — stops what is in flight (a create
 * removes the record it made) and exits.
 */

/** How often the parent process is looked at (ms). */
const pollMs = 500;

/**
 * Calls `onGone` once, with the reason, when the engine is gone; `onGone` stops the work in flight, and the
 * process exits (code 1) when it resolves.
 */
export function watchEngine(onGone: (reason: string) => Promise<void>): void {
  const parent = process.ppid;
  let gone = false;
  const leave = (reason: string): void => {
    if (gone) return;
    gone = true;
    clearInterval(poll);
    void onGone(reason).finally(() => process.exit(1));
  };
  const poll = setInterval(() => {
    if (process.ppid !== parent) leave(`the engine that started this provider (pid ${parent}) is gone`);
  }, pollMs);
  poll.unref();
  // A write to the engine's closed pipe fails asynchronously: without a listener it is an uncaught error, and
  // every later write (progress) fails again.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => leave(`the engine's pipe is closed (${err.code ?? err.message})`));
}
