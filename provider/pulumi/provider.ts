/**
 * The dynamic providers Pulumi serializes into the stack. Each is kept small on purpose: its methods capture
 * only the resource kind and two module URLs, and import the implementation (./runtime.ts) when Pulumi calls
 * them, in the provider process. No credential, session or token can be captured here, so none lands in state.
 *
 * The implementation is TypeScript: the first call registers tsx's loader in the provider process.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { Kind } from './tokens.js';

const runtimeUrl = new URL('./runtime.ts', import.meta.url).href;
const tsxUrl = import.meta.resolve('tsx/esm/api');

const made = new Map<Kind, pulumi.dynamic.ResourceProvider>();

/**
 * The provider of one kind: one object per kind, because Pulumi caches a provider's serialization by object
 * identity (a new object per resource would be serialized again for each one).
 */
export function dynamicProvider(kind: Kind): pulumi.dynamic.ResourceProvider {
  let provider = made.get(kind);
  if (provider === undefined) {
    provider = makeProvider(kind);
    made.set(kind, provider);
  }
  return provider;
}

function makeProvider(kind: Kind): pulumi.dynamic.ResourceProvider {
  const load = async (): Promise<typeof import('./runtime.js')> => {
    const state = globalThis as { imageCatalogRuntime?: Promise<typeof import('./runtime.js')> };
    state.imageCatalogRuntime ??= (async () => {
      const tsx = (await import(tsxUrl)) as { register: () => unknown };
      tsx.register();
      return (await import(runtimeUrl)) as typeof import('./runtime.js');
    })();
    return state.imageCatalogRuntime;
  };
  return {
    async configure(req) {
      (await load()).configure(req.config);
    },
    async check(olds: Record<string, unknown>, news: Record<string, unknown>) {
      return (await load()).check(kind, olds, news);
    },
    async diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
      return (await load()).diff(kind, id, olds, news);
    },
    async create(inputs: Record<string, unknown>) {
      return (await load()).create(kind, inputs);
    },
    async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
      return (await load()).update(kind, id, olds, news);
    },
    async delete(id: string, props: Record<string, unknown>) {
      await (await load()).remove(kind, id, props);
    },
  };
}
