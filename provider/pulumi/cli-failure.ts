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

/** A lock of Pulumi's DIY backend (a local folder, S3, ...): who holds the stack (a run writes it, its end deletes it). */
export interface LockFile {
  readonly pid: number;
  readonly username: string;
  readonly hostname: string;
  readonly timestamp: string;
}

/**
 * The locks named in Pulumi's refusal of a run because another holds the stack (its DIY backend's
 * `the stack is currently locked by N lock(s)`, then `<lock url>: created by <user>@<host> (pid <pid>) at <time>` per
 * lock); undefined when the message is not that refusal.
 */
export function lockHolders(message: string): LockFile[] | undefined {
  if (!message.includes('the stack is currently locked by')) return undefined;
  // A CommandError carries the CLI's stderr twice (its output and its error): each lock once.
  const locks = new Map<string, LockFile>();
  for (const [, lock, username, host, pid, at] of message.matchAll(/(\S+): created by (\S+)@([^@\s]+) \(pid (\d+)\) at (\S+)/g))
    locks.set(lock ?? '', { pid: Number(pid), username: username ?? '', hostname: host ?? '', timestamp: at ?? '' });
  return [...locks.values()];
}

/**
 * Pulumi's refusal of a run because another holds the stack (its DIY backend's lock), said without its advice to
 * `pulumi cancel` as the first way: that deletes the lock of a run that may be alive and breaks it. A lock whose run
 * is gone (a killed pulumi of this machine) is cleared by the next run of runStack or npm start on its own, after
 * saying so; one of another machine only by `pulumi cancel`, once its run is known to be gone.
 */
function lockedOut(message: string): string | undefined {
  const locks = lockHolders(message);
  if (locks === undefined) return undefined;
  const holders = locks.map((l) => `pulumi pid ${l.pid} of ${l.username}@${l.hostname}, since ${l.timestamp}`);
  return (
    `pulumi: the stack is locked by another run${holders.length === 0 ? '' : ` (${holders.join('; ')})`}: wait for it to end, then run again. ` +
    'A lock of this machine whose run is gone (a killed pulumi) is cleared by the next run on its own; one of another machine whose ' +
    'run is gone (a CI runner that stopped) by `pulumi cancel`, never while that run is alive (it breaks the run).'
  );
}

/**
 * Why a DIY backend on object storage (`s3://bucket?endpoint=...`) could not be used, said of the backend: the keys
 * refused, the bucket missing, the endpoint not answering; undefined for another failure. The URL is said without
 * any user info it may carry (keys come from the environment, but a URL could hold them).
 */
export function backendProblem(message: string, backendUrl: string): string | undefined {
  let where: string;
  try {
    const url = new URL(backendUrl);
    url.username = '';
    url.password = '';
    const endpoint = url.searchParams.get('endpoint');
    where = `${url.protocol}//${url.host}${url.pathname}${endpoint === null ? '' : ` (endpoint ${endpoint})`}`;
  } catch {
    where = backendUrl.replace(/\/\/[^@/]*@/, '//');
  }
  const code = /api error (\w+)|(NoSuchBucket|SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied|ExpiredToken)/.exec(message);
  const named = code?.[1] ?? code?.[2];
  // No credentials found at all (the SDK then asks an EC2 instance's metadata service, whose refusal is no answer on the keys).
  if (/get credentials: |failed to refresh cached credentials|no EC2 IMDS role found|NoCredentialProviders/.test(message))
    return `the state backend ${where} was given no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) for this run`;
  if (/SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied|ExpiredToken|StatusCode: 403/.test(message))
    return `the state backend ${where} refused the credentials (${named ?? 'HTTP 403'}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) of this run`;
  if (/NoSuchBucket/.test(message))
    return `the state backend ${where} has no such bucket (NoSuchBucket): make the bucket first (Pulumi does not create it)`;
  const refused = /dial tcp ([^:]+:\d+): (connect: connection refused|i\/o timeout)|no such host/.exec(message);
  if (refused !== null)
    return `the state backend ${where} does not answer (${refused[0]}): is the S3 server up, and is the endpoint right?`;
  return undefined;
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
