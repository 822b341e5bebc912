/** The stack config of the example catalog (index.ts) on the lab: written by `npm start`, read by the benches. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths, labSettings, readLabRecord } from './lab-settings.js';
import { repoRoot } from './tools.js';

/**
 * The example catalogs' policy data, the SCS-0102 profile on: examples/cdktf/policy.json (the CDKTF app's
 * IMAGE_CATALOG_POLICY_DATA), which the Pulumi example's stack config image-catalog:policy carries too.
 */
export const examplePolicyFile = join(repoRoot, 'examples', 'cdktf', 'policy.json');

/** The example's stack config, from the lab record. */
export function exampleConfig(): Record<string, string> {
  const record = readLabRecord();
  if (record === undefined) throw new Error('the lab has no record: run npm run lab -- up');
  const consumer = record.projects['appteam'];
  if (consumer === undefined) throw new Error('the lab has no appteam project: run npm run lab -- reset');
  const tsx = import.meta.resolve('tsx');
  return {
    'image-catalog:cloud': 'platform',
    'image-catalog:adminCloud': 'admin',
    'image-catalog:consumerProjectId': consumer,
    'image-catalog:consumerCloud': 'appteam',
    'image-catalog:glanceConfigDir': record.glanceConfigDir,
    'image-catalog:reloadCommand': JSON.stringify([process.execPath, '--import', tsx, join(repoRoot, 'scripts', 'lab.ts'), 'up']),
    'image-catalog:storesDir': join(labPaths(labSettings().stateDir).glance, 'stores'),
    'image-catalog:dataDir': join(repoRoot, '.image-data'),
    'image-catalog:policy': JSON.stringify(JSON.parse(readFileSync(examplePolicyFile, 'utf8'))),
  };
}

/**
 * The CDKTF example's settings (examples/cdktf/main.ts reads them from the environment), derived from the Pulumi
 * example's config: `image-catalog:consumerProjectId` -> CATALOG_CONSUMER_PROJECT_ID, and so on. The policy data
 * is not among them: the CDKTF gate reads the file IMAGE_CATALOG_POLICY_DATA names ({@link examplePolicyFile}).
 */
export function cdktfExampleEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(exampleConfig())
      .filter(([key]) => key !== 'image-catalog:policy')
      .map(([key, value]) => [
        `CATALOG_${key
          .replace(/^image-catalog:/, '')
          .replace(/[A-Z]/g, (c) => `_${c}`)
          .toUpperCase()}`,
        value,
      ]),
  );
}
