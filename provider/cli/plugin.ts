/**
 * `image-catalog plugin install`: puts the provider plugin of this installed package into Pulumi's plugin cache
 * (`pulumi plugin install resource image-catalog <version> --file ...`), for projects that neither put
 * node_modules/.bin on PATH nor name the plugin in Pulumi.yaml's plugins.providers.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { pluginDir, pluginName } from '../pulumi/plugin/location.js';
import { packageName } from '../pulumi/tokens.js';

/** Registers `plugin install`. */
export function registerPlugin(program: Command): void {
  const plugin = program.command('plugin').description('The Pulumi provider plugin of this package (pulumi-resource-image-catalog).');
  plugin
    .command('install')
    .description(
      "Install the provider plugin into Pulumi's plugin cache (PULUMI_HOME) as resource plugin image-catalog at this package's version. " +
        'The cached plugin is a launcher that runs this installed package (its dist/ and its node_modules): reinstall after moving or upgrading the package.',
    )
    .option('--pulumi <path>', 'the pulumi CLI to run', 'pulumi')
    .action((options: { pulumi: string }) => {
      const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
      // The cache keeps a copy of the folder it is given: a launcher that runs this package's own, by its path.
      const dir = mkdtempSync(join(tmpdir(), 'image-catalog-plugin-'));
      try {
        const launcher = join(dir, pluginName);
        writeFileSync(
          launcher,
          `#!/bin/sh\n# The ${packageName} provider plugin of the package at ${pluginDir}\nexec ${JSON.stringify(join(pluginDir, pluginName))} "$@"\n`,
        );
        chmodSync(launcher, 0o755);
        execFileSync(options.pulumi, ['plugin', 'install', 'resource', packageName, version, '--file', dir], { stdio: 'inherit' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      process.stdout.write(`resource plugin ${packageName} ${version} installed: it runs ${join(pluginDir, pluginName)}\n`);
    });
}
