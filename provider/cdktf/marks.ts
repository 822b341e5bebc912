/**
 * The creation mark of the CDKTF layer, as the Pulumi layer's (../resources/mark.ts): every `CatalogImage` record
 * carries `catalog_created_by`, made by the gate before the plan from the stack instance's key and the resource's
 * construct path, and given to the configuration as the root variable `image_catalog_marks` (path -> mark), which
 * the construct reads into the record's properties. terraform-provider-openstack writes the properties with the
 * record, before any data: what a killed or failed apply left is recognised by the next gated run.
 *
 * The stack instance's key is its state's lineage: a random id tofu keeps for the life of a state, which two
 * checkouts with their own states never share. A stack with no state yet gets one (an empty state pushed with a
 * new lineage) before its first apply, so that the marks of its first records are known before they exist.
 *
 * Before a gated apply or destroy (and again after a failed one), {@link recoverLeftovers}: records of this stack
 * instance that are half made (queued, saving, importing) are removed; a finished one that the state does not hold
 * is imported when it holds the data of the declared file or url (sha512), and left, said, otherwise (a deploy
 * killed before tofu wrote its state leaves finished records the state does not know); a membership of an image the
 * state holds that Glance has but the state lacks is imported (creating it again fails: 409). The state's lock is
 * probed first: a run that holds it may be uploading those records.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getImage, snapshotImages, type ImageWire } from '../client/images.js';
import { getMember } from '../client/members.js';
import { Session } from '../client/session.js';
import { FileDigests } from '../resources/descriptor.js';
import { creationMark, removeImage } from '../resources/image/image.js';
import { StackMarks } from '../resources/mark.js';
import { synthesizedConfig, synthesizedResources } from './declared.js';

/** The root variable of the marks (path -> mark), declared with the gate's (./gate-variable.ts). */
export const marksVariable = 'image_catalog_marks';

/** The statuses of a record whose data is not (all) in: what an interrupted create leaves. */
const halfMade = new Set(['queued', 'saving', 'importing', 'uploading']);

/** A stack's state as `state pull` gives it (the parts read here). */
export interface PulledState {
  readonly lineage?: string;
  readonly resources?: StateResource[];
}

/** The state of the stack folder `dir` as `binary state pull` gives it; undefined without one. */
export function pullState(binary: string, env: NodeJS.ProcessEnv, dir: string): PulledState | undefined {
  const pulled = spawnSync(binary, ['state', 'pull'], { cwd: dir, env, maxBuffer: 1024 * 1024 * 1024 });
  const text = pulled.status === 0 ? pulled.stdout.toString().trim() : '';
  if (text === '') return undefined;
  return JSON.parse(text) as PulledState;
}

interface StateResource {
  readonly mode?: string;
  readonly type: string;
  readonly name: string;
  readonly module?: string;
  /** The provider configuration that manages it. */
  readonly provider?: string;
  readonly instances?: { readonly attributes?: { readonly id?: string } }[];
}

/** The image id a synthesized `image_id` names: an id, or a reference to an image resource (`${type.name.id}`). */
const imageReference = /^\$\{(openstack_images_image_v2\.[\w-]+)\.id\}$/;
const literalId = /^[0-9a-f-]{36}$/;

/**
 * The marks of the stack in `dir`: its state's lineage as the key. Without a state, `create` pushes an empty one
 * with a new lineage (an apply: its records are marked before they exist); otherwise (a plan that applies nothing)
 * a key of this run only.
 */
export function stackMarks(
  binary: string,
  env: NodeJS.ProcessEnv,
  dir: string,
  create: boolean,
  state: PulledState | undefined = pullState(binary, env, dir),
): StackMarks {
  const lineage = state?.lineage;
  if (lineage !== undefined && lineage !== '') return new StackMarks(lineage);
  const fresh = randomUUID();
  if (create) {
    const scratch = mkdtempSync(join(tmpdir(), 'image-catalog-state-'));
    try {
      const file = join(scratch, 'empty.tfstate');
      writeFileSync(file, JSON.stringify({ version: 4, serial: 0, lineage: fresh, outputs: {}, resources: [] }));
      // -force: the backend holds no state; without it, OpenTofu's s3 backend stores a first push under a lineage of its own.
      const pushed = spawnSync(binary, ['state', 'push', '-force', file], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
      if (pushed.status !== 0) throw new Error(`${binary} state push of a new, empty state failed: ${pushed.stderr.toString().trim()}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    // The lineage the backend keeps (the key of the marks), should another backend still choose its own.
    const stored = pullState(binary, env, dir)?.lineage;
    if (stored !== undefined && stored !== '') return new StackMarks(stored);
  }
  return new StackMarks(fresh);
}

/** The attributes of an image's source that terraform-provider-openstack never reads back (an import lacks them). */
const sourceAttributes = ['local_file_path', 'image_source_url', 'web_download', 'image_cache_path', 'verify_checksum'] as const;

/**
 * The image resources of cdk.tf.json in `dir`: address, construct path, image name, the local file it uploads
 * (absolute), and its source attributes as configured.
 */
function synthesizedImages(
  dir: string,
): { address: string; path: string; name: string | undefined; file: string | undefined; source: Record<string, unknown> }[] {
  const config = synthesizedConfig(dir);
  return Object.entries(config?.resource?.['openstack_images_image_v2'] ?? {}).flatMap(([name, body]) => {
    const path = body['//']?.metadata?.path;
    if (path === undefined) return [];
    const local = body['local_file_path'];
    const source = Object.fromEntries(sourceAttributes.flatMap((a) => (body[a] === undefined ? [] : [[a, body[a]]])));
    const imageName = typeof body['name'] === 'string' ? body['name'] : undefined;
    return [
      {
        address: `openstack_images_image_v2.${name}`,
        path,
        name: imageName,
        file: typeof local === 'string' ? resolve(dir, local) : undefined,
        source,
      },
    ];
  });
}

/**
 * After an import: the source attributes as configured, written into the imported instance (the provider reads
 * none of them back, and a `local_file_path` missing from the state would replace the image it just adopted).
 */
function keepDeclaredSource(binary: string, env: NodeJS.ProcessEnv, dir: string, address: string, source: Record<string, unknown>): void {
  const state = pullState(binary, env, dir) as
    { serial?: number; resources?: (StateResource & { instances?: { attributes?: Record<string, unknown> }[] })[] } | undefined;
  const resource = state?.resources?.find((r) => r.mode !== 'data' && `${r.type}.${r.name}` === address);
  const attributes = resource?.instances?.[0]?.attributes;
  if (state === undefined || attributes === undefined) return;
  Object.assign(attributes, source);
  state.serial = (state.serial ?? 0) + 1;
  const scratch = mkdtempSync(join(tmpdir(), 'image-catalog-state-'));
  try {
    const file = join(scratch, 'adopted.tfstate');
    writeFileSync(file, JSON.stringify(state));
    const pushed = spawnSync(binary, ['state', 'push', file], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
    if (pushed.status !== 0)
      throw new Error(`${binary} state push after the import of ${address} failed: ${pushed.stderr.toString().trim()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The value of {@link marksVariable} for the stack in `dir`: the mark of each resource by its construct path (a
 * CatalogImage's record and a StorageBackend's claim read theirs).
 */
export function marksByPath(marks: StackMarks, dir: string): Record<string, string> {
  const paths = [...synthesizedResources(dir).values()].flatMap((r) => (r.path === undefined ? [] : [r.path]));
  return Object.fromEntries(paths.map((path) => [path, marks.of(path)]));
}

/** The clouds of the stack's openstack providers (cdk.tf.json); undefined: a provider without one (the environment's). */
function providerClouds(dir: string): (string | undefined)[] {
  const config = synthesizedConfig(dir);
  if (config === undefined) return [];
  const clouds = (config.provider?.openstack ?? []).map((p) => (typeof p.cloud === 'string' ? p.cloud : undefined));
  return [...new Set(clouds.length === 0 ? [undefined] : clouds)];
}

/** Whether another run holds the stack's state lock (a plan that takes it without waiting fails on it). */
function lockHeld(binary: string, env: NodeJS.ProcessEnv, dir: string): boolean {
  const probe = spawnSync(
    binary,
    ['plan', '-input=false', '-no-color', '-refresh=false', '-lock-timeout=0s', '-target=terraform_data.image_catalog_lock_probe'],
    { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 },
  );
  return probe.status !== 0 && /acquiring the state lock/i.test(probe.stderr.toString() + probe.stdout.toString());
}

/**
 * What interrupted applies of this stack instance left (see the module comment): half-made records removed,
 * finished ones the state lacks imported when they hold the declared data. Says each; returns how many it acted on.
 */
export async function recoverLeftovers(
  binary: string,
  env: NodeJS.ProcessEnv,
  dir: string,
  marks: StackMarks,
  say: (line: string) => void,
  state: PulledState | undefined = pullState(binary, env, dir),
): Promise<number> {
  const inState = new Set(
    (state?.resources ?? [])
      .filter((r) => r.mode !== 'data' && r.type === 'openstack_images_image_v2')
      .flatMap((r) => (r.instances ?? []).map((i) => i.attributes?.id)),
  );
  const stateAddresses = new Set((state?.resources ?? []).filter((r) => r.mode !== 'data').map((r) => `${r.type}.${r.name}`));
  // The id of each image resource the state holds (and, below, of each one adopted): what a share's image_id names.
  const imageIds = new Map<string, string>(
    (state?.resources ?? [])
      .filter((r) => r.mode !== 'data' && r.type === 'openstack_images_image_v2')
      .flatMap((r) => {
        const id = r.instances?.[0]?.attributes?.id;
        return id === undefined ? [] : [[`${r.type}.${r.name}`, id] as const];
      }),
  );
  const images = synthesizedImages(dir);
  const byMark = new Map(images.map((image) => [marks.of(image.path), image]));
  let acted = 0;
  // One record is seen by several of the stack's clouds (a shared image by its consumer, every image by admin).
  const handled = new Set<string>();
  // Where leftovers can be: records in a half-made status, and records of the names the state does not hold yet
  // (a few lists, never the whole catalog).
  const unheld = images.filter((image) => !stateAddresses.has(image.address) && image.name !== undefined);
  const clouds = providerClouds(dir);
  for (const cloud of clouds) {
    const session = Session.forCloud(cloud);
    try {
      const candidates = (
        await Promise.all([
          ...[...halfMade].map((status) => snapshotImages(session, 1000, { status })),
          ...unheld.map((image) => snapshotImages(session, 1000, { name: image.name ?? '' })),
        ])
      ).flat();
      // Each record by the cloud of the project that owns it (another may see it, a public one every project).
      const project = (await session.identity()).project_id;
      const ours = [...new Map(candidates.map((image) => [image.id, image])).values()].filter(
        (image) => marks.owns(image[creationMark]) && image['owner'] === project,
      );
      const leftovers = ours.filter((image) => !handled.has(image.id) && (halfMade.has(image.status) || !inState.has(image.id)));
      if (leftovers.length === 0) continue;
      if (lockHeld(binary, env, dir)) {
        say(`another run holds this stack's state lock: the ${leftovers.length} record(s) it may be making are left to it`);
        return acted;
      }
      for (const found of leftovers) {
        handled.add(found.id);
        const image = await fresh(session, found.id);
        if (image === undefined) continue;
        const name = `${image.id} (${String(image['name'])}, ${image.status})`;
        if (halfMade.has(image.status)) {
          await removeImage(session, image);
          say(`removed ${name}: an interrupted or failed apply of this stack left it half made`);
          acted++;
          continue;
        }
        const declared = byMark.get(String(image[creationMark]));
        if (declared === undefined || stateAddresses.has(declared.address)) {
          say(
            `${name} carries this stack's mark but ${
              declared === undefined ? 'no resource of it declares it now' : `${declared.path} holds another image in the state`
            }: left as it is (delete it by id when nothing uses it)`,
          );
          continue;
        }
        const url = typeof declared.source['image_source_url'] === 'string' ? declared.source['image_source_url'] : undefined;
        if (url !== undefined) say(`checking ${name} against ${shownUrl(url)} (sha512 of its data)...`);
        const holds =
          declared.file !== undefined
            ? existsSync(declared.file) && (await holdsFile(image, declared.file))
            : url !== undefined && (await holdsUrl(image, url));
        if (holds) {
          const imported = spawnSync(binary, ['import', '-input=false', '-no-color', declared.address, image.id], {
            cwd: dir,
            env,
            maxBuffer: 64 * 1024 * 1024,
          });
          if (imported.status !== 0)
            throw new Error(`${binary} import ${declared.address} ${image.id} failed: ${imported.stderr.toString().trim()}`);
          keepDeclaredSource(binary, env, dir, declared.address, declared.source);
          stateAddresses.add(declared.address);
          imageIds.set(declared.address, image.id);
          say(
            `adopted ${name} as ${declared.path}: an interrupted apply of this stack finished ${url === undefined ? 'uploading' : 'importing'} it`,
          );
          acted++;
        } else {
          say(
            `${name} was made by an interrupted apply of ${declared.path} with other data than its ${url === undefined ? 'file' : 'url'} holds now: ` +
              `delete it (it is in no state), or import it (tofu import ${declared.address} ${image.id}), then run again`,
          );
        }
      }
    } finally {
      await session.close();
    }
  }
  return acted + (await adoptMemberships(binary, env, dir, clouds, stateAddresses, imageIds, say));
}

/**
 * The memberships an interrupted apply added that the state does not hold: a share of an image the state holds (or
 * that was just adopted), not in the state and not moved into it, whose member Glance has already. Creating it
 * again would fail (409: the member is there), so it is imported (`<image id>/<member id>`, the provider's import
 * id). An acceptance needs nothing: its create sets the status, which an accepted member already has.
 */
async function adoptMemberships(
  binary: string,
  env: NodeJS.ProcessEnv,
  dir: string,
  clouds: (string | undefined)[],
  stateAddresses: Set<string>,
  imageIds: Map<string, string>,
  say: (line: string) => void,
): Promise<number> {
  const config = synthesizedConfig(dir);
  const movedInto = new Set((config?.moved ?? []).filter((m) => stateAddresses.has(m.from)).map((m) => m.to));
  const unheld = Object.entries(config?.resource?.['openstack_images_image_access_v2'] ?? {}).flatMap(([name, body]) => {
    const address = `openstack_images_image_access_v2.${name}`;
    const member = body['member_id'];
    const image = typeof body['image_id'] === 'string' ? body['image_id'] : undefined;
    const named = image === undefined ? null : imageReference.exec(image);
    const imageId = named === null ? (image !== undefined && literalId.test(image) ? image : undefined) : imageIds.get(named[1] ?? '');
    if (stateAddresses.has(address) || movedInto.has(address) || typeof member !== 'string' || imageId === undefined) return [];
    return [{ address, path: body['//']?.metadata?.path ?? address, imageId, member }];
  });
  if (unheld.length === 0) return 0;
  let acted = 0;
  // One session per cloud for every share (the owner sees its image's members, the member its own).
  const sessions = clouds.map((cloud) => Session.forCloud(cloud));
  try {
    for (const share of unheld) {
      const there = await Promise.all(
        sessions.map((session) =>
          getMember(session, share.imageId, share.member).then(
            (member) => member.status,
            () => undefined,
          ),
        ),
      );
      const status = there.find((s) => s !== undefined);
      if (status === undefined) continue;
      if (acted === 0 && lockHeld(binary, env, dir)) {
        say(`another run holds this stack's state lock: the membership(s) it may be adding are left to it`);
        return acted;
      }
      const id = `${share.imageId}/${share.member}`;
      const imported = spawnSync(binary, ['import', '-input=false', '-no-color', share.address, id], {
        cwd: dir,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
      if (imported.status !== 0) throw new Error(`${binary} import ${share.address} ${id} failed: ${imported.stderr.toString().trim()}`);
      say(
        `adopted the membership of ${share.member} in ${share.imageId} (${status}) as ${share.path}: an interrupted apply of this stack added it`,
      );
      acted++;
    }
    return acted;
  } finally {
    await Promise.all(sessions.map((session) => session.close()));
  }
}

/** The record now, undefined when it is gone. */
async function fresh(session: Session, id: string): Promise<ImageWire | undefined> {
  try {
    return await getImage(session, id);
  } catch {
    return undefined;
  }
}

/**
 * Whether the image holds the data `url` serves now (Glance's sha512 of what it imported): the data is read once,
 * streamed through the hash, never stored. Unreachable or not found: false (the record is left, and said).
 */
export async function holdsUrl(image: ImageWire, url: string, timeoutMs = 60_000): Promise<boolean> {
  if (image['os_hash_algo'] !== 'sha512' || typeof image['os_hash_value'] !== 'string') return false;
  // A server that sends nothing for a minute (before its headers, or in the middle of the data) is no answer (the
  // record is left, and said): the gate never hangs, and a large image that keeps coming is read to its end.
  const answered = new AbortController();
  let timer = setTimeout(() => answered.abort(), timeoutMs);
  const stillAnswering = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => answered.abort(), timeoutMs);
  };
  try {
    const response = await fetch(url, { signal: answered.signal });
    stillAnswering();
    if (!response.ok || response.body === null) return false;
    const hash = createHash('sha512');
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      stillAnswering();
      hash.update(chunk);
    }
    return hash.digest('hex') === image['os_hash_value'];
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** A url as the gate says it: no credentials (user:password@) and no query (a signed url's signature). */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search === '' ? '' : '?…'}`;
  } catch {
    return '(a url)';
  }
}

/** Whether the image holds the data of `file` (Glance's sha512 of it). */
async function holdsFile(image: ImageWire, file: string): Promise<boolean> {
  if (image['os_hash_algo'] !== 'sha512' || typeof image['os_hash_value'] !== 'string') return false;
  return (await new FileDigests().sha512(file, statSync(file))) === image['os_hash_value'];
}
