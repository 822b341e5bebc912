// Where this checkout keeps what it installs outside the repository, for scripts/bootstrap.js (plain JavaScript,
// run before anything is installed) and the TypeScript scripts alike (types in paths.d.ts).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const versions = JSON.parse(readFileSync(join(root, 'scripts', 'versions.json'), 'utf8'));

/** The oldest Node the project runs on, from package.json's `engines.node` (`>=22.19` -> `22.19`). */
export const minimumNode = String(manifest.engines.node).replace(/^>=\s*/, '');

/**
 * The export condition under which `image-catalog/...` resolves to the TypeScript sources in this checkout
 * (package.json `exports`, tsconfig `customConditions`); the published package resolves to dist/.
 */
export const sourceCondition = 'image-catalog-source';

/** Cache root outside the repository: `$IMAGE_CATALOG_CACHE`, else `$XDG_CACHE_HOME/image-catalog`, else `~/.cache/image-catalog`. */
export function cacheRoot() {
  const explicit = process.env.IMAGE_CATALOG_CACHE;
  if (explicit !== undefined && explicit !== '') return explicit;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'image-catalog');
}

/** The cache folder of a tool's binaries, keyed by tool and version (scripts/versions.json). */
export function toolBinDir(name) {
  const spec = versions.tools[name];
  if (spec === undefined) throw new Error(`unknown tool "${name}": scripts/versions.json pins ${Object.keys(versions.tools).join(', ')}`);
  return join(cacheRoot(), 'tools', name, spec.version, 'bin');
}

/** The cache folders of every executable tool (not the Terraform providers, which live in tofu's mirror). */
export function toolBinDirs() {
  return Object.entries(versions.tools)
    .filter(([, spec]) => spec.mirror === undefined)
    .map(([name]) => toolBinDir(name));
}

/** Root of the OpenTofu filesystem mirror that holds the Terraform providers. */
export function providerMirrorDir() {
  return join(cacheRoot(), 'tools', 'tofu-mirror');
}

/** The CLI configuration that points tofu at the provider mirror and never at a registry. */
export function tofuCliConfigPath() {
  return join(providerMirrorDir(), 'tofu.rc');
}

/** The variables every tool run of this checkout gets: pulumi and tofu kept offline, tofu on its mirror. */
export function offlineEnv() {
  return {
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
    TF_CLI_CONFIG_FILE: tofuCliConfigPath(),
    CHECKPOINT_DISABLE: '1',
  };
}
