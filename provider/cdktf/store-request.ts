/**
 * What a CDKTF `StorageBackend` asks `image-catalog store apply|delete` to do, and doing it. Terraform has no
 * resource for a Glance store, so the construct is a `terraform_data` whose input is this request and whose
 * local-exec provisioners run the CLI with it in `IMAGE_CATALOG_STORE` (./store.ts); the work is the same code as
 * the Pulumi StorageBackend's (provider/resources/store: fragment, backends list, reload, verification, rollback).
 *
 * Secrets never enter the request: an option the schema marks writeOnly (swift key, s3 keys, vmware password) is
 * named in `secretsFromEnv` by the environment variable that holds it, read when the CLI runs (the environment of
 * `cdktn deploy`). So neither cdk.tf.json, the plan nor the state holds it. The module imports nothing of cdktn: the
 * CLI runs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Session } from '../client/session.js';
import { resourceSchema } from '../resources/schema.js';
import {
  applyStoreResource,
  checkStoreInputs,
  deleteStoreResource,
  fragmentFile,
  renderStoreFragment,
  storeOwner,
  type StoreInputs,
} from '../resources/store/store.js';

/** The environment variable the provisioners pass the request in. */
export const storeRequestVariable = 'IMAGE_CATALOG_STORE';

/** The request: the construct path (for messages), the admin cloud, the store's settings without secrets, and where the secrets are. */
export interface StoreRequest {
  readonly name: string;
  /** The clouds.yaml cloud with an admin role that verifies the store (default: OS_CLOUD / OS_*). */
  readonly cloud?: string;
  /** schemas/store.schema.json fields; writeOnly options left out. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Option name -> the environment variable that holds its value. */
  readonly secretsFromEnv?: Readonly<Record<string, string>>;
}

/** The writeOnly options of a store type (the schema's per-type $defs). */
export function secretOptions(type: string): string[] {
  return (resourceSchema('store.schema.json').defs[type] ?? []).filter((f) => f.secret).map((f) => f.local);
}

/**
 * The store's checked inputs: the settings with each secret option read from its environment variable. Refuses a
 * secret given as a value and a variable that is not set, naming the store, the option and the rule.
 */
export function resolveStoreRequest(request: StoreRequest, env: NodeJS.ProcessEnv = process.env): StoreInputs {
  const settings = request.settings;
  const type = String(settings['type']);
  const options: Record<string, unknown> = { ...((settings['options'] ?? {}) as Record<string, unknown>) };
  for (const option of secretOptions(type)) {
    if (options[option] !== undefined)
      throw new Error(
        `StorageBackend "${request.name}": options.${option}: a secret is never written into the configuration or the state; ` +
          `name the environment variable that holds it in secretsFromEnv (rule: secret-from-env)`,
      );
    const variable = request.secretsFromEnv?.[option];
    if (variable === undefined) continue;
    const value = env[variable];
    if (value === undefined || value === '')
      throw new Error(
        `StorageBackend "${request.name}": options.${option}: the environment variable ${variable} is not set (rule: secret-from-env)`,
      );
    options[option] = value;
  }
  return checkStoreInputs(request.name, { ...settings, options });
}

/** Reads the request from `IMAGE_CATALOG_STORE` (or a file). */
export function readStoreRequest(file?: string, env: NodeJS.ProcessEnv = process.env): StoreRequest {
  const text = file === undefined ? env[storeRequestVariable] : readFileSync(file, 'utf8');
  if (text === undefined || text === '') throw new Error(`no store request: set ${storeRequestVariable} (JSON) or give --request <file>`);
  const request = JSON.parse(text) as StoreRequest;
  if (typeof request.name !== 'string' || typeof request.settings !== 'object')
    throw new Error(`the store request needs name and settings (got ${Object.keys(request).join(', ')})`);
  return request;
}

/**
 * The variable the create-time provisioner sets to the resource's creation mark (../cdktf/marks.ts): the store is
 * claimed with it, and a store another mark claims is refused.
 */
export const storeMarkVariable = 'IMAGE_CATALOG_STORE_MARK';

/**
 * Creates or updates the store (applyStoreResource: idempotent), as the request's cloud; with a creation mark
 * (`mark`), claimed by it: a store another resource or stack instance claims is refused.
 */
export async function applyStoreRequest(request: StoreRequest, mark?: string): Promise<StoreInputs> {
  const inputs = resolveStoreRequest(request);
  const session = Session.forCloud(request.cloud);
  try {
    const claim = mark === undefined || mark === '' ? {} : { create: true, creator: mark, adoptUnowned: true };
    return (await applyStoreResource(session, request.name, inputs, claim)).inputs;
  } finally {
    await session.close();
  }
}

/**
 * Removes the store, unless its fragment on disk is no longer the one this request renders: then a newer apply
 * (the replacement of the same store id, which Terraform creates before it destroys this one) owns it. Returns
 * whether the store was removed.
 */
export async function deleteStoreRequest(request: StoreRequest): Promise<boolean> {
  const inputs = resolveStoreRequest(request);
  const fragment = fragmentFile(inputs.configDir, inputs.id);
  // The claim in its header is not the request's (a destroy-time provisioner sees no creation mark).
  if (existsSync(fragment) && readFileSync(fragment, 'utf8') !== renderStoreFragment(inputs, storeOwner(inputs.configDir, inputs.id)))
    return false;
  const session = Session.forCloud(request.cloud);
  try {
    await deleteStoreResource(session, request.name, inputs);
    return true;
  } finally {
    await session.close();
  }
}
