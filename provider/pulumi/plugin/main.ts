/**
 * The provider plugin's entry: the engine starts `pulumi-resource-image-catalog` (bin/), which runs this module;
 * it serves the ResourceProvider service and prints its port, and leaves when the engine is gone (what is in
 * flight stopped first). See docs/pulumi.md for how Pulumi finds the plugin.
 */
import { interrupt, setNoticeSink } from '../runtime.js';
import { runtimeAdapter } from './adapter.js';
import { engineAddress, engineLog } from './engine-log.js';
import { watchEngine } from './engine-watch.js';
import { serveProvider } from './server.js';

watchEngine((reason) => interrupt(reason));
setNoticeSink(engineLog(engineAddress(process.argv.slice(2))));
await serveProvider(runtimeAdapter());
