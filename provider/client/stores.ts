/**
 * Storage backends as the Image API reports them (there is no write API: a store is configuration).
 */
import { imageRoot } from './images.js';
import type { Session } from './session.js';

/** A store of GET /v2/info/stores. */
export interface StoreWire {
  readonly id: string;
  readonly description?: string;
  /** Glance sends the default flag as the string "true", and leaves it out for the others. */
  readonly default?: string | boolean;
  /** Glance spells this one with a hyphen, and sends it (as "true") only for read-only stores such as http. */
  readonly 'read-only'?: string | boolean;
}

/** A store of GET /v2/info/stores/detail (admin only). */
export interface StoreDetailWire extends StoreWire {
  readonly type: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** True for Glance's "true" string (or a boolean true). */
export function flag(value: string | boolean | undefined): boolean {
  return value === true || value === 'true';
}

/** GET /v2/info/stores (200), for every project. */
export async function listStores(session: Session): Promise<StoreWire[]> {
  const reply = await session.request({ method: 'GET', url: `${imageRoot(await session.endpoint('image'))}/v2/info/stores`, ok: [200] });
  return (JSON.parse(reply.text) as { stores: StoreWire[] }).stores;
}

/** GET /v2/info/stores/detail (200), admin only (403 otherwise). */
export async function listStoresDetail(session: Session): Promise<StoreDetailWire[]> {
  const reply = await session.request({
    method: 'GET',
    url: `${imageRoot(await session.endpoint('image'))}/v2/info/stores/detail`,
    ok: [200],
  });
  return (JSON.parse(reply.text) as { stores: StoreDetailWire[] }).stores;
}
