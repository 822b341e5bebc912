/**
 * Interoperable image import (Image API v2 "Interoperable image import"): web-download (Glance fetches a URL),
 * glance-direct (stage, then import), copy-image (to more stores), with `stores` and
 * `all_stores_must_succeed`, and waiting for the image to become active.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { ImageDataError } from './errors.js';
import { getImage, imageRoot, type ImageWire } from './images.js';
import type { Session } from './session.js';

/** An import request. */
export type ImportMethod =
  { readonly name: 'web-download'; readonly uri: string } | { readonly name: 'glance-direct' } | { readonly name: 'copy-image' };

/** The body of POST /v2/images/{id}/import (pure). */
export function importBody(method: ImportMethod, stores?: readonly string[], allStoresMustSucceed?: boolean): Record<string, unknown> {
  return {
    method,
    ...(stores === undefined ? {} : { stores }),
    ...(allStoresMustSucceed === undefined ? {} : { all_stores_must_succeed: allStoresMustSucceed }),
  };
}

/** POST /v2/images/{id}/import (202). Retrying is safe: Glance refuses a second import of the same image (409). */
export async function startImport(
  session: Session,
  id: string,
  method: ImportMethod,
  stores?: readonly string[],
  allStoresMustSucceed?: boolean,
): Promise<void> {
  await session.request({
    method: 'POST',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}/import`,
    ok: [202],
    json: importBody(method, stores, allStoresMustSucceed),
    idempotent: true,
  });
}

/** PUT /v2/images/{id}/stage (204): the data of a glance-direct import. A stream is never retried. */
export async function stageData(session: Session, id: string, data: Readable): Promise<void> {
  await session.request({
    method: 'PUT',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}/stage`,
    ok: [204],
    body: data,
    headers: { 'content-type': 'application/octet-stream' },
    idempotent: false,
  });
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The time to allow for an image of `size` bytes to become active: 60 s plus 5 s per 100 MB. */
export function activeTimeoutMs(size: number | undefined): number {
  return 60_000 + Math.ceil((size ?? 0) / 100e6) * 5_000;
}

/**
 * Polls until the image is active. Fails clearly when the import fails: Glance leaves the image `queued` and
 * names the stores in `os_glance_failed_import` (a web-download of a missing URL answers 202 first), or the image
 * is `killed`.
 */
export async function waitForActive(
  session: Session,
  id: string,
  timeoutMs: number,
  pollMs = 500,
  signal?: AbortSignal,
): Promise<ImageWire> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await getImage(session, id);
    if (image.status === 'active' && text(image['os_glance_importing_to_stores']) === '') return image;
    const failed = text(image['os_glance_failed_import']);
    const problem =
      failed !== ''
        ? `the import failed for store(s) ${failed}`
        : image.status === 'killed'
          ? 'Glance killed the image (its data could not be stored)'
          : undefined;
    if (problem !== undefined) throw new ImageDataError(`image ${id}`, problem);
    if (Date.now() > deadline) throw new ImageDataError(`image ${id}`, `still ${image.status} after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(pollMs, undefined, signal === undefined ? {} : { signal });
  }
}

/**
 * Polls until the image is in every one of `stores` (a copy-image import: the image stays active while it is
 * copied). Fails clearly when Glance reports the copy failed for a store, or on timeout.
 */
export async function waitForStores(
  session: Session,
  id: string,
  stores: readonly string[],
  timeoutMs: number,
  pollMs = 500,
): Promise<ImageWire> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await getImage(session, id);
    const present = text(image['stores']).split(',');
    if (stores.every((s) => present.includes(s))) return image;
    const failed = text(image['os_glance_failed_import']);
    if (failed !== '') throw new ImageDataError(`image ${id}`, `the copy failed for store(s) ${failed}`);
    if (Date.now() > deadline)
      throw new ImageDataError(
        `image ${id}`,
        `not in ${stores.join(', ')} after ${Math.round(timeoutMs / 1000)} s (in: ${present.join(', ')})`,
      );
    await sleep(pollMs);
  }
}
