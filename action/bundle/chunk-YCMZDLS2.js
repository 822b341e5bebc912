import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);

// provider/pulumi/cli-failure.ts
function essential(message) {
  if (!/^code: -?\d+\n/.test(message) || !message.includes("stderr:")) return message;
  const locked = lockedOut(message);
  if (locked !== void 0) return locked;
  const errors = [
    ...new Set(
      message.split("\n").filter((line) => /^\s*error: /.test(line)).map((line) => line.trim())
    )
  ];
  if (errors.length > 0) return `pulumi: ${errors.join("\n")}`;
  const killed = /Command was killed with (\w+)/.exec(message)?.[1];
  if (killed !== void 0)
    return `pulumi was killed (${killed}) in the middle of the run; the next run resolves what it left (docs/pulumi.md)`;
  return message;
}
function lockHolders(message) {
  if (!message.includes("the stack is currently locked by")) return void 0;
  const locks = /* @__PURE__ */ new Map();
  for (const [, lock, username, host, pid, at] of message.matchAll(/(\S+): created by (\S+)@([^@\s]+) \(pid (\d+)\) at (\S+)/g))
    locks.set(lock ?? "", { pid: Number(pid), username: username ?? "", hostname: host ?? "", timestamp: at ?? "" });
  return [...locks.values()];
}
function lockedOut(message) {
  const locks = lockHolders(message);
  if (locks === void 0) return void 0;
  const holders = locks.map((l) => `pulumi pid ${l.pid} of ${l.username}@${l.hostname}, since ${l.timestamp}`);
  return `pulumi: the stack is locked by another run${holders.length === 0 ? "" : ` (${holders.join("; ")})`}: wait for it to end, then run again. A lock of this machine whose run is gone (a killed pulumi) is cleared by the next run on its own; one of another machine whose run is gone (a CI runner that stopped) by \`pulumi cancel\`, never while that run is alive (it breaks the run).`;
}
function backendProblem(message, backendUrl) {
  let where;
  try {
    const url = new URL(backendUrl);
    url.username = "";
    url.password = "";
    const endpoint = url.searchParams.get("endpoint");
    where = `${url.protocol}//${url.host}${url.pathname}${endpoint === null ? "" : ` (endpoint ${endpoint})`}`;
  } catch {
    where = backendUrl.replace(/\/\/[^@/]*@/, "//");
  }
  const code = /api error (\w+)|(NoSuchBucket|SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied|ExpiredToken)/.exec(message);
  const named = code?.[1] ?? code?.[2];
  if (/get credentials: |failed to refresh cached credentials|no EC2 IMDS role found|NoCredentialProviders/.test(message))
    return `the state backend ${where} was given no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) for this run`;
  if (/SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied|ExpiredToken|StatusCode: 403/.test(message))
    return `the state backend ${where} refused the credentials (${named ?? "HTTP 403"}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) of this run`;
  if (/NoSuchBucket/.test(message))
    return `the state backend ${where} has no such bucket (NoSuchBucket): make the bucket first (Pulumi does not create it)`;
  const refused = /dial tcp ([^:]+:\d+): (connect: connection refused|i\/o timeout)|no such host/.exec(message);
  if (refused !== null)
    return `the state backend ${where} does not answer (${refused[0]}): is the S3 server up, and is the endpoint right?`;
  return void 0;
}
function programError(message) {
  return message.split("\n").filter((line) => !/^\s+at /.test(line)).join("\n").replace(/^Unhandled exception: /, "").replace(/^Error: /, "").replace(/^invocation of [\w-]+:[\w-]+:(\w+) returned an error: /, "$1: ").trim();
}

export {
  essential,
  lockHolders,
  backendProblem,
  programError
};
