/**
 * `image-catalog`: the command line. Each command's help is its documentation (`image-catalog help <cmd>`).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAdopt } from './adopt.js';
import { registerConvert } from './convert.js';
import { registerAudit } from './audit.js';
import { doctorReport, formatDoctor, packageDoctorLines } from './doctor.js';
import { registerPolicy, UsageError } from './policy.js';
import { registerMigrate } from './migrate.js';
import { registerPlanCheck } from './plan-check.js';
import { registerPrCheck } from './pr-check.js';
import { registerPlugin } from './plugin.js';
import { registerPreview } from './preview.js';
import { registerResolve } from './resolve.js';
import { registerStore } from './store.js';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('image-catalog')
  .description('Golden-image catalogs as code for an OpenStack-Glance-compatible Image Service.')
  .version(manifest.version)
  .showHelpAfterError()
  // Commander's own usage errors exit 2 as well, like UsageError.
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

program
  .command('doctor')
  .description(
    'Show what image-catalog needs to run, found or not: the Node that runs it (and why), the pulumi CLI on PATH, ' +
      'the provider plugin pulumi-resource-image-catalog, the policy bundle, and opa (only for policy test). Exits 1 when something needed is missing.',
  )
  .action(async () => {
    const report = doctorReport(await packageDoctorLines());
    process.stdout.write(formatDoctor(report));
    process.exitCode = report.ok ? 0 : 1;
  });

registerPolicy(program);
registerAudit(program);
registerAdopt(program);
registerConvert(program);
registerPreview(program);
registerResolve(program);
registerMigrate(program);
registerPlanCheck(program);
registerPrCheck(program);
registerPlugin(program);
registerStore(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // A usage error exits 2; any other failure exits 1 with its message only (no stack trace: it may be read in CI logs).
  process.stderr.write(`image-catalog: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
