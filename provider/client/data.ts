/**
 * Image data: upload (PUT /file) computing sha512 in the same pass as the bytes go out, with progress, and
 * verified against what Glance stored (`os_hash_value`, Image API v2 "Upload binary image data").
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { ImageDataError, ImageServiceError } from './errors.js';
import { getImage, imageRoot } from './images.js';
import { stageData } from './import.js';
import type { Session } from './session.js';

/** Progress of a transfer; `rate` in bytes per second, `etaSeconds` when the total is known. */
export interface TransferProgress {
  readonly bytes: number;
  readonly total: number | undefined;
  readonly rate: number;
  readonly etaSeconds: number | undefined;
}

/** Where upload data comes from. */
export type DataSource = { readonly path: string } | { readonly stream: Readable; readonly size?: number };

/** Options of an upload. */
export interface UploadOptions {
  /** Called at most every `progressEveryMs` (default 500 ms) and once at the end. */
  readonly onProgress?: (progress: TransferProgress) => void;
  readonly progressEveryMs?: number;
  /** A pinned digest (hex): the upload fails when the data does not match it. */
  readonly expectedSha512?: string;
  readonly expectedSha256?: string;
  /** Stops the upload (the request is cut off; the call fails with the signal's reason). */
  readonly signal?: AbortSignal;
}

/** What was sent. */
export interface UploadResult {
  readonly bytes: number;
  readonly sha512: string;
  readonly sha256: string;
}

/** A pass-through stream that hashes and counts what flows through it. */
function hashingCounter(total: number | undefined, options: UploadOptions): { stream: Transform; result: () => UploadResult } {
  const sha512 = createHash('sha512');
  const sha256 = createHash('sha256');
  let bytes = 0;
  const started = Date.now();
  let last = 0;
  const every = options.progressEveryMs ?? 500;
  const report = (): void => {
    const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
    const rate = bytes / seconds;
    options.onProgress?.({
      bytes,
      total,
      rate,
      etaSeconds: total === undefined || rate === 0 ? undefined : Math.max(total - bytes, 0) / rate,
    });
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sha512.update(chunk);
      sha256.update(chunk);
      bytes += chunk.length;
      if (options.onProgress !== undefined && Date.now() - last >= every) {
        last = Date.now();
        report();
      }
      done(null, chunk);
    },
    flush(done) {
      report();
      done();
    },
  });
  return { stream, result: () => ({ bytes, sha512: sha512.digest('hex'), sha256: sha256.digest('hex') }) };
}

/** Throws (naming `where`, the digest and both values) when the data that went through misses a pinned digest. */
function checkPins(where: string, pins: Pick<UploadOptions, 'expectedSha512' | 'expectedSha256'>, got: UploadResult): void {
  for (const [algo, expected, actual] of [
    ['sha512', pins.expectedSha512, got.sha512],
    ['sha256', pins.expectedSha256, got.sha256],
  ] as const)
    if (expected !== undefined && expected.toLowerCase() !== actual)
      throw new ImageDataError(where, `the data's ${algo} is ${actual}, not the pinned ${expected}`);
}

/**
 * PUT /v2/images/{id}/file (204). The data is hashed as it is sent; the upload fails when a pinned digest does
 * not match, or when Glance's os_hash_value differs from what was sent. A stream cannot be sent twice, so the
 * call is never retried; the caller deletes the half-made image.
 */
export async function uploadImageData(
  session: Session,
  id: string,
  source: DataSource,
  options: UploadOptions = {},
): Promise<UploadResult> {
  // Size first: a missing file fails here, before a stream exists that could emit an unhandled error.
  const total = 'path' in source ? statSync(source.path).size : source.size;
  const input = 'path' in source ? createReadStream(source.path, { highWaterMark: 1024 * 1024 }) : source.stream;
  const counter = hashingCounter(total, options);
  input.on('error', (err: Error) => counter.stream.destroy(err));
  const body = input.pipe(counter.stream);
  const stop = (): void => {
    const reason: unknown = options.signal?.reason;
    input.destroy(reason instanceof Error ? reason : new Error(String(reason)));
  };
  options.signal?.throwIfAborted();
  options.signal?.addEventListener('abort', stop, { once: true });
  const url = `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}/file`;
  try {
    await session.request({
      method: 'PUT',
      url,
      ok: [204],
      body,
      headers: { 'content-type': 'application/octet-stream' },
      idempotent: false,
    });
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  options.signal?.throwIfAborted();
  const sent = counter.result();
  checkPins(`PUT ${url}`, options, sent);
  const stored = await getImage(session, id);
  if (stored['os_hash_algo'] === 'sha512' && stored['os_hash_value'] !== sent.sha512) {
    throw new ImageDataError(
      `PUT ${url}`,
      `Glance stored os_hash_value ${String(stored['os_hash_value'])}, but the data sent hashes to ${sent.sha512}`,
    );
  }
  return sent;
}

/**
 * GET /v2/images/{id}/file streamed to a file (the image export), hashing sha512 on the way; the file is removed
 * when the data does not match Glance's os_hash_value. Deactivated images answer 403 except for admins.
 */
export async function downloadImageData(
  session: Session,
  id: string,
  path: string,
  options: Pick<UploadOptions, 'onProgress' | 'progressEveryMs'> = {},
): Promise<UploadResult> {
  const image = await getImage(session, id);
  const url = `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}/file`;
  const response = await session.open({ url, ok: [200] });
  const size = typeof image['size'] === 'number' ? image['size'] : undefined;
  const counter = hashingCounter(size, options);
  try {
    await pipeline(response.body, counter.stream, createWriteStream(path, { mode: 0o600 }));
  } catch (err) {
    rmSync(path, { force: true });
    throw new ImageServiceError({
      status: 0,
      method: 'GET',
      url,
      serviceMessage: `the download broke off: ${(err as Error).message}`,
      cause: err,
    });
  }
  const got = counter.result();
  if (image['os_hash_algo'] === 'sha512' && image['os_hash_value'] !== got.sha512) {
    rmSync(path, { force: true });
    throw new ImageDataError(
      `GET ${url}`,
      `the data hashes to ${got.sha512}, not Glance's os_hash_value ${String(image['os_hash_value'])}; the file was removed`,
    );
  }
  return got;
}

/**
 * A glance-direct import's data: GET `url` from here, hashed and counted as it is staged (PUT /stage). The staging
 * fails when a pinned digest does not match (sha256 too: Glance hashes an import with sha512 only, so a sha256
 * published beside the data, such as osism's image definitions carry, is checked here), before the import starts;
 * the caller deletes the half-made image.
 */
export async function stageFromUrl(session: Session, id: string, url: string, options: UploadOptions = {}): Promise<UploadResult> {
  const response = await fetch(url, options.signal === undefined ? {} : { signal: options.signal });
  if (!response.ok || response.body === null) throw new ImageDataError(`GET ${url}`, `HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
  return stageHashed(session, id, source, Number.isFinite(length) ? length : undefined, `GET ${url}`, options);
}

/**
 * A glance-direct import's data from a local file (an upload into named stores: PUT /file lands in the default
 * store only), hashed and counted as it is staged; pins checked before the import starts.
 */
export async function stageFile(session: Session, id: string, path: string, options: UploadOptions = {}): Promise<UploadResult> {
  // Size first: a missing file fails here, before a stream exists that could emit an unhandled error.
  const size = statSync(path).size;
  return stageHashed(session, id, createReadStream(path, { highWaterMark: 1024 * 1024 }), size, `staging ${path}`, options);
}

/** Stages `source` (PUT /stage), hashed and counted on the way; a pinned digest that does not match fails it. */
async function stageHashed(
  session: Session,
  id: string,
  source: Readable,
  size: number | undefined,
  what: string,
  options: UploadOptions,
): Promise<UploadResult> {
  const counter = hashingCounter(size, options);
  source.on('error', (err: Error) => counter.stream.destroy(err));
  await stageData(session, id, source.pipe(counter.stream));
  const got = counter.result();
  checkPins(what, options, got);
  return got;
}
