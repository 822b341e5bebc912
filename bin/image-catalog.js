#!/usr/bin/env node
// The `image-catalog` command. In a checkout: the TypeScript source through tsx (a dev dependency there); in
// the installed package (which ships no sources): the compiled CLI under dist/.
import { existsSync } from 'node:fs';
import { requireNode } from './node-check.js';

requireNode(
  'image-catalog',
  'put Node 24 LTS first on PATH (install it if it is not there; in a checkout, npm run cli -- <command> brings it)',
);

const source = new URL('../provider/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
