/**
 * The provider plugin's entry: the engine starts `pulumi-resource-image-catalog` (bin/), which runs this module;
 * it serves the ResourceProvider service and prints its port, and leaves when the engine is gone (what is in
 * flight stopped first). See docs/pulumi.md for how Pulumi finds the plugin.
 *
 * What the process that started the run asks of this one crosses the process boundary as environment variables,
 * read here once: IMAGE_CATALOG_POLICY_MODE (`report` during a whole-plan preview) and IMAGE_CATALOG_DECISION_LOG
 * (the file each decision is appended to).
 */
import { reportOnly } from '../../policy/data.js';
import { decisionLog, decisionLogVariable } from '../decision-log.js';
import { ProviderRuntime } from '../runtime.js';
import { runtimeAdapter } from './adapter.js';
import { construct } from './construct.js';
import { engineAddress, engineLog } from './engine-log.js';
import { watchEngine } from './engine-watch.js';
import { serveProvider } from './server.js';

const log = process.env[decisionLogVariable];
const engine = engineAddress(process.argv.slice(2));
const runtime = new ProviderRuntime({
  notify: engineLog(engine),
  mode: reportOnly(process.env) ? 'report' : 'enforce',
  ...(log === undefined || log === '' ? {} : { onDecision: decisionLog(log) }),
});
watchEngine((reason) => runtime.interrupt(reason));
await serveProvider(runtimeAdapter(runtime), { construct: (req) => construct(req, engine) });
