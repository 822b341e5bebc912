/**
 * The provider plugin's one adapter over the resource kinds: each call's URN gives the kind (its type token) and
 * the resource's name; the call goes to ../runtime.ts, which checks, diffs, decides and applies every kind the
 * same way. Property bags in and out, as the engine sends them (secrets unwrapped, unknowns as the SDK's marker).
 */
import { readFileSync } from 'node:fs';
import { policyConfigProblem, type ProviderRuntime } from '../runtime.js';
import { pulumiSchema } from '../schema.js';
import { newInstanceKey } from '../../resources/mark.js';
import { configKeys, instanceKey, kindOfType, packageName, parseUrn } from '../tokens.js';

export { parseUrn } from '../tokens.js';
import type { Kind } from '../tokens.js';

export type { Bag } from '../../resources/descriptor.js';
import type { Bag } from '../../resources/descriptor.js';

/** A check's result: the inputs to keep and the failures (each names its field and rule). */
export interface Checked {
  readonly inputs: Bag;
  readonly failures: readonly { readonly property: string; readonly reason: string }[];
}

/** What the gRPC service calls. */
export interface ProviderAdapter {
  readonly version: string;
  schema(): string;
  checkConfig(olds: Bag, news: Bag): Checked;
  diffConfig(olds: Bag, news: Bag): boolean;
  configure(args: Bag, variables: Readonly<Record<string, string>>): void;
  check(urn: string, olds: Bag, news: Bag): Promise<Checked>;
  diff(
    urn: string,
    id: string,
    olds: Bag,
    news: Bag,
    oldInputs: Bag | undefined,
  ): Promise<{ changes: boolean; replaces: string[]; diffs: string[] }>;
  create(urn: string, news: Bag): Promise<{ id: string; outs: Bag }>;
  read(
    urn: string,
    id: string,
    props: Bag | undefined,
    inputs: Bag | undefined,
  ): Promise<{ id: string; outs: Bag; inputs: Bag } | undefined>;
  update(urn: string, id: string, olds: Bag, news: Bag, oldInputs: Bag | undefined): Promise<{ outs: Bag }>;
  /** `oldInputs`: the state's inputs (what the service does not keep, for a resource that was imported). */
  remove(urn: string, id: string, props: Bag, oldInputs?: Bag): Promise<void>;
  /** A function (`image-catalog:index:getImage`): its result, or the failures of its arguments. */
  invoke(token: string, args: Bag): Promise<{ value: Bag } | { failures: Checked['failures'] }>;
}

function kindOf(urn: string): { kind: Kind; name: string; urn: string } {
  const { type, name } = parseUrn(urn);
  const kind = kindOfType(type);
  if (kind === undefined) throw new Error(`${urn}: ${type} is not a resource type of the ${packageName} provider`);
  return { kind, name, urn };
}

/**
 * The bag with the layer's fields from the URN added: runtime names every resource and its address by its name,
 * and marks what it creates with the URN.
 */
function named(bag: Bag, resource: { readonly name: string; readonly urn: string }): Bag {
  return { ...bag, resourceName: resource.name, resourceUrn: resource.urn };
}

/** What is stored: the bag without the layer's fields (the URN carries them). */
function stored(bag: Bag): Bag {
  return Object.fromEntries(Object.entries(bag).filter(([key]) => key !== 'resourceName' && key !== 'resourceUrn'));
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** The adapter over the plugin's runtime (provider/pulumi/runtime.ts). */
export function runtimeAdapter(runtime: ProviderRuntime): ProviderAdapter {
  /** Resources read (refresh, import) whose refresh diff has not come yet. */
  const refreshed = new Set<string>();
  const version = packageVersion();
  return {
    version,
    schema: () => JSON.stringify(pulumiSchema(version)),
    checkConfig(olds, news) {
      // The stack config of the project's own namespace reaches the default provider too when the project is
      // named image-catalog (the example's `image-catalog:adminCloud`): only the provider's settings are kept.
      // The stack instance's key is made with the provider resource and kept in its state from then on
      // (provider/resources/mark.ts): the state, not the stack's name, tells two checkouts apart.
      const kept = olds[instanceKey];
      // Bad policy data is the provider's configuration error: said by every run, one that changes nothing too.
      const policy = news['policy'];
      const problem = policyConfigProblem(typeof policy === 'string' ? policy : undefined);
      return {
        inputs: {
          ...Object.fromEntries(Object.entries(news).filter(([key]) => (configKeys as readonly string[]).includes(key))),
          [instanceKey]: typeof kept === 'string' && kept !== '' ? kept : newInstanceKey(),
        },
        failures: problem === undefined ? [] : [{ property: 'policy', reason: problem }],
      };
    },
    // The instance key never changes once made, and is never a reason to replace the provider's resources. A state
    // without one (written before 0.3) is an update of the provider: the engine configures an unchanged provider
    // with its old inputs, which would leave this run without the key its check just made.
    diffConfig(olds, news) {
      return (
        typeof olds[instanceKey] !== 'string' ||
        configKeys.some((key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null))
      );
    },
    configure(args, variables) {
      const value = (key: string): string | undefined => {
        const arg = args[key];
        if (typeof arg === 'string') return arg;
        if (arg !== undefined && arg !== null) return JSON.stringify(arg);
        return variables[`${packageName}:config:${key}`] ?? variables[`${packageName}:${key}`];
      };
      runtime.configure({ get: (key) => (key.startsWith(`${packageName}:`) ? value(key.slice(packageName.length + 1)) : undefined) });
    },
    async check(urn, olds, news) {
      const resource = kindOf(urn);
      const checked = await runtime.check(resource.kind, named(olds, resource), named(news, resource));
      return { inputs: stored(checked.inputs), failures: checked.failures };
    },
    async diff(urn, id, olds, news, oldInputs) {
      const resource = kindOf(urn);
      // The first diff after a read of the same resource is the refresh's own (the read state against the state's
      // inputs, to show the drift): nothing is applied, so nothing is decided. The plan's diff comes after it.
      const decide = !refreshed.delete(urn);
      return runtime.diff(
        resource.kind,
        id,
        named(olds, resource),
        named(news, resource),
        oldInputs === undefined ? undefined : named(oldInputs, resource),
        { decide },
      );
    },
    async create(urn, news) {
      const resource = kindOf(urn);
      const made = await runtime.create(resource.kind, named(news, resource));
      return { id: made.id, outs: stored(made.outs) };
    },
    async read(urn, id, props, inputs) {
      const resource = kindOf(urn);
      // A refresh reads a resource of the state (its properties come along); an import reads one by id only, and
      // its diff decides what the import changes.
      if (props !== undefined) refreshed.add(urn);
      const found = await runtime.read(
        resource.kind,
        id,
        resource.name,
        props === undefined ? undefined : named(props, resource),
        inputs === undefined ? undefined : named(inputs, resource),
      );
      return found === undefined ? undefined : { id: found.id, outs: stored(found.outs), inputs: stored(found.inputs) };
    },
    async update(urn, id, olds, news, oldInputs) {
      const resource = kindOf(urn);
      const made = await runtime.update(
        resource.kind,
        id,
        named(olds, resource),
        named(news, resource),
        oldInputs === undefined ? undefined : named(oldInputs, resource),
      );
      return { outs: stored(made.outs) };
    },
    async remove(urn, id, props, oldInputs) {
      const resource = kindOf(urn);
      await runtime.remove(resource.kind, id, named(props, resource), oldInputs === undefined ? undefined : named(oldInputs, resource));
    },
    invoke: (token, args) => runtime.invoke(token, args),
  };
}
