/**
 * `image-catalog store apply|delete`: a Glance store configured (or removed) from a request, the way the CDKTF
 * StorageBackend's provisioners run it (../cdktf/store-request.ts): the same code as the Pulumi StorageBackend
 * (fragment, backends list, reload, verification, rollback). The request comes from IMAGE_CATALOG_STORE or --request.
 */
import type { Command } from 'commander';
import {
  applyStoreRequest,
  deleteStoreRequest,
  readStoreRequest,
  storeMarkVariable,
  storeRequestVariable,
} from '../cdktf/store-request.js';

/** Registers `store`. */
export function registerStore(program: Command): void {
  const store = program
    .command('store')
    .description(
      `Configure a Glance store from a request (JSON: name, cloud, settings as in schemas/store.schema.json, secretsFromEnv), ` +
        `read from ${storeRequestVariable} or --request: what the CDKTF StorageBackend runs at create and destroy.`,
    );
  store
    .command('apply')
    .description(
      'Create or update the store: write its fragment and the backends list, reload glance-api, verify it is live (rolled back on failure).',
    )
    .option('--request <file>', `the request as a JSON file (default: ${storeRequestVariable})`)
    .option('--mark <mark>', `the creation mark that claims the store (default: ${storeMarkVariable}; the gate's, docs/cdktf.md)`)
    .action(async (options: { request?: string; mark?: string }) => {
      const request = readStoreRequest(options.request);
      const inputs = await applyStoreRequest(request, options.mark ?? process.env[storeMarkVariable]);
      process.stdout.write(`store ${inputs.id} (${inputs.type}) is live${inputs.isDefault ? ' and the default' : ''}\n`);
    });
  store
    .command('delete')
    .description(
      "Remove the store and reload glance-api; left alone when its fragment is no longer this request's (a replacement applied it).",
    )
    .option('--request <file>', `the request as a JSON file (default: ${storeRequestVariable})`)
    .action(async (options: { request?: string }) => {
      const request = readStoreRequest(options.request);
      const id = String(request.settings['id']);
      process.stdout.write(
        (await deleteStoreRequest(request))
          ? `store ${id} removed\n`
          : `store ${id} was applied again with other settings: left as it is\n`,
      );
    });
}
