/**
 * The dynamic providers Pulumi serializes into the stack. Each is kept small on purpose: its methods capture
 * only the resource kind and a module URL, and import the implementation (./runtime.js) when Pulumi calls
 * them, in the provider process. No credential, session or token can be captured here, so none lands in state.
 *
 * The URL is the runtime beside this module: in an installed package, the compiled `dist/pulumi/runtime.js` of
 * the project's node_modules/image-catalog; in this checkout (run from source), `runtime.ts`, loaded through
 * tsx, which the provider process registers first. (The provider plugin of the next release replaces this.)
 */
import type * as pulumi from '@pulumi/pulumi';
import type { Kind } from './tokens.js';

const fromSource = import.meta.url.endsWith('.ts');
const runtimeUrl = new URL(fromSource ? './runtime.ts' : './runtime.js', import.meta.url).href;
const tsxUrl = fromSource ? import.meta.resolve('tsx/esm/api') : undefined;

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
      if (tsxUrl !== undefined) ((await import(tsxUrl)) as { register: () => unknown }).register();
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
