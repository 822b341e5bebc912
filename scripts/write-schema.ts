/**
 * Writes schema.json, the Pulumi package schema of the provider plugin, derived from schemas/*.schema.json
 * (provider/pulumi/schema.ts). Run by `npm run build` and `npm pack` (prepack); the file ships in the package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pulumiSchema } from '../provider/pulumi/schema.js';
import { repoRoot } from './tools.js';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
writeFileSync(join(repoRoot, 'schema.json'), `${JSON.stringify(pulumiSchema(version), null, 2)}\n`);
process.stdout.write(`schema.json: the Pulumi package schema of image-catalog ${version}\n`);
