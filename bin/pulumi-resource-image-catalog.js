#!/usr/bin/env node
// The image-catalog Pulumi provider plugin, as the engine runs it: `pulumi-resource-image-catalog` found on PATH,
// through `plugins.providers` in Pulumi.yaml (this folder), or in Pulumi's plugin cache after `image-catalog plugin
// install`. It runs the compiled provider (dist/) with the `node` on PATH,
// i.e. the Node that runs the project; in a checkout, the TypeScript source through tsx.
// The engine runs bin/pulumi-resource-image-catalog, a shell script that runs this file with `node`.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requireNode } from './node-check.js';

requireNode('pulumi-resource-image-catalog', 'put Node 24 LTS first on the PATH pulumi runs with');
const root = dirname(dirname(realpathSync(fileURLToPath(import.meta.url))));
const source = join(root, 'provider', 'pulumi', 'plugin', 'main.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'pulumi', 'plugin', 'main.js')).href);
}
