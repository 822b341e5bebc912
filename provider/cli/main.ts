/**
 * `image-catalog`: the command line. Each command's help is its documentation (`image-catalog help <cmd>`).
 */
import { Command } from 'commander';
import { doctor, formatDoctor } from './doctor.js';
import { registerPolicy, UsageError } from './policy.js';
import { registerPreview } from './preview.js';

const program = new Command('image-catalog')
  .description('Golden-image catalogs as code for an OpenStack-Glance-compatible Image Service.')
  .showHelpAfterError()
  // Commander's own usage errors exit 2 as well, like UsageError.
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

program
  .command('doctor')
  .description(
    'List every tool the project drives (pulumi, pulumi-language-nodejs, opa, regal, tofu, terraform-provider-openstack) ' +
      'with its version and path, the Debian packages of the lab, and the lab state. Exits 1 when a tool is missing.',
  )
  .action(async () => {
    const report = await doctor();
    process.stdout.write(formatDoctor(report));
    process.exitCode = report.ok ? 0 : 1;
  });

registerPolicy(program);
registerPreview(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  process.stderr.write(`image-catalog: ${err.message}\n`);
  process.exitCode = 2;
}
