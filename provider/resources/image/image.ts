/**
 * The image resource: inputs checked against schemas/image.schema.json, the diff derived from it, and CRUD on
 * provider/client. Create is all-or-nothing: when the data cannot be loaded, the record is deleted before the
 * error is raised, and the error says why.
 */
import { Readable } from 'node:stream';
import { fetch } from 'undici';
import { uploadImageData, type TransferProgress } from '../../client/data.js';
import { isNotFound } from '../../client/errors.js';
import {
  createImage,
  createImageBody,
  deleteImage,
  getImage,
  imageDocument,
  imagePatch,
  setImageActive,
  updateImage,
  type ImageWire,
} from '../../client/images.js';
import { activeTimeoutMs, stageData, startImport, waitForActive, type ImportMethod } from '../../client/import.js';
import type { Session } from '../../client/session.js';
import { flag, listStores } from '../../client/stores.js';
import { ResourceOperationError } from '../errors.js';
import { wireDocument, type KindDescriptor } from '../descriptor.js';
import { checkInputs, diffInputs, resourceSchema, type InputDiff, type ResourceSchema } from '../schema.js';
import type { ImageInputs, ImageOutputs } from './image.types.js';

export type { ImageFields, ImageInputs, ImageOutputs } from './image.types.js';

/** The schema of this resource (fields, wire names, update/replace). */
export const imageSchema = (): ResourceSchema<ImageInputs> => resourceSchema<ImageInputs>('image.schema.json');

/** Checks inputs (throws ResourceInputError naming the resource, field and rule) and applies defaults. */
export function checkImageInputs(name: string, inputs: unknown): ImageInputs {
  return checkInputs(imageSchema(), name, inputs);
}

/** The diff between old and new inputs: which changes replace the image and which update it. */
export function diffImage(olds: ImageInputs, news: ImageInputs): InputDiff {
  return diffInputs(imageSchema(), olds, news);
}

/** The wire fields of the record (from the schema's x-wire names), custom properties under `properties`. */
export function imageRecord(inputs: object): Record<string, unknown> & { properties: Record<string, string> } {
  const values = new Map<string, unknown>(Object.entries(inputs));
  const properties = values.get('properties');
  return {
    ...wireDocument(imageSchema(), inputs),
    properties: typeof properties === 'object' && properties !== null ? { ...(properties as Record<string, string>) } : {},
  };
}

/** The outputs of a live image. */
export function imageOutputs(image: ImageWire): ImageOutputs {
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  return {
    id: image.id,
    status: image.status,
    owner: str(image['owner']) ?? '',
    checksum: str(image['checksum']),
    osHashAlgo: str(image['os_hash_algo']),
    osHashValue: str(image['os_hash_value']),
    size: num(image['size']),
    virtualSize: num(image['virtual_size']),
    storesIn:
      str(image['stores'])
        ?.split(',')
        .filter((s) => s !== '') ?? [],
  };
}

/**
 * The inputs of a live image, as the program would declare them (import, refresh): each field from its wire name,
 * `isDeactivated` from the status, the custom properties without the publish mark (the resource keeps that mark
 * itself). Fields Glance does not keep (`x-live: false`: the source, the pins, the stores) come from `kept`, the
 * state's inputs, when there is one.
 */
export function imageInputsFromLive(live: ImageWire, kept: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const field of imageSchema().fields) {
    if (!field.live) {
      if (kept[field.local] !== undefined) inputs[field.local] = kept[field.local];
    } else if (field.wire !== undefined && live[field.wire] !== undefined && live[field.wire] !== null) {
      inputs[field.local] = live[field.wire];
    }
  }
  const properties = Object.fromEntries(Object.entries(imageDocument(live).properties).filter(([key]) => key !== publishedMark));
  return { ...inputs, isDeactivated: live.status === 'deactivated', properties };
}

/** The sticky property that records when an image was first published (its visibility left private). */
export const publishedMark = 'catalog_published_at';

/**
 * The record with the publish mark: kept from the live image once set (it never goes away, even when the image
 * goes back to private), set now when the image leaves private for the first time.
 */
export function withPublishMark<R extends { visibility?: unknown; properties: Record<string, string> }>(
  record: R,
  live: Readonly<Record<string, unknown>> | undefined,
): R {
  const mark = live?.[publishedMark];
  if (typeof mark === 'string') return { ...record, properties: { ...record.properties, [publishedMark]: mark } };
  if (record.visibility === undefined || record.visibility === 'private') return record;
  return { ...record, properties: { ...record.properties, [publishedMark]: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } };
}

/** Options of create: progress of the upload. */
export interface CreateOptions {
  readonly onProgress?: (progress: TransferProgress) => void;
}

async function loadData(session: Session, id: string, inputs: ImageInputs, options: CreateOptions): Promise<void> {
  const pins = {
    ...(inputs.sha256 === undefined ? {} : { expectedSha256: inputs.sha256 }),
    ...(inputs.sha512 === undefined ? {} : { expectedSha512: inputs.sha512 }),
  };
  if ('file' in inputs.source) {
    await uploadImageData(
      session,
      id,
      { path: inputs.source.file },
      { ...pins, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) },
    );
    return;
  }
  const source = inputs.source;
  let method: ImportMethod = { name: 'web-download', uri: source.url };
  if (source.method === 'glance-direct') {
    const response = await fetch(source.url);
    if (!response.ok || response.body === null) throw new ResourceOperationError(`GET ${source.url}: HTTP ${response.status}`);
    await stageData(session, id, Readable.fromWeb(response.body));
    method = { name: 'glance-direct' };
  }
  await startImport(session, id, method, inputs.stores, inputs.stores === undefined ? undefined : inputs.allStoresMustSucceed);
  const image = await waitForActive(session, id, activeTimeoutMs(undefined));
  // Glance hashes imported data with sha512 only (a sha256 pin on an import is refused by preflight).
  if (inputs.sha512 !== undefined && image['os_hash_value'] !== inputs.sha512) {
    throw new ResourceOperationError(`the imported data's sha512 is ${String(image['os_hash_value'])}, not the pinned ${inputs.sha512}`);
  }
}

/**
 * Checks what the schema cannot, before the record exists: a sha256 pin needs a file source (Glance hashes
 * imports with sha512 only), stores go with a url source (an upload lands in the default store), and every store
 * named exists and takes uploads (an http store is read-only).
 */
async function preflight(session: Session, name: string, inputs: ImageInputs): Promise<void> {
  if (inputs.sha256 !== undefined && !('file' in inputs.source)) {
    throw new ResourceOperationError(
      `Image "${name}": sha256: an import is checked against Glance's sha512 only; pin sha512 for a url source`,
    );
  }
  if (inputs.stores === undefined) return;
  if ('file' in inputs.source) {
    throw new ResourceOperationError(`Image "${name}": stores: needs a url source (an import); a file is uploaded to the default store`);
  }
  const live = await listStores(session);
  for (const id of inputs.stores) {
    const store = live.find((s) => s.id === id);
    if (store === undefined)
      throw new ResourceOperationError(`Image "${name}": stores: there is no store ${id} (stores: ${live.map((s) => s.id).join(', ')})`);
    if (flag(store['read-only']))
      throw new ResourceOperationError(`Image "${name}": stores: store ${id} is read-only (an http store) and cannot take image data`);
  }
}

/**
 * Creates the image: the record (unprotected, so a failure can be cleaned up), the data, then protection and
 * deactivation. On any failure after the record exists, the record is deleted and the error says so.
 */
export async function createImageResource(
  session: Session,
  name: string,
  raw: unknown,
  options: CreateOptions = {},
): Promise<{ inputs: ImageInputs; outputs: ImageOutputs }> {
  const inputs = checkImageInputs(name, raw);
  await preflight(session, name, inputs);
  const record = withPublishMark(imageRecord({ ...inputs, isProtected: false }), undefined);
  const created = await createImage(session, createImageBody(record));
  try {
    await loadData(session, created.id, inputs, options);
    if (inputs.isProtected) await updateImage(session, created.id, [{ op: 'replace', path: '/protected', value: true }]);
    if (inputs.isDeactivated) await setImageActive(session, created.id, false);
    return { inputs, outputs: imageOutputs(await getImage(session, created.id)) };
  } catch (err) {
    let cleanup = 'the image record was deleted';
    try {
      await deleteImage(session, created.id);
    } catch (cleanupErr) {
      cleanup = `deleting the image record ${created.id} failed too (${(cleanupErr as Error).message}): delete it by hand`;
    }
    throw new ResourceOperationError(`Image "${name}": loading its data failed: ${(err as Error).message}; ${cleanup}`, { cause: err });
  }
}

/** Updates in place what can be updated; a change that needs a replace is refused (the caller replaces). */
export async function updateImageResource(
  session: Session,
  id: string,
  olds: ImageInputs,
  raw: unknown,
): Promise<{ inputs: ImageInputs; outputs: ImageOutputs }> {
  const news = checkImageInputs(olds.name, raw);
  const diff = diffImage(olds, news);
  if (diff.replaces.length > 0)
    throw new ResourceOperationError(
      `Image "${news.name}": ${diff.replaces.join(', ')} cannot change in place; the image must be replaced`,
    );
  const current = await getImage(session, id);
  const desired = withPublishMark(imageRecord(news), current);
  const { properties, ...fields } = desired;
  const removed = Object.keys(olds.properties).filter((key) => !(key in properties));
  const ops = imagePatch(current, { ...fields, ...properties }, removed);
  if (ops.length > 0) await updateImage(session, id, ops);
  if (olds.isDeactivated !== news.isDeactivated) await setImageActive(session, id, !news.isDeactivated);
  return { inputs: news, outputs: imageOutputs(await getImage(session, id)) };
}

/** Deletes the image; an image already gone counts as deleted. */
export async function deleteImageResource(session: Session, id: string): Promise<void> {
  try {
    await deleteImage(session, id);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** The image kind: Glance's record is the envelope's `before`, an update applies the declared fields over it. */
export const imageDescriptor: KindDescriptor<ImageInputs> = {
  schema: imageSchema,
  cataloged: true,
  isPublished(state) {
    const properties = state['properties'];
    return state['visibility'] !== 'private' || (typeof properties === 'object' && properties !== null && publishedMark in properties);
  },
  document: (inputs) => imageRecord(inputs),
  cloudOf: () => undefined,
  async create(session, name, raw, options) {
    const made = await createImageResource(session, name, raw, options);
    return { id: made.outputs.id, inputs: made.inputs, outputs: { ...made.outputs } };
  },
  async read(session, id, kept) {
    let live: ImageWire;
    try {
      live = await getImage(session, id);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    return { inputs: imageInputsFromLive(live, kept), outputs: { ...imageOutputs(live) } };
  },
  async update(session, id, olds, raw) {
    const made = await updateImageResource(session, id, olds, raw);
    return { inputs: made.inputs, outputs: { ...made.outputs } };
  },
  delete: (session, id) => deleteImageResource(session, id),
  live: {
    async get(session, id) {
      try {
        const wire = await getImage(session, id);
        return { document: imageDocument(wire), wire };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    apply(before, live, olds, news) {
      const declared = withPublishMark(imageRecord(news), live?.wire);
      const removed = Object.keys((olds['properties'] as Record<string, string> | undefined) ?? {}).filter(
        (k) => !(k in declared.properties),
      );
      const kept = Object.entries((before['properties'] as Record<string, string> | undefined) ?? {}).filter(([k]) => !removed.includes(k));
      return { ...before, ...declared, properties: { ...Object.fromEntries(kept), ...declared.properties } };
    },
  },
};
