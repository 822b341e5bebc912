#!/usr/bin/env node
// The image-catalog Pulumi provider plugin, as the engine runs it: `pulumi-resource-image-catalog` found on PATH,
// through `plugins.providers` in Pulumi.yaml (this folder), or installed with `pulumi plugin install resource
// image-catalog <version> --file <this folder>`. It runs the compiled provider (dist/) with the `node` on PATH,
// i.e. the Node that runs the project; in a checkout, the TypeScript source through tsx.
// The engine runs bin/pulumi-resource-image-catalog, a shell script that runs this file with `node`.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(realpathSync(fileURLToPath(import.meta.url))));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [wantMajor, wantMinor] = manifest.engines.node
  .replace(/^>=\s*/, '')
  .split('.')
  .map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
  process.stderr.write(
    `pulumi-resource-image-catalog: needs Node ${manifest.engines.node}, and ${process.execPath} is ${process.version}: ` +
      'put Node 24 LTS first on the PATH pulumi runs with\n',
  );
  process.exit(2);
}
const source = join(root, 'provider', 'pulumi', 'plugin', 'main.ts');
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'pulumi', 'plugin', 'main.js')).href);
}
