/**
 * The stores of an adoption. Glance lists its stores (`/v2/info/stores/detail`, admin only) but keeps their
 * configuration in glance-api's files, so what adopt can write depends on where a store is configured:
 * - a store whose fragment (`store-<id>.conf`, written by a StorageBackend) is in the config folder adopt is given
 *   (`--store-config-dir`): a `StorageBackend` with its import id, its options read from the fragment (a secret
 *   option as the stack's secret config, never its value);
 * - a store configured elsewhere (glance-api.conf, by hand or by the tool that deploys Glance): said, not written
 *   (the resource manages the stores whose fragments it renders and refuses an id configured outside it);
 * - no admin role, or no config folder given: said, with what to give.
 */
import { isForbidden } from '../client/errors.js';
import type { Session } from '../client/session.js';
import { flag, listStoresDetail, type StoreDetailWire } from '../client/stores.js';
import { checkStoreInputs, parseStoreFragment, readStoreFragment } from '../resources/store/store.js';
import { UsageError } from './policy.js';

/** A store adopt writes as a StorageBackend: its inputs (no secret value) and the secret options the program reads from config. */
export interface AdoptedStore {
  readonly live: StoreDetailWire;
  readonly inputs: Record<string, unknown>;
  /** The secret options the fragment sets (their values stay in the fragment). */
  readonly secrets: readonly string[];
  /** The creation mark the fragment names: the stack resource that made it. */
  readonly owner: string | undefined;
}

/** What adopt read of the stores: the ones it writes, and what it says of the others. */
export interface StoreAdoption {
  /** The cloud the stores were read with (an admin's). */
  readonly cloud: string;
  readonly written: readonly AdoptedStore[];
  /** One sentence per store not written, or why none was read. */
  readonly notes: readonly string[];
}

/** Where adopt looks for the fragments of StorageBackends and what reloads glance-api. */
export interface StoreOptions {
  readonly cloud: string;
  readonly configDir?: string;
  readonly reloadCommand?: readonly string[];
  readonly include?: RegExp;
}

/** The line of a store as its notes say it: id, type, the default flag, its description. */
function storeLine(live: StoreDetailWire): string {
  const description = typeof live.description === 'string' && live.description !== '' ? ` "${live.description}"` : '';
  return `store ${live.id} (${live.type}${flag(live.default) ? ', the default' : ''})${description}`;
}

/**
 * Reads the stores `options.cloud` sees and sorts them into those written as StorageBackends and those said. A
 * cloud without the admin role is said (no error: the images are adopted all the same).
 */
export async function readStores(session: Session, options: StoreOptions): Promise<StoreAdoption> {
  let listed: StoreDetailWire[];
  try {
    listed = await listStoresDetail(session);
  } catch (err) {
    if (!isForbidden(err)) throw err;
    return {
      cloud: options.cloud,
      written: [],
      notes: [
        `stores: not read: /v2/info/stores/detail is admin only and cloud ${JSON.stringify(options.cloud)} is not an admin (give --store-cloud an admin's cloud to write the stores as StorageBackends)`,
      ],
    };
  }
  const stores = listed.filter((s) => options.include === undefined || options.include.test(s.id)).sort((a, b) => a.id.localeCompare(b.id));
  const written: AdoptedStore[] = [];
  const notes: string[] = [];
  for (const live of stores) {
    if (options.configDir === undefined || options.reloadCommand === undefined) {
      notes.push(
        `${storeLine(live)}: not written: give --store-config-dir (glance-api's --config-dir) and --store-reload-command to write the stores whose StorageBackend fragments are there`,
      );
      continue;
    }
    const fragment = readStoreFragment(options.configDir, live.id);
    if (fragment === undefined) {
      notes.push(
        `${storeLine(live)}: configured outside ${options.configDir} (glance-api.conf, by hand or by the tool that deploys Glance): that configuration manages it, so it is not written as a StorageBackend (the resource manages the stores whose fragments it renders, and refuses an id configured outside it); images may name it in \`stores\``,
      );
      continue;
    }
    const { options: read, secrets } = parseStoreFragment(live.type, fragment.text, live.id, fragment.accounts);
    const inputs: Record<string, unknown> = {
      id: live.id,
      type: live.type,
      isDefault: flag(live.default),
      ...(typeof live.description === 'string' && live.description !== '' ? { description: live.description } : {}),
      configDir: options.configDir,
      reloadCommand: [...options.reloadCommand],
      options: read,
    };
    // The inputs as the resource checks them (the secret options stand in as placeholders): bad input is said now.
    checkStoreInputs(`store-${live.id}`, { ...inputs, options: { ...read, ...Object.fromEntries(secrets.map((s) => [s, 'secret'])) } });
    written.push({ live, inputs, secrets, owner: fragment.header.owner });
  }
  return { cloud: options.cloud, written, notes };
}

/** `--store-reload-command`: a JSON array of argv, or words split on white space. */
export function reloadCommandOption(text: string): string[] {
  if (text.trim().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`--store-reload-command: not a JSON array of strings: ${(err as Error).message}`);
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === 'string'))
      throw new UsageError('--store-reload-command: not a JSON array of strings (argv, the command first)');
    return parsed;
  }
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) throw new UsageError('--store-reload-command: empty');
  return words;
}

/** The stack config key a secret option of an adopted store is read from (`pulumi config set --secret`). */
export function secretConfigKey(storeId: string, option: string): string {
  return `store_${storeId}_${option}`;
}
