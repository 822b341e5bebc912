#!/usr/bin/env node
// `image-catalog-tofu`: the Terraform binary cdktn deploy runs through (TERRAFORM_BINARY_NAME=image-catalog-tofu),
// which decides each apply and destroy with the catalog policy first. In a checkout: the TypeScript source
// through tsx; in the installed package: the compiled gate under dist/.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requireNode } from './node-check.js';

requireNode('image-catalog-tofu', 'put Node 24 LTS first on PATH (install it if it is not there)');
const root = dirname(dirname(realpathSync(fileURLToPath(import.meta.url))));
const source = join(root, 'provider', 'cli', 'tofu-gate.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'cli', 'tofu-gate.js')).href);
}
