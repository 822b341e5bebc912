/**
 * The gRPC side of the provider plugin: Pulumi's ResourceProvider service over the SDK's generated stubs
 * (`@pulumi/pulumi/proto`), each call handed to ./adapter.ts as plain property bags.
 *
 * Why not the SDK's own server (`provider.main` of `@pulumi/pulumi/provider`, 3.276): its Read takes
 * `req.getProperties()`, which an import's Read does not carry (every `pulumi import` fails on it); its Configure
 * drops the provider's configuration (an explicit `new Provider('appteam', { cloud })` would act as the stack's
 * cloud); and its failures print a JavaScript stack trace beside the message. Everything else follows it: the
 * same stubs, the same `google-protobuf` Struct conversions, the port printed on stdout for the engine.
 */
import { createRequire } from 'node:module';
import type * as grpcTypes from '@grpc/grpc-js';
import type * as structTypes from 'google-protobuf/google/protobuf/struct_pb.js';
import type * as providerGrpcTypes from '@pulumi/pulumi/proto/provider_grpc_pb.js';
import type * as providerTypes from '@pulumi/pulumi/proto/provider_pb.js';
import type * as pluginTypes from '@pulumi/pulumi/proto/plugin_pb.js';
import type * as emptyTypes from 'google-protobuf/google/protobuf/empty_pb.js';
import type { Bag, Checked, ProviderAdapter } from './adapter.js';

// The stubs, grpc-js and google-protobuf as @pulumi/pulumi itself loads them: one copy of each message class.
const fromSdk = createRequire(import.meta.resolve('@pulumi/pulumi/proto/provider_pb.js'));
const grpc = fromSdk('@grpc/grpc-js') as typeof grpcTypes;
const struct = fromSdk('google-protobuf/google/protobuf/struct_pb') as typeof structTypes;
const empty = fromSdk('google-protobuf/google/protobuf/empty_pb') as typeof emptyTypes;
const rpc = fromSdk('./provider_grpc_pb') as typeof providerGrpcTypes;
const pb = fromSdk('./provider_pb') as typeof providerTypes;
const plugin = fromSdk('./plugin_pb') as typeof pluginTypes;

type Callback<T> = (error: grpcTypes.ServiceError | null, value?: T) => void;
type Call<Req> = { request: Req };

/** Pulumi's marker of a secret value (`{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value}`). */
const secretSig = '4dabf18193072939515e22adb298388d';

/** A value with secret markers unwrapped (the provider's settings come marked even when secrets are not accepted). */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (secretSig in record) return unwrap(record['value']);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrap(v)]));
}

function bag(value: structTypes.Struct | undefined): Bag {
  return unwrap(value?.toJavaScript() ?? {}) as Bag;
}

/** The value of Pulumi's secret marker (beside {@link secretSig}). */
const secretValue = '1b47061264138c4ac30d75fd1eb44270';

/**
 * Marks secret what came from a secret: each top-level field of `outs` whose input in `from` holds a secret. The
 * plugin accepts secrets (the engine asks it of a plugin that constructs components) and so marks its answers
 * itself, as the engine does for a plugin that does not (annotateSecrets): a secret input is never a plain output.
 */
function remark(outs: Bag, ...from: (structTypes.Struct | undefined)[]): Bag {
  const secret = new Set(
    from.flatMap((value) =>
      Object.entries(value?.toJavaScript() ?? {})
        .filter(([, v]) => JSON.stringify(v ?? null).includes(secretSig))
        .map(([key]) => key),
    ),
  );
  return Object.fromEntries(
    Object.entries(outs).map(([key, v]) => [key, secret.has(key) && v !== undefined ? { [secretSig]: secretValue, value: v } : v]),
  );
}

/** A Struct of a bag: undefined fields dropped (a Struct has no undefined). */
function toStruct(value: Bag): structTypes.Struct {
  return struct.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)) as Record<string, structTypes.JavaScriptValue>);
}

/** A failure as the engine shows it: the message only (no stack: the message says what and why). */
function failure(err: unknown): grpcTypes.ServiceError {
  const message = err instanceof Error ? err.message : String(err);
  return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata: new grpc.Metadata() });
}

/** Runs one call: its result, or its error as a failure. */
function serve<Req, Res>(work: (request: Req) => Res | Promise<Res>): (call: Call<Req>, callback: Callback<Res>) => void {
  return (call, callback) => {
    Promise.resolve()
      .then(() => work(call.request))
      .then(
        (value) => callback(null, value),
        (err: unknown) => callback(failure(err)),
      );
  };
}

/** The answer to a check (of a resource or of the provider's settings): the inputs kept and each failure. */
function checkResponse(checked: Checked, news: structTypes.Struct | undefined): providerTypes.CheckResponse {
  const resp = new pb.CheckResponse().setInputs(toStruct(remark(checked.inputs, news)));
  resp.setFailuresList(checked.failures.map((f) => new pb.CheckFailure().setProperty(f.property).setReason(f.reason)));
  return resp;
}

/** What builds the package's components (./construct.ts), apart from the resources' adapter. */
export interface Components {
  construct(req: providerTypes.ConstructRequest): Promise<providerTypes.ConstructResponse>;
}

/** The service implementation handed to grpc-js. */
function service(adapter: ProviderAdapter, components: Components): grpcTypes.UntypedServiceImplementation {
  return {
    getPluginInfo: serve(() => new plugin.PluginInfo().setVersion(adapter.version)),
    getSchema: serve((req: providerTypes.GetSchemaRequest) => {
      if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
      return new pb.GetSchemaResponse().setSchema(adapter.schema());
    }),
    checkConfig: serve((req: providerTypes.CheckRequest) =>
      checkResponse(adapter.checkConfig(bag(req.getOlds()), bag(req.getNews())), req.getNews()),
    ),
    diffConfig: serve((req: providerTypes.DiffRequest) => {
      const changed = adapter.diffConfig(bag(req.getOldInputs() ?? req.getOlds()), bag(req.getNews()));
      return new pb.DiffResponse().setChanges(changed ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE);
    }),
    configure: serve((req: providerTypes.ConfigureRequest) => {
      const variables = Object.fromEntries(req.getVariablesMap().toArray());
      adapter.configure(bag(req.getArgs()), variables);
      // Secrets arrive marked: unwrapped on the way in, what came from one marked again on the way out (remark).
      // The engine asks it of a plugin that constructs components (./construct.ts). No resource references or
      // output values: plain property bags in and out.
      return new pb.ConfigureResponse().setAcceptsecrets(true).setAcceptresources(false).setAcceptoutputs(false).setSupportspreview(false);
    }),
    check: serve(async (req: providerTypes.CheckRequest) =>
      checkResponse(await adapter.check(req.getUrn(), bag(req.getOlds()), bag(req.getNews())), req.getNews()),
    ),
    diff: serve(async (req: providerTypes.DiffRequest) => {
      const result = await adapter.diff(
        req.getUrn(),
        req.getId(),
        bag(req.getOlds()),
        bag(req.getNews()),
        req.getOldInputs() === undefined ? undefined : bag(req.getOldInputs()),
      );
      const resp = new pb.DiffResponse()
        .setChanges(result.changes ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE)
        .setReplacesList(result.replaces)
        .setDiffsList(result.diffs)
        .setDeletebeforereplace(false);
      return resp;
    }),
    create: serve(async (req: providerTypes.CreateRequest) => {
      const made = await adapter.create(req.getUrn(), bag(req.getProperties()));
      return new pb.CreateResponse().setId(made.id).setProperties(toStruct(remark(made.outs, req.getProperties())));
    }),
    read: serve(async (req: providerTypes.ReadRequest) => {
      // An import's read carries no state (no properties, or an empty set of them): undefined tells it apart.
      const state = (value: structTypes.Struct | undefined): Bag | undefined => {
        const given = value === undefined ? undefined : bag(value);
        return given === undefined || Object.keys(given).length === 0 ? undefined : given;
      };
      const found = await adapter.read(req.getUrn(), req.getId(), state(req.getProperties()), state(req.getInputs()));
      if (found === undefined) return new pb.ReadResponse().setId('');
      return new pb.ReadResponse()
        .setId(found.id)
        .setProperties(toStruct(remark(found.outs, req.getProperties(), req.getInputs())))
        .setInputs(toStruct(remark(found.inputs, req.getInputs())));
    }),
    update: serve(async (req: providerTypes.UpdateRequest) => {
      const made = await adapter.update(
        req.getUrn(),
        req.getId(),
        bag(req.getOlds()),
        bag(req.getNews()),
        req.getOldInputs() === undefined ? undefined : bag(req.getOldInputs()),
      );
      return new pb.UpdateResponse().setProperties(toStruct(remark(made.outs, req.getNews())));
    }),
    delete: serve(async (req: providerTypes.DeleteRequest) => {
      await adapter.remove(
        req.getUrn(),
        req.getId(),
        bag(req.getProperties()),
        req.getOldInputs() === undefined ? undefined : bag(req.getOldInputs()),
      );
      return new empty.Empty();
    }),
    invoke: serve(async (req: providerTypes.InvokeRequest) => {
      const result = await adapter.invoke(req.getTok(), bag(req.getArgs()));
      const resp = new pb.InvokeResponse();
      if ('failures' in result)
        return resp.setFailuresList(result.failures.map((f) => new pb.CheckFailure().setProperty(f.property).setReason(f.reason)));
      return resp.setReturn(toStruct(remark(result.value, req.getArgs())));
    }),
    construct: serve((req: providerTypes.ConstructRequest) => components.construct(req)),
    cancel: serve(() => new empty.Empty()),
    attach: serve(() => new empty.Empty()),
  };
}

/**
 * Serves the adapter on a local port and prints the port for the engine (its protocol: the first line of stdout).
 * Anything else this process prints goes to stderr, which the engine shows as the resource's diagnostics.
 */
export async function serveProvider(adapter: ProviderAdapter, components: Components): Promise<void> {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 400 * 1024 * 1024 });
  server.addService(rpc.ResourceProviderService, service(adapter, components));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, bound) => (err === null ? resolve(bound) : reject(err)));
  });
  process.stdout.write(`${port}\n`);
}
