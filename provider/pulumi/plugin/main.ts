/**
 * The provider plugin's entry: the engine starts `pulumi-resource-image-catalog` (bin/), which runs this module;
 * it serves the ResourceProvider service and prints its port. See docs/pulumi.md for how Pulumi finds the plugin.
 */
import { runtimeAdapter } from './adapter.js';
import { serveProvider } from './server.js';

await serveProvider(runtimeAdapter());
