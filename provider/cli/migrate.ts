/**
 * `image-catalog migrate`: moves a stack made by the dynamic providers of release 0.1 to the provider plugin
 * (../pulumi/migrate.ts), keeping a copy of the state it started from.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadAutomation } from './pulumi-sdk.js';
import { migrateDeployment, type ExportedDeployment } from '../pulumi/migrate.js';
import { stackTarget, withStackOptions, type StackOptions } from './stack-options.js';

/** Registers `migrate`. */
export function registerMigrate(program: Command): void {
  withStackOptions(program.command('migrate'))
    .description(
      'Move a stack made by the dynamic providers of image-catalog 0.1 (types pulumi-nodejs:dynamic/image-catalog:*) to the provider plugin ' +
        '(image-catalog:index:*) without re-creating anything: its state is exported (a copy is kept beside it), each resource gets its ' +
        'new type, its serialized provider code goes, and the state is imported back. No API call to the Image Service. Then `pulumi preview` ' +
        'with this release shows no change.',
    )
    .option('--dry-run', 'say what would move, change nothing')
    .action(async (options: StackOptions & { dryRun?: boolean }) => {
      const target = stackTarget(options);
      const cwd = target.cwd;
      // Loaded here, not with the CLI: @pulumi/pulumi takes about a second to load, which no other command needs.
      const { openStack } = await loadAutomation();
      const stack = await openStack(target);
      const exported: ExportedDeployment = await stack.exportStack();
      const { deployment, report } = migrateDeployment(exported);
      if (report.moved.length === 0) {
        process.stdout.write(`stack ${options.stack}: no resource of the dynamic providers: nothing to migrate\n`);
        return;
      }
      for (const urn of report.moved) process.stdout.write(`  ${urn}\n`);
      if (options.dryRun === true) {
        process.stdout.write(`stack ${options.stack}: ${report.moved.length} resources would move to ${report.provider}\n`);
        return;
      }
      // The copy is the CLI's own export: secrets stay encrypted (the Automation API's export decrypts them).
      const backup = join(cwd, `${options.stack}.before-migrate-${Date.now()}.json`);
      execFileSync(stack.workspace.pulumiCommand.command, ['stack', 'export', '--stack', options.stack, '--file', backup], {
        cwd,
        env: { ...process.env, ...stack.workspace.envVars },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await stack.importStack(deployment);
      process.stdout.write(
        `stack ${options.stack}: ${report.moved.length} resources moved to the provider plugin (${report.provider}); ` +
          `the state before is in ${backup} (pulumi stack import --file it to go back)\n`,
      );
    });
}
