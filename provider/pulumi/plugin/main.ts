/**
 * The provider plugin's entry: the engine starts `pulumi-resource-image-catalog` (bin/), which runs this module;
 * it serves the ResourceProvider service and prints its port, and leaves when the engine is gone (what is in
 * flight stopped first). See docs/pulumi.md for how Pulumi finds the plugin.
 *
 * What the process that started the run asks of this one crosses the process boundary as environment variables,
 * read here once: IMAGE_CATALOG_POLICY_MODE (`report` during a whole-plan preview), IMAGE_CATALOG_DECISION_LOG
 * (the file each decision is appended to) and IMAGE_CATALOG_PLAN_CREATES (the marks of the decided plan's creates).
 */
import { reportOnly } from '../../policy/data.js';
import { decisionLog, decisionLogVariable, planCreates, planCreatesVariable } from '../decision-log.js';
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
  creating: planCreates(process.env[planCreatesVariable]),
  ...(log === undefined || log === '' ? {} : { onDecision: decisionLog(log) }),
});
watchEngine((reason) => runtime.interrupt(reason));
// A component the plugin constructs (./construct.ts) registers its outputs without waiting for the answer: when the
// engine stops the run first (a change the policy blocked elsewhere), that registration fails with the monitor
// gone. Nothing is lost (the run has already failed, with its reason), so it is no crash of the plugin; any other
// stray rejection is said on stderr (the engine shows it) and the plugin goes on serving.
process.on('unhandledRejection', (reason: unknown) => {
  const message = reason instanceof Error ? reason.message : String(reason);
  if (/resource monitor shut down|UNAVAILABLE/.test(message)) return;
  process.stderr.write(`image-catalog provider: ${message}\n`);
});
await serveProvider(runtimeAdapter(runtime), { construct: (req) => construct(req, engine) });
