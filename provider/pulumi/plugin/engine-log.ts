/**
 * The provider's messages (upload progress, advisory violations, what it took over or removed) as the engine shows
 * them: through the engine's Log service, on the resource they are about. Pulumi 3.276 relays a plugin's stderr as
 * `debug` diagnostics, which `pulumi up` does not print: written there, a user never saw the progress of an upload.
 * The engine's address is the plugin's first argument that is not a flag (as @pulumi/pulumi's provider main reads
 * it); without one (a plugin started by hand), messages go to stderr.
 */
import { createRequire } from 'node:module';
import type * as grpcTypes from '@grpc/grpc-js';
import type * as engineGrpcTypes from '@pulumi/pulumi/proto/engine_grpc_pb.js';
import type * as engineTypes from '@pulumi/pulumi/proto/engine_pb.js';
import type { Notice } from '../runtime.js';

const fromSdk = createRequire(import.meta.resolve('@pulumi/pulumi/proto/engine_pb.js'));
const grpc = fromSdk('@grpc/grpc-js') as typeof grpcTypes;
const rpc = fromSdk('./engine_grpc_pb') as typeof engineGrpcTypes;
const pb = fromSdk('./engine_pb') as typeof engineTypes;

/** The engine's address among the plugin's arguments (flags such as --logtostderr, -v=9, --tracing X skipped). */
export function engineAddress(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--tracing') i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** A sink for the runtime's notices: the engine's Log service, or stderr when there is no engine to tell. */
export function engineLog(address: string | undefined): (notice: Notice) => void {
  if (address === undefined) return (notice) => process.stderr.write(`${notice.message}\n`);
  const client = new rpc.EngineClient(address, grpc.credentials.createInsecure());
  const severities = { info: pb.LogSeverity.INFO, warning: pb.LogSeverity.WARNING } as const;
  // One message after the other: calls in flight side by side reach the engine in any order (an upload's 100%
  // was shown before its 76%).
  let sent: Promise<void> = Promise.resolve();
  return (notice) => {
    const request = new pb.LogRequest()
      .setSeverity(severities[notice.severity])
      .setMessage(notice.message)
      .setUrn(notice.urn ?? '')
      .setEphemeral(notice.ephemeral === true);
    // A message the engine cannot take (it is gone) is dropped: the engine watch ends this process then.
    sent = sent.then(() => new Promise<void>((resolve) => client.log(request, () => resolve())));
  };
}
