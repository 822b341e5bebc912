/**
 * The plugin's `Construct`: a program in another language (Pulumi YAML; Python or Go through generated SDKs)
 * registers `image-catalog:index:VersionLine` as a remote component, and the engine asks this plugin to build it.
 * The plugin runs the same component as a TypeScript program does (../versionLine.ts), its resources registered
 * with the engine's monitor for that program, so a YAML line is the TypeScript line: the same versions, lifecycle,
 * shares and policy.
 *
 * The inputs are checked against schemas/versionLine.schema.json first (the resource, the field and the rule named,
 * before any resource is registered). A line's shape decides its resources, so every input must be known at preview:
 * a value only another resource's apply gives (an unknown) is refused naming the field.
 *
 * It follows the SDK's own provider server (`@pulumi/pulumi/provider/server.js`, `construct`), which this plugin
 * does not use (./server.ts says why): the runtime pointed at the request's monitor, its config set, the component
 * built in an async-local store of its own, its outputs serialized once every registration is done. Those runtime
 * functions are the SDK's internals; they are looked up when a Construct arrives, and a missing one is said.
 */
import { createRequire } from 'node:module';
import * as pulumi from '@pulumi/pulumi';
import type * as structTypes from 'google-protobuf/google/protobuf/struct_pb.js';
import type * as providerTypes from '@pulumi/pulumi/proto/provider_pb.js';
import { checkInputs } from '../../resources/schema.js';
import { versionLineSchema } from '../../resources/versionLine.js';
import { componentToken } from '../tokens.js';
import { VersionLine } from '../versionLine.js';

const fromSdk = createRequire(import.meta.resolve('@pulumi/pulumi/provider/server.js'));
const pb = fromSdk('../proto/provider_pb') as typeof providerTypes;
const struct = fromSdk('google-protobuf/google/protobuf/struct_pb') as typeof structTypes;

/** The SDK runtime functions a Construct needs (internal to @pulumi/pulumi: not in its typings). */
interface Runtime {
  readonly settings: {
    readonly resetOptions: (
      project: string,
      stack: string,
      parallel: number,
      engine: string,
      monitor: string,
      preview: boolean,
      org: string,
    ) => void;
    readonly awaitFeatureSupport: () => Promise<void>;
    readonly waitForRPCs: () => Promise<void>;
  };
  readonly config: { readonly setAllConfig: (config: Record<string, string>, secretKeys?: string[]) => void };
  readonly rpc: {
    readonly deserializeProperties: (inputs: structTypes.Struct, keepUnknowns?: boolean) => Record<string, unknown>;
    readonly serializeResourceProperties: (label: string, props: Record<string, unknown>) => Promise<[Record<string, unknown>, unknown]>;
    readonly unknownValue: string;
  };
  readonly state: { readonly withLocalStorage: <T>(work: () => Promise<T>) => Promise<T> };
}

function sdkRuntime(): Runtime {
  const runtime = {
    settings: fromSdk('../runtime/settings.js') as Runtime['settings'],
    config: fromSdk('../runtime/config.js') as Runtime['config'],
    rpc: fromSdk('../runtime/rpc.js') as Runtime['rpc'],
    state: fromSdk('../runtime/state.js') as Runtime['state'],
  };
  const needed: [string, unknown][] = [
    ['settings.resetOptions', runtime.settings.resetOptions],
    ['settings.awaitFeatureSupport', runtime.settings.awaitFeatureSupport],
    ['settings.waitForRPCs', runtime.settings.waitForRPCs],
    ['config.setAllConfig', runtime.config.setAllConfig],
    ['rpc.deserializeProperties', runtime.rpc.deserializeProperties],
    ['rpc.serializeResourceProperties', runtime.rpc.serializeResourceProperties],
    ['state.withLocalStorage', runtime.state.withLocalStorage],
  ];
  const missing = needed.filter(([, f]) => typeof f !== 'function').map(([name]) => name);
  if (missing.length > 0)
    throw new Error(
      `VersionLine: this @pulumi/pulumi lacks ${missing.join(', ')}, which the plugin's Construct uses; install the version image-catalog names (docs/install.md)`,
    );
  return runtime;
}

/** The first field (a path) whose value is unknown at preview; undefined when every value is known. */
function unknownField(value: unknown, unknown: string, path = ''): string | undefined {
  if (value === unknown) return path === '' ? '(the inputs)' : path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = unknownField(v, unknown, `${path}[${String(i)}]`);
      if (found !== undefined) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const found = unknownField(v, unknown, path === '' ? k : `${path}.${k}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Builds the component a Construct asks for and answers with its URN and outputs. */
export async function construct(req: providerTypes.ConstructRequest, engine: string | undefined): Promise<providerTypes.ConstructResponse> {
  const type = req.getType();
  const name = req.getName();
  if (type !== componentToken('versionLine'))
    throw new Error(`${type}: not a component of image-catalog (it has ${componentToken('versionLine')})`);
  if (engine === undefined) throw new Error(`VersionLine "${name}": the engine's address was not given to the plugin`);
  const { settings, config, rpc, state } = sdkRuntime();
  return state.withLocalStorage(async () => {
    settings.resetOptions(
      req.getProject(),
      req.getStack(),
      req.getParallel(),
      engine,
      req.getMonitorendpoint(),
      req.getDryrun(),
      req.getOrganization(),
    );
    await settings.awaitFeatureSupport();
    config.setAllConfig(Object.fromEntries(req.getConfigMap().toArray()), req.getConfigsecretkeysList());
    const given = req.getInputs();
    const inputs = given === undefined ? {} : rpc.deserializeProperties(given, true);
    const unknown = unknownField(inputs, rpc.unknownValue);
    if (unknown !== undefined)
      throw new Error(
        `VersionLine "${name}": ${unknown}: not known at preview (a value another resource gives when it is applied); a line's versions, names and consumers decide its resources, so they must be known (rule: known)`,
      );
    const args = checkInputs(versionLineSchema(), name, inputs);
    const providers = Object.fromEntries(
      req
        .getProvidersMap()
        .toArray()
        .map(([pkg, ref]) => [pkg, new pulumi.DependencyProviderResource(ref)]),
    );
    const parent = req.getParent();
    const line = new VersionLine(name, args, {
      ...(parent === '' ? {} : { parent: new pulumi.DependencyResource(parent) }),
      providers,
      dependsOn: req.getDependenciesList().map((urn) => new pulumi.DependencyResource(urn)),
      protect: req.getProtect() === true,
    });
    const urn = await new Promise<string>((resolve) => line.urn.apply((u) => resolve(u)));
    // The outputs the schema declares (x-outputs), read off the component.
    const fields = new Map<string, unknown>(Object.entries(line));
    const outputs = Object.fromEntries(versionLineSchema().outputs.map((o) => [o.local, fields.get(o.local)]));
    const [serialized] = await rpc.serializeResourceProperties(`construct(${type}, ${name})`, outputs);
    await settings.waitForRPCs();
    return new pb.ConstructResponse()
      .setUrn(urn)
      .setState(struct.Struct.fromJavaScript(serialized as Record<string, structTypes.JavaScriptValue>));
  });
}
