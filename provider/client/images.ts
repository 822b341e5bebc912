/**
 * Image API v2 images: URLs and request bodies built by pure functions, one async function per call with its
 * accepted statuses, and lists as async iterables that follow Glance's `next` link.
 */
import type { Session } from './session.js';

/** An image as Glance sends it (wire names; custom properties are top-level keys on the wire). */
export type ImageWire = Readonly<Record<string, unknown>> & { readonly id: string; readonly name: string | null; readonly status: string };

/** Filters of GET /v2/images. */
export interface ListImagesOptions {
  readonly name?: string;
  /** `all` includes community images, which default lists leave out (even for admin). */
  readonly visibility?: 'public' | 'private' | 'shared' | 'community' | 'all';
  /** `all` includes pending shares, which default lists leave out. */
  readonly memberStatus?: 'pending' | 'accepted' | 'rejected' | 'all';
  readonly tags?: readonly string[];
  /** true lists only hidden images, false (Glance's default) only the others. */
  readonly osHidden?: boolean;
  readonly owner?: string;
  readonly status?: string;
  /** Page size (Glance caps it at api_limit_max, 1000 by default). */
  readonly limit?: number;
}

/** The Image API root of an endpoint (`http://host:9292`, with or without a trailing /v2). */
export function imageRoot(endpoint: string): string {
  return endpoint.replace(/\/+$/, '').replace(/\/v2$/, '');
}

/** GET /v2/images with its query (pure). */
export function listImagesUrl(endpoint: string, options: ListImagesOptions = {}): string {
  const query = new URLSearchParams();
  if (options.name !== undefined) query.set('name', options.name);
  if (options.visibility !== undefined) query.set('visibility', options.visibility);
  if (options.memberStatus !== undefined) query.set('member_status', options.memberStatus);
  for (const tag of options.tags ?? []) query.append('tag', tag);
  if (options.osHidden !== undefined) query.set('os_hidden', String(options.osHidden));
  if (options.owner !== undefined) query.set('owner', options.owner);
  if (options.status !== undefined) query.set('status', options.status);
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  const q = query.toString();
  return `${imageRoot(endpoint)}/v2/images${q === '' ? '' : `?${q}`}`;
}

/**
 * Lists images page by page, following `next` (a path from the API root, Image API v2 "List images"), one
 * request per page, yielding as pages arrive.
 */
export async function* listImages(session: Session, options: ListImagesOptions = {}): AsyncGenerator<ImageWire> {
  const endpoint = await session.endpoint('image');
  let url: string | undefined = listImagesUrl(endpoint, options);
  while (url !== undefined) {
    const reply = await session.request({ method: 'GET', url, ok: [200] });
    const page = JSON.parse(reply.text) as { images: ImageWire[]; next?: string };
    yield* page.images;
    url = page.next === undefined ? undefined : `${imageRoot(endpoint)}${page.next}`;
  }
}

/**
 * The live catalog as the policy sees it: every image the session's project can see, in all visibilities,
 * pending shares and hidden images included (default lists leave out all three); `filter.name`: those of a name,
 * `filter.status`: those in a status.
 */
export async function snapshotImages(
  session: Session,
  pageSize = 1000,
  filter: Pick<ListImagesOptions, 'name' | 'status'> = {},
): Promise<ImageWire[]> {
  const images = new Map<string, ImageWire>();
  for (const osHidden of [false, true]) {
    for await (const image of listImages(session, { ...filter, visibility: 'all', memberStatus: 'all', osHidden, limit: pageSize }))
      images.set(image.id, image);
  }
  return [...images.values()];
}

/**
 * Image fields Glance itself defines (Image API v2 "Show image schema"); every other key on the wire is a custom
 * property. Server-owned ones (checksum, size, os_hash_*, stores, os_glance_*) are kept as the server sent them.
 */
const coreFields = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'os_hidden',
  'checksum',
  'owner',
  'size',
  'virtual_size',
  'min_ram',
  'min_disk',
  'disk_format',
  'container_format',
  'created_at',
  'updated_at',
  'tags',
  'file',
  'schema',
  'self',
  'locations',
  'direct_url',
  'os_hash_algo',
  'os_hash_value',
  'stores',
]);

/**
 * Whether a key of Glance's record is Glance's own (a core field, `os_hash_*`, a reserved `os_glance_*`
 * property), never a custom property a user sets (Glance answers 403 to `openstack image set --property` of one).
 */
export function isGlanceField(key: string): boolean {
  return coreFields.has(key) || key.startsWith('os_glance_');
}

/** An image document of the policy envelope: Glance's fields, with the custom properties gathered under `properties`. */
export function imageDocument(wire: ImageWire): Record<string, unknown> & { properties: Record<string, string> } {
  const doc: Record<string, unknown> = {};
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (isGlanceField(key)) doc[key] = value;
    else properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { ...doc, properties };
}

/** GET /v2/images/{id} (200). */
export async function getImage(session: Session, id: string): Promise<ImageWire> {
  const reply = await session.request({
    method: 'GET',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}`,
    ok: [200],
  });
  return JSON.parse(reply.text) as ImageWire;
}

/** The fields of a new image record, Glance's wire names; custom properties flat, as strings (Image API v2 "Create image"). */
export type ImageCreateBody = Readonly<Record<string, string | number | boolean | readonly string[] | null>>;

/** The body of POST /v2/images from an image document (custom properties under `properties`): pure. */
export function createImageBody(
  doc: Readonly<Record<string, unknown>> & { readonly properties?: Readonly<Record<string, string>> },
): ImageCreateBody {
  const body: Record<string, string | number | boolean | readonly string[] | null> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'properties' || value === undefined) continue;
    body[key] = value as string | number | boolean | readonly string[] | null;
  }
  for (const [key, value] of Object.entries(doc.properties ?? {})) body[key] = value;
  return body;
}

/** POST /v2/images (201): the record only, status queued; data comes separately. Not retried (it creates). */
export async function createImage(session: Session, body: ImageCreateBody): Promise<ImageWire> {
  const reply = await session.request({
    method: 'POST',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images`,
    ok: [201],
    json: body,
  });
  return JSON.parse(reply.text) as ImageWire;
}

/** One JSON-patch operation as Glance takes it (no `test`, no `/tags/-`). */
export interface PatchOp {
  readonly op: 'add' | 'replace' | 'remove';
  readonly path: string;
  readonly value?: unknown;
}

/**
 * The JSON-patch that turns `current` (what Glance has) into `desired` for the keys `desired` manages (pure).
 * Glance's rules (Image API v2 "Update image"): custom property values are strings; tags are replaced whole
 * (`/tags/-` is refused); removing a property that is not there is a 409, so only present ones are removed.
 * `removed` lists custom properties to delete.
 */
export function imagePatch(
  current: Readonly<Record<string, unknown>>,
  desired: Readonly<Record<string, unknown>>,
  removed: readonly string[] = [],
): PatchOp[] {
  const ops: PatchOp[] = [];
  const pointer = (key: string): string => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  for (const [key, value] of Object.entries(desired)) {
    if (value === undefined) continue;
    const now = current[key];
    if (JSON.stringify(now) === JSON.stringify(value)) continue;
    ops.push({ op: key in current ? 'replace' : 'add', path: pointer(key), value });
  }
  for (const key of removed) if (key in current) ops.push({ op: 'remove', path: pointer(key) });
  return ops;
}

/** PATCH /v2/images/{id} (200) with the JSON-patch media type Glance requires (anything else is 415). */
export async function updateImage(session: Session, id: string, ops: readonly PatchOp[]): Promise<ImageWire> {
  const reply = await session.request({
    method: 'PATCH',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}`,
    ok: [200],
    json: ops,
    headers: { 'content-type': 'application/openstack-images-v2.1-json-patch' },
  });
  return JSON.parse(reply.text) as ImageWire;
}

/** DELETE /v2/images/{id} (204). */
export async function deleteImage(session: Session, id: string): Promise<void> {
  await session.request({
    method: 'DELETE',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}`,
    ok: [204],
  });
}

/** POST /v2/images/{id}/actions/deactivate or reactivate (204). */
export async function setImageActive(session: Session, id: string, active: boolean): Promise<void> {
  const action = active ? 'reactivate' : 'deactivate';
  await session.request({
    method: 'POST',
    url: `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(id)}/actions/${action}`,
    ok: [204],
    idempotent: true,
  });
}
