/**
 * `StorageBackend`: a Glance store in a CDKTF app. No Terraform resource exists for it (Glance has no API to add a
 * store), so it is a built-in `terraform_data` whose input is the store's request (./store-request.ts) and whose
 * local-exec provisioners run `image-catalog store apply` at create and `image-catalog store delete` at destroy,
 * with the request in `IMAGE_CATALOG_STORE`. Any change of the settings replaces the resource, created before the
 * old one is destroyed: the new settings are applied, and the old one's delete sees the store's fragment is no
 * longer its own and leaves it. Secrets are named by environment variable (`secretsFromEnv`), never given.
 *
 * Terraform runs a destroy-time provisioner only while the resource is still in the configuration: remove a store
 * with `cdktn destroy`, or run `image-catalog store delete` after taking the construct out (docs/cdktf.md).
 */
import { fileURLToPath } from 'node:url';
import type { StoreFields } from '../resources/store/store.js';
import { Construct, DataResource, type ITerraformDependable } from './cdktn.js';
import { requireGate } from './gate-variable.js';
import { marksVariable } from './marks.js';
import { resolveStoreRequest, secretOptions, storeMarkVariable, storeRequestVariable, type StoreRequest } from './store-request.js';

/** Props of {@link StorageBackend}: schemas/store.schema.json with `storeId` for its `id`, the admin cloud, and where secrets are. */
export interface StorageBackendProps extends Omit<StoreFields, 'id'> {
  readonly storeId: string;
  /** A clouds.yaml cloud with an admin role (the store list is admin-only); default OS_CLOUD / OS_*. */
  readonly cloud?: string;
  /** Secret option -> the environment variable that holds it when `cdktn deploy` runs (swift key, s3 keys, vmware password). */
  readonly secretsFromEnv?: Readonly<Record<string, string>>;
  readonly dependsOn?: ITerraformDependable[];
}

/** The CLI the provisioners run: this package's, with the Node that runs the app. */
const cli = fileURLToPath(new URL('../../bin/image-catalog.js', import.meta.url));

/** A Glance store, configured, reloaded and verified by `image-catalog store apply` from a `terraform_data`. */
export class StorageBackend extends Construct {
  readonly storeId: string;
  readonly resource: DataResource;

  constructor(scope: Construct, id: string, props: StorageBackendProps) {
    super(scope, id);
    const { storeId, cloud, secretsFromEnv, dependsOn, ...fields } = props;
    this.storeId = storeId;
    const request: StoreRequest = {
      name: this.node.path,
      ...(cloud === undefined ? {} : { cloud }),
      settings: { ...fields, id: storeId },
      ...(secretsFromEnv === undefined ? {} : { secretsFromEnv }),
    };
    // Checked now (every field, and a secret given as a value), with a stand-in for each secret from the environment.
    const standIns = Object.fromEntries(secretOptions(fields.type).map((o) => [`IMAGE_CATALOG_CHECK_${o}`, 'x']));
    resolveStoreRequest(
      { ...request, secretsFromEnv: Object.fromEntries(Object.keys(secretsFromEnv ?? {}).map((o) => [o, `IMAGE_CATALOG_CHECK_${o}`])) },
      standIns,
    );
    requireGate(this);
    const path = `${this.node.path}/store`;
    const run = (action: 'apply' | 'delete', when: 'create' | 'destroy') => ({
      type: 'local-exec' as const,
      when,
      interpreter: [process.execPath, cli, 'store'],
      command: action,
      environment: {
        [storeRequestVariable]: '${jsonencode(self.input)}',
        // The create claims the store with the resource's creation mark (./marks.ts); a destroy-time provisioner
        // may read nothing but `self`.
        ...(when === 'create' ? { [storeMarkVariable]: `\${lookup(var.${marksVariable}, "${path}", "")}` } : {}),
      },
    });
    this.resource = new DataResource(this, 'store', {
      input: request,
      triggersReplace: request,
      lifecycle: { createBeforeDestroy: true },
      ...(dependsOn === undefined ? {} : { dependsOn }),
      provisioners: [run('apply', 'create'), run('delete', 'destroy')],
    });
  }
}
