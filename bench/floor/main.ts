/**
 * The engine floor of the benches: a provider plugin (`floor`, served by the same gRPC server as the
 * image-catalog plugin) whose one resource, `floor:index:Noop`, makes no API call. What a run of it costs is the
 * engine's passes, the plugin process and the gRPC round trips: the part of a pulumi run no API work is in.
 */
import type { ProviderAdapter } from '../../provider/pulumi/plugin/adapter.js';
import { serveProvider } from '../../provider/pulumi/plugin/server.js';

const adapter: ProviderAdapter = {
  version: '0.0.1',
  schema: () => '{}',
  checkConfig: (news) => ({ inputs: news, failures: [] }),
  diffConfig: () => false,
  configure: () => undefined,
  check: (_urn, _olds, news) => Promise.resolve({ inputs: news, failures: [] }),
  diff: () => Promise.resolve({ changes: false, replaces: [], diffs: [] }),
  create: (urn, news) => Promise.resolve({ id: urn.split('::').at(-1) ?? urn, outs: news }),
  read: (_urn, id, props) => Promise.resolve({ id, outs: props ?? {}, inputs: props ?? {} }),
  update: (_urn, _id, _olds, news) => Promise.resolve({ outs: news }),
  remove: () => Promise.resolve(),
  // A function that makes no API call either (the peer of the getImage invoke's bench).
  invoke: (_token, args) => Promise.resolve({ value: args }),
};

await serveProvider(adapter, { construct: () => Promise.reject(new Error('the floor plugin builds no component')) });
