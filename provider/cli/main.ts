/**
 * `image-catalog`: the command line. Each command's help is its documentation (`image-catalog help <cmd>`).
 */
import { Command } from 'commander';
import { doctor, formatDoctor } from './doctor.js';

const program = new Command('image-catalog')
  .description('Golden-image catalogs as code for an OpenStack-Glance-compatible Image Service.')
  .showHelpAfterError();

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

await program.parseAsync(process.argv);
