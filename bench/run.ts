/**
 * `npm run bench -- <name>`: runs bench/<name>.ts. Each benchmark measures this project against a named peer in
 * the same run (the machine is shared and noisy) and prints, as its last line, one JSON object
 * `{"bench", "peer", "ratio", "goal", ...}` with the figures behind the ratio.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'lib.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (name === undefined || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <name>\nbenchmarks: ${available.join(', ')}\n`);
  process.exit(2);
}
await import(`./${name}.ts`);
