/**
 * The image resource: inputs checked against schemas/image.schema.json, the diff derived from it, and CRUD on
 * provider/client. Create is all-or-nothing: when the data cannot be loaded, the record is deleted before the
 * error is raised, and the error says why.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { fetch } from 'undici';
import { stageFile, stageFromUrl, uploadImageData } from '../../client/data.js';
import { ImageServiceError, isForbidden, isNotFound } from '../../client/errors.js';
import {
  createImage,
  createImageBody,
  deleteImage,
  getImage,
  imageDocument,
  imagePatch,
  setImageActive,
  snapshotImages,
  updateImage,
  type ImageWire,
} from '../../client/images.js';
import { activeTimeoutMs, startImport, waitForActive, type ImportMethod } from '../../client/import.js';
import type { Session } from '../../client/session.js';
import { flag, listStores } from '../../client/stores.js';
import { ResourceOperationError } from '../errors.js';
import { FileDigests, wireDocument, type CreateHooks, type KindDescriptor } from '../descriptor.js';
import {
  checkInputs,
  diffInputs,
  ResourceInputError,
  resourceSchema,
  type InputDiff,
  type InputProblem,
  type ResourceSchema,
} from '../schema.js';
import { isLegacyMark } from '../mark.js';
import { isDate, utcToday } from '../day.js';
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

/**
 * The policy's document of declared inputs: the record, with the status the image will have once applied
 * (deactivation is a status on the wire, which the lifecycle and consumption rules read).
 */
function declaredDocument(inputs: object): Record<string, unknown> & { properties: Record<string, string> } {
  const deactivated = (inputs as { isDeactivated?: unknown }).isDeactivated;
  return { ...imageRecord(inputs), ...(typeof deactivated === 'boolean' ? { status: deactivated ? 'deactivated' : 'active' } : {}) };
}

/** The outputs of a live image; `sourceModified`: the source file's mtime as its data was uploaded (null: not known here). */
export function imageOutputs(image: ImageWire, sourceModified: number | null = null): ImageOutputs {
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
    sourceModified,
    storesIn:
      str(image['stores'])
        ?.split(',')
        .filter((s) => s !== '') ?? [],
    catalogMark: str(image[creationMark]),
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
  const properties = Object.fromEntries(Object.entries(imageDocument(live).properties).filter(([key]) => !isUndeclaredProperty(key)));
  return { ...inputs, isDeactivated: live.status === 'deactivated', properties };
}

/** One field of a managed image that Glance has otherwise than the catalog applied it (null: not set). */
export interface ImageDrift {
  /** The field as the program declares it (`minDisk`, `properties.os_version`). */
  readonly field: string;
  readonly applied: unknown;
  readonly live: unknown;
}

/**
 * What changed on a managed image outside the catalog: each field the inputs last applied (`applied`, a stack's
 * state) set and the live record has otherwise, and each custom property added, changed or removed by hand. Fields
 * Glance does not keep (the source, the pins), fields never declared, Glance's own fields, the catalog's marks and
 * other tools' properties are no drift.
 */
export function imageDrift(applied: Readonly<Record<string, unknown>>, live: ImageWire): ImageDrift[] {
  const now = imageInputsFromLive(live, applied);
  const same = (a: unknown, b: unknown): boolean =>
    JSON.stringify(Array.isArray(a) ? [...(a as unknown[])].sort() : a) ===
    JSON.stringify(Array.isArray(b) ? [...(b as unknown[])].sort() : b);
  const drift: ImageDrift[] = [];
  for (const field of imageSchema().fields) {
    if (!field.live || field.local === 'properties' || applied[field.local] === undefined) continue;
    if (!same(applied[field.local], now[field.local]))
      drift.push({ field: field.local, applied: applied[field.local], live: now[field.local] ?? null });
  }
  const declared = (applied['properties'] ?? {}) as Readonly<Record<string, unknown>>;
  const held = now['properties'] as Readonly<Record<string, string>>;
  for (const key of [...new Set([...Object.keys(declared), ...Object.keys(held)])].sort()) {
    if (isUndeclaredProperty(key)) continue;
    if (declared[key] !== held[key]) drift.push({ field: `properties.${key}`, applied: declared[key] ?? null, live: held[key] ?? null });
  }
  return drift;
}

/**
 * Properties that other tools put on an image by themselves, which the catalog neither declares nor manages: the
 * OpenStack SDK's `owner_specified.openstack.{md5,sha256,object}` (openstacksdk `create_image`, so `openstack image
 * create`). An imported image keeps them as they are; they are never a change, and never drift.
 */
export function isForeignProperty(key: string): boolean {
  return key.startsWith('owner_specified.');
}

/**
 * Properties an image carries that no program declares: the catalog's own marks ({@link publishedMark},
 * {@link creationMark}) and other tools' ({@link isForeignProperty}). Read back, they are left out of an image's
 * inputs; compared, they are no drift; adopted, they are never written and never a change.
 */
export function isUndeclaredProperty(key: string): boolean {
  return key === publishedMark || key === creationMark || isForeignProperty(key);
}

/** The sticky property that records when an image was first published (its visibility left private). */
export const publishedMark = 'catalog_published_at';

/**
 * The property that records which stack instance and resource created an image (provider/resources/mark.ts),
 * written with the record before any data: an image that carries the mark of a resource and is missing from its
 * state was left by an interrupted create of that resource (a killed engine, a Glance that died mid-upload),
 * which the next create finishes or removes. An image marked by another stack instance is never taken over.
 */
export const creationMark = 'catalog_created_by';

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

/** What a URL answers from here (a HEAD, 10 s at most), for an import that failed: `HTTP 404 Not Found`, or why no answer came. */
async function probe(url: string): Promise<string> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
    return `from here it answers HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return `from here it does not answer either (${cause ?? (err as Error).message})`;
  }
}

async function loadData(session: Session, id: string, inputs: ImageInputs, options: CreateHooks): Promise<void> {
  const pins = {
    ...(inputs.sha256 === undefined ? {} : { expectedSha256: inputs.sha256 }),
    ...(inputs.sha512 === undefined ? {} : { expectedSha512: inputs.sha512 }),
  };
  if ('imported' in inputs.source) throw new ResourceOperationError('an imported source has no data to load: only an import takes it');
  const hooks = {
    ...pins,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  if ('file' in inputs.source) {
    if (inputs.stores === undefined) {
      await uploadImageData(session, id, { path: inputs.source.file }, hooks);
      return;
    }
    // Into named stores: staged (hashed on the way), then imported with glance-direct into each of them.
    const staged = await stageFile(session, id, inputs.source.file, hooks);
    await startImport(session, id, { name: 'glance-direct' }, inputs.stores, inputs.allStoresMustSucceed);
    const image = await waitForActive(session, id, activeTimeoutMs(undefined), 500, options.signal);
    if (image['os_hash_value'] !== staged.sha512)
      throw new ResourceOperationError(
        `the imported data's sha512 is ${String(image['os_hash_value'])}, not the ${staged.sha512} staged from ${inputs.source.file}`,
      );
    return;
  }
  const source = inputs.source;
  let method: ImportMethod = { name: 'web-download', uri: source.url };
  if (source.method === 'glance-direct') {
    // Fetched and staged from here, hashed on the way: a sha256 (or sha512) pin is checked before the import starts.
    await stageFromUrl(session, id, source.url, hooks);
    method = { name: 'glance-direct' };
  }
  await startImport(session, id, method, inputs.stores, inputs.stores === undefined ? undefined : inputs.allStoresMustSucceed);
  let image: ImageWire;
  try {
    image = await waitForActive(session, id, activeTimeoutMs(undefined), 500, options.signal);
  } catch (err) {
    // Glance says only which stores failed, never why: a web-download is asked again from here to say it.
    if (method.name !== 'web-download' || options.signal?.aborted === true) throw err;
    throw new ResourceOperationError(`${(err as Error).message}; Glance could not fetch ${source.url}: ${await probe(source.url)}`, {
      cause: err,
    });
  }
  // Glance hashes imported data with sha512 only (a sha256 pin on an import is refused by preflight).
  if (inputs.sha512 !== undefined && image['os_hash_value'] !== inputs.sha512) {
    throw new ResourceOperationError(`the imported data's sha512 is ${String(image['os_hash_value'])}, not the pinned ${inputs.sha512}`);
  }
}

/**
 * Whether a source says the data was in Glance before the catalog managed the image (`{ imported: true }`, an
 * adopted image): never uploaded, and no change against any other source (its origin is not known).
 */
export function isImportedSource(source: unknown): boolean {
  return typeof source === 'object' && source !== null && (source as { imported?: unknown }).imported === true;
}

/**
 * What this machine can tell about the inputs before any API call: a file source about to be uploaded (a new
 * image, or a changed source) must be a file this process can read (without this, a missing file passed preview and
 * failed in the middle of `up`). An unchanged source is never read again: its file may be long gone. An imported
 * source (`olds`: none, a create) cannot be made: only an import takes it.
 */
export function imageLocalProblems(inputs: Pick<ImageInputs, 'source'>, olds?: Readonly<Record<string, unknown>>): InputProblem[] {
  // Also called on inputs the schema refused (so that every problem is said at once): nothing is assumed of them.
  const source: unknown = (inputs as { source?: unknown }).source;
  if (isImportedSource(source) && olds === undefined)
    return [
      {
        field: 'source.imported',
        rule: 'import',
        message:
          'an image whose data Glance already has is only imported (the import resource option with its id, as image-catalog adopt writes it), never created: declare a file or url source to make a new image',
      },
    ];
  if (typeof source !== 'object' || source === null || !('file' in source) || typeof source.file !== 'string') return [];
  if (olds !== undefined && JSON.stringify(olds['source']) === JSON.stringify(source)) return [];
  // An adopted image's data is never uploaded: the file it names now only records where the data came from.
  if (olds !== undefined && isImportedSource(olds['source'])) return [];
  const file = source.file;
  try {
    if (statSync(file).isDirectory()) return [{ field: 'source.file', rule: 'file', message: `${file} is a directory, not a file` }];
    accessSync(file, constants.R_OK);
    return [];
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'it cannot be read' : (err as Error).message;
    return [{ field: 'source.file', rule: 'file', message: `${file}: ${why}` }];
  }
}

/**
 * Whether the url source answers with data: a HEAD, then (a server that refuses HEAD) a GET of its first byte;
 * the problem with the url and the status when neither answers 200 (206 to the range), undefined when one does.
 * Bounded by `timeoutMs`: a server that does not answer is a problem too.
 */
export async function urlSourceProblem(url: string, timeoutMs = 15_000): Promise<InputProblem | undefined> {
  const statuses: string[] = [];
  for (const method of ['HEAD', 'GET'] as const) {
    try {
      const res = await fetch(url, {
        method,
        redirect: 'follow',
        signal: AbortSignal.timeout(timeoutMs),
        ...(method === 'GET' ? { headers: { range: 'bytes=0-0' } } : {}),
      });
      await res.body?.cancel();
      if (res.status === 200 || (method === 'GET' && res.status === 206)) return undefined;
      statuses.push(`answered ${res.status} to a ${method === 'HEAD' ? 'HEAD' : 'ranged GET'}`);
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      statuses.push(
        `gave no answer to a ${method === 'HEAD' ? 'HEAD' : 'ranged GET'} (${cause?.code ?? cause?.message ?? (err as Error).message})`,
      );
    }
  }
  return { field: 'source.url', rule: 'source', message: `${url} ${statuses.join(', then ')}: Glance could not download it` };
}

/**
 * Checks what the schema cannot, before the record exists: a sha256 pin needs a file source or a url this tool
 * fetches (glance-direct; Glance hashes imports with sha512 only), and every store named exists and takes uploads
 * (an http store is read-only).
 */
async function preflight(session: Session, name: string, inputs: ImageInputs): Promise<void> {
  const local = imageLocalProblems(inputs);
  if (local.length > 0) throw new ResourceInputError(`Image "${name}"`, local);
  if (inputs.sha256 !== undefined && 'url' in inputs.source && inputs.source.method !== 'glance-direct') {
    throw new ResourceOperationError(
      `Image "${name}": sha256: a web-download is checked against Glance's sha512 only; pin sha512, or fetch it here (source.method: glance-direct) to check a sha256`,
    );
  }
  if (inputs.stores === undefined) return;
  const live = await listStores(session);
  for (const id of inputs.stores) {
    const store = live.find((s) => s.id === id);
    if (store === undefined)
      throw new ResourceOperationError(`Image "${name}": stores: there is no store ${id} (stores: ${live.map((s) => s.id).join(', ')})`);
    if (flag(store['read-only']))
      throw new ResourceOperationError(`Image "${name}": stores: store ${id} is read-only (an http store) and cannot take image data`);
  }
}

/** The images of a name this session can see (every visibility, pending shares, hidden ones), not being deleted. */
async function imagesNamed(session: Session, name: string): Promise<ImageWire[]> {
  return (await snapshotImages(session, 1000, { name })).filter((image) => image.status !== 'deleted' && image.status !== 'pending_delete');
}

/** Glance's order of creation: created_at (seconds), then the id, so that two racing creates agree on which came first. */
function createdBefore(a: ImageWire, b: ImageWire): boolean {
  const at = (image: ImageWire): string => (typeof image['created_at'] === 'string' ? image['created_at'] : '');
  return at(a) < at(b) || (at(a) === at(b) && a.id < b.id);
}

/** The sha512 of a file, hex (to recognise an image an interrupted create finished uploading). */
async function fileSha512(path: string): Promise<string> {
  return new FileDigests().sha512(path, statSync(path));
}

/**
 * The sha512 of the data a file source holds now, undefined for a url source or a file that is not there (an
 * unchanged source is never required to be there again). A file whose size and mtime are those it had when its
 * data was uploaded (`state.sourceModified`, `state.size`) is not read: its digest is the state's osHashValue.
 */
export async function imageSourceDigest(
  inputs: ImageInputs,
  state: Readonly<Record<string, unknown>>,
  files: FileDigests,
): Promise<string | undefined> {
  if (!('file' in inputs.source)) return undefined;
  let stat: Stats;
  try {
    stat = statSync(inputs.source.file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  const recorded = state['osHashValue'];
  if (typeof recorded === 'string' && state['sourceModified'] === stat.mtimeMs && state['size'] === stat.size) return recorded;
  return files.sha512(inputs.source.file, stat);
}

/** Whether the data of a finished image is the data declared (its sha512, Glance's os_hash_value). */
async function holdsDeclaredData(image: ImageWire, inputs: ImageInputs): Promise<boolean> {
  const stored = image['os_hash_value'];
  if (typeof stored !== 'string') return false;
  if (inputs.sha512 !== undefined) return stored === inputs.sha512.toLowerCase();
  if ('file' in inputs.source) return stored === (await fileSha512(inputs.source.file));
  // A web-download or glance-direct import Glance finished from the same URL.
  return true;
}

/** Deletes an image (unprotected first when it is protected): what an interrupted create or a lost race left. */
export async function removeImage(session: Session, image: ImageWire): Promise<void> {
  if (image['protected'] === true) await updateImage(session, image.id, [{ op: 'replace', path: '/protected', value: false }]);
  await deleteImage(session, image.id);
}

/**
 * The protection and deactivation declared, applied to an image whose data is in place; its outputs, with the
 * source file's mtime as it was before its data was read (`sourceModified`).
 */
async function finish(session: Session, id: string, inputs: ImageInputs, sourceModified: number | null): Promise<ImageOutputs> {
  const image = await getImage(session, id);
  if (inputs.isProtected && image['protected'] !== true)
    await updateImage(session, id, [{ op: 'replace', path: '/protected', value: true }]);
  if (inputs.isDeactivated && image.status !== 'deactivated') await setImageActive(session, id, false);
  return imageOutputs(await getImage(session, id), sourceModified);
}

/**
 * What an interrupted create of the same resource left under the name (the records carrying `creator`): a
 * finished one holding the declared data is taken over (finished and returned); any other is removed. A finished
 * one with other data is refused: it may already be in use, and only its owner can say it may go.
 */
async function resumeInterrupted(
  session: Session,
  name: string,
  inputs: ImageInputs,
  creator: string,
  named: readonly ImageWire[],
  say: (message: string) => void,
  sourceModified: number | null,
): Promise<ImageOutputs | undefined> {
  let taken: ImageOutputs | undefined;
  for (const image of named.filter((i) => i[creationMark] === creator)) {
    const finished = image.status === 'active' || image.status === 'deactivated';
    if (finished && taken === undefined && (await holdsDeclaredData(image, inputs))) {
      say(`Image "${name}": taking over ${image.id}, which an interrupted run of this resource finished uploading`);
      taken = await finish(session, image.id, inputs, sourceModified);
    } else if (finished && taken === undefined) {
      throw new ResourceOperationError(
        `Image "${name}": ${image.id} (${inputs.name}) was made by an interrupted run of this resource with other data than declared now ` +
          `(its sha512 differs); delete it (nothing refers to it: it is in no state) or import it, then run again`,
      );
    } else {
      say(`Image "${name}": removing ${image.id} (${image.status}), left by an interrupted run of this resource`);
      await removeImage(session, image);
    }
  }
  return taken;
}

/** The versioning rule's refusal of a name another image holds (Glance allows duplicates; the catalog does not). */
function nameTaken(name: string, inputs: ImageInputs, other: ImageWire, detail: string): ResourceOperationError {
  const owned = typeof other[creationMark] === 'string' ? ` ${otherOwner(other)}` : '';
  return new ResourceOperationError(
    `Image "${name}": name: "${inputs.name}" is already used by image ${other.id} ${detail}${owned} (rule: versioning, a name is never reused); ` +
      (owned === ''
        ? 'publish the next version under a name no image has'
        : `${waysOut(other.id)}, or publish the next version under a name no image has`),
  );
}

/** Who made an image the catalog marked, as far as a stack that does not own it can say. */
export function otherOwner(image: Readonly<Record<string, unknown>>): string {
  return isLegacyMark(image[creationMark])
    ? 'marked by a release before 0.3 with a URN that does not tell two states apart'
    : `made by another stack instance (another state: another checkout, folder or backend of a stack, mark ${String(image[creationMark])})`;
}

/** The ways out when an image of the name belongs to another stack instance. */
export function waysOut(id: string): string {
  return (
    `nothing is taken over: import ${id} on purpose (the resource option import: '${id}'), run the stack that made it, ` +
    'or remove it from the Image Service'
  );
}

/**
 * Creates the image: the record (unprotected, so a failure can be cleaned up, and carrying its creator), the
 * data, then protection and deactivation. What an interrupted create of the same resource left is finished or
 * removed first. The name is checked right before the record is made and again once the data is in: when another
 * create made an image of the same name meanwhile (another stack), the later of the two removes itself and fails
 * with the versioning rule. On any failure after the record exists, the record is deleted and the error says so.
 */
export async function createImageResource(
  session: Session,
  name: string,
  raw: unknown,
  options: CreateHooks = {},
): Promise<{ inputs: ImageInputs; outputs: ImageOutputs }> {
  const inputs = checkImageInputs(name, raw);
  await preflight(session, name, inputs);
  const creator = options.creator;
  const mine = (image: ImageWire): boolean => creator !== undefined && image[creationMark] === creator;
  // The image a replacement replaces keeps the name until the engine deletes it, after this create.
  const rival = (image: ImageWire): boolean => !mine(image) && image.id !== options.replaces;
  const before = await imagesNamed(session, inputs.name);
  // Read before the data is: a file changed while it uploads is read again (and compared) by the next diff.
  const sourceModified = 'file' in inputs.source ? statSync(inputs.source.file).mtimeMs : null;
  if (creator !== undefined) {
    // A replacement has its resource's URN too: the image it replaces is not a leftover.
    const leftovers = before.filter((image) => image.id !== options.replaces);
    const taken = await resumeInterrupted(session, name, inputs, creator, leftovers, options.onNotice ?? (() => undefined), sourceModified);
    if (taken !== undefined) return { inputs, outputs: taken };
  }
  const other = before.find(rival);
  if (other !== undefined) throw nameTaken(name, inputs, other, 'in the live catalog');
  const record = withPublishMark(imageRecord({ ...inputs, isProtected: false }), undefined);
  const marked = creator === undefined ? record : { ...record, properties: { ...record.properties, [creationMark]: creator } };
  options.signal?.throwIfAborted();
  const created = await createImage(session, createImageBody(marked));
  /** Another create made an image of the name meanwhile (another stack): the later of the two gives way. */
  const raced = async (): Promise<ResourceOperationError | undefined> => {
    const earlier = (await imagesNamed(session, inputs.name)).find(
      (image) => image.id !== created.id && rival(image) && createdBefore(image, created),
    );
    return earlier === undefined ? undefined : nameTaken(name, inputs, earlier, 'made by another create at the same time');
  };
  let failure: Error;
  try {
    const early = await raced();
    if (early !== undefined) throw early;
    try {
      await loadData(session, created.id, inputs, options);
    } catch (err) {
      throw new ResourceOperationError(`Image "${name}": loading its data failed: ${(err as Error).message}`, { cause: err });
    }
    const late = await raced();
    if (late !== undefined) throw late;
    options.signal?.throwIfAborted();
    return { inputs, outputs: await finish(session, created.id, inputs, sourceModified) };
  } catch (err) {
    failure = err as Error;
  }
  let cleanup = 'the image record was deleted';
  try {
    await removeImage(session, await getImage(session, created.id));
  } catch (cleanupErr) {
    cleanup = `deleting the image record ${created.id} failed too (${(cleanupErr as Error).message}): ${
      creator === undefined
        ? 'delete it by hand'
        : 'the next run of this resource takes it over when it holds the declared data, or removes it'
    }`;
  }
  throw new ResourceOperationError(`${failure.message}; ${cleanup}`, { cause: failure });
}

/** Updates in place what can be updated; a change that needs a replace is refused (the caller replaces). */
export async function updateImageResource(
  session: Session,
  id: string,
  olds: ImageInputs,
  raw: unknown,
  creator?: string,
): Promise<{ inputs: ImageInputs; outputs: ImageOutputs }> {
  const news = checkImageInputs(olds.name, raw);
  const diff = diffImage(olds, news);
  if (diff.replaces.length > 0)
    throw new ResourceOperationError(
      `Image "${news.name}": ${diff.replaces.join(', ')} cannot change in place; the image must be replaced`,
    );
  const current = await getImage(session, id);
  const record = withPublishMark(imageRecord(news), current);
  // A mark of a release before 0.3 (the URN) on an image of this state becomes this stack instance's mark.
  const desired =
    creator !== undefined && isLegacyMark(current[creationMark])
      ? { ...record, properties: { ...record.properties, [creationMark]: creator } }
      : record;
  const { properties, ...fields } = desired;
  const removed = Object.keys(olds.properties).filter((key) => !(key in properties) && !isForeignProperty(key));
  const ops = imagePatch(current, { ...fields, ...properties }, removed);
  if (ops.length > 0) await updateImage(session, id, ops);
  if (olds.isDeactivated !== news.isDeactivated) await setImageActive(session, id, !news.isDeactivated);
  return { inputs: news, outputs: imageOutputs(await getImage(session, id)) };
}

/**
 * Whether an image is retired: deprecated and past its end of life (`provided_until` before `today`). Retention
 * deletes such an image even when it is still protected (the policy decided the delete; protection guards a
 * version while it is provided).
 */
export function isRetired(image: Readonly<Record<string, unknown>>, today: string = utcToday()): boolean {
  const until = image['provided_until'];
  return image['deprecated'] === 'true' && typeof until === 'string' && isDate(until) && until < today;
}

/**
 * Deletes the image; an image already gone counts as deleted. A protected image is unprotected first when it is
 * retired. A delete Glance fails (5xx) while a store that holds the image's data is no longer configured (its
 * StorageBackend deleted first) is said of that store.
 */
export async function deleteImageResource(session: Session, id: string): Promise<void> {
  try {
    await deleteImage(session, id);
  } catch (err) {
    if (isNotFound(err)) return;
    if (err instanceof ImageServiceError && err.status >= 500) throw await missingStore(session, id, err);
    if (!isForbidden(err)) throw err;
    const live = await getImage(session, id);
    if (live['protected'] !== true || !isRetired(live)) throw err;
    await removeImage(session, live);
  }
}

/** The failure of a delete, said of the stores that hold the image's data and Glance no longer has, when there are. */
async function missingStore(session: Session, id: string, err: ImageServiceError): Promise<Error> {
  try {
    const [image, live] = await Promise.all([getImage(session, id), listStores(session)]);
    const stores = image['stores'];
    const gone = (typeof stores === 'string' ? stores : '').split(',').filter((store) => store !== '' && !live.some((s) => s.id === store));
    if (gone.length === 0) return err;
    return new ResourceOperationError(
      `image ${id} cannot be deleted: its data is in store ${gone.join(', ')}, which Glance no longer has (Glance answered ` +
        `${err.status}). Configure the store again (its StorageBackend), delete the image, then the store: give images ` +
        'dependsOn their StorageBackend so destroy deletes them first',
      { cause: err },
    );
  } catch {
    return err;
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
  document: (inputs) => declaredDocument(inputs),
  cloudOf: () => undefined,
  localProblems: imageLocalProblems,
  catalogClaims(live, inputs, creator) {
    const name = inputs['name'];
    return live
      .filter((image) => image['name'] === name && typeof image[creationMark] === 'string' && image[creationMark] !== creator)
      .map((image) => ({
        field: 'name',
        rule: 'versioning',
        message: `"${String(name)}" is held by image ${String(image['id'])}, ${otherOwner(image)}; ${waysOut(String(image['id']))}`,
      }));
  },
  sourceDigest: imageSourceDigest,
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
    // An import has no source to keep (Glance does not keep it): complete inputs say it was imported.
    const inputs = imageInputsFromLive(live, kept);
    return {
      inputs: inputs['source'] === undefined ? { ...inputs, source: { imported: true } } : inputs,
      outputs: { ...imageOutputs(live) },
    };
  },
  async update(session, id, olds, raw, _name, options) {
    const made = await updateImageResource(session, id, olds, raw, options?.creator);
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
      const declared = withPublishMark(declaredDocument(news), live?.wire);
      const removed = Object.keys((olds['properties'] as Record<string, string> | undefined) ?? {}).filter(
        (k) => !(k in declared.properties) && !isForeignProperty(k),
      );
      const kept = Object.entries((before['properties'] as Record<string, string> | undefined) ?? {}).filter(([k]) => !removed.includes(k));
      return { ...before, ...declared, properties: { ...Object.fromEntries(kept), ...declared.properties } };
    },
    applied(base, live, declared) {
      const record = withPublishMark(declaredDocument(declared), live?.wire);
      const own = Object.entries((base['properties'] as Record<string, string> | undefined) ?? {}).filter(
        ([k]) => k === creationMark || isForeignProperty(k),
      );
      return { ...base, ...record, properties: { ...Object.fromEntries(own), ...record.properties } };
    },
  },
};
