#!/usr/bin/env node
// The `image-catalog` command. In a checkout: the TypeScript source through tsx (a dev dependency there); in
// the installed package (which ships no sources): the compiled CLI under dist/.
import { existsSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [wantMajor, wantMinor] = manifest.engines.node
  .replace(/^>=\s*/, '')
  .split('.')
  .map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
  process.stderr.write(
    `image-catalog: needs Node ${manifest.engines.node}, and ${process.execPath} is ${process.version}: install Node 24 LTS ` +
      '(in a checkout, npm run cli -- <command> brings it)\n',
  );
  process.exit(2);
}

const source = new URL('../provider/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
