/**
 * The change envelope (DESIGN.md): one input shape for every entry point. Its schema is
 * schemas/policy-input.schema.json; this module holds the few types the TypeScript side reads, the schema check,
 * and the narrowing of the live catalog to what the rules can look at.
 */
import { kinds, type Kind } from '../resources/kinds.js';
import { describeErrors, validateInput } from './schemas.js';
import { utcToday } from '../resources/day.js';
import { compareVersions, familyKey } from '../resources/versionLine.js';

export { familyKey };

/**
 * A change of something that is not the catalog's but is made from it: a server or a volume booted from an image
 * (rules consumption, consumption_deprecated). Its document is what it boots ({@link ConsumerDocument}).
 */
export const consumerKind = 'consumer';
export const changeKinds: readonly ChangeKind[] = [...kinds, consumerKind];
export type ChangeKind = Kind | typeof consumerKind;

/** A consumer's document: each image it boots, by id or name, with the field of the resource that names it. */
export type ConsumerDocument = {
  readonly resource_type: string;
  readonly boots: readonly ({ readonly field: string } & (
    | {
        readonly id: string | { readonly $unknown: true };
        /** For an id not known until apply: the image change of the same change set it refers to. */
        readonly image_address?: string;
      }
    | { readonly name: string }
  ))[];
};
export const changeActions = ['create', 'update', 'replace', 'delete', 'noop'] as const;
export type ChangeAction = (typeof changeActions)[number];

/** A document in `before`/`after`/`catalog.images`: Glance wire names; read here only by key. */
export type Document = Readonly<Record<string, unknown>>;

/** One change of one resource. */
export interface Change {
  readonly address: string;
  readonly kind: ChangeKind;
  readonly action: ChangeAction;
  readonly before: Document | null;
  readonly after: Document | null;
}

/** Who applies the change, from the Keystone token. */
export interface Principal {
  readonly user_id: string;
  readonly project_id: string;
  readonly roles: readonly string[];
}

/** The envelope. */
export interface Envelope {
  readonly principal: Principal;
  readonly changes: readonly Change[];
  readonly catalog: { readonly images: readonly Document[] };
  /** The values of policy data a pull request changes against its base (the policy_change rule). */
  readonly policy_changes?: readonly PolicyChange[];
  /** The day it is decided on (UTC, YYYY-MM-DD): the lifecycle rules compare dates with it. */
  readonly today?: string;
  /** An audit: no changes, the live catalog judged as it is (image-catalog audit). */
  readonly audit?: AuditScope;
}

/** What an audit judges ({@link Envelope.audit}). */
export interface AuditScope {
  /** Only this project's images (id); the rest of the catalog is context. */
  readonly owner?: string;
  /** The projects where an admin role is held, when the auditor may list them: a public image of another is a finding. */
  readonly admin_projects?: readonly string[];
  /** The accepted members of each deprecated, visible, shared image (by id): such an image is still in their lists. */
  readonly accepted_members?: Readonly<Record<string, readonly string[]>>;
}

/** The envelope of an audit: the live catalog judged as it is, as `principal` sees it on `today`. */
export function buildAuditEnvelope(
  principal: Principal,
  images: readonly Document[],
  scope: AuditScope,
  today: string = utcToday(),
): Envelope {
  return { ...buildEnvelope(principal, images, [], [], today), audit: scope };
}

/** One value of policy data that a pull request sets differently from its base commit. */
export interface PolicyChange {
  /** Where the pull request sets it: a file (repository-relative), or the stack config key with its file. */
  readonly source: string;
  /** The dotted path in the policy data document (`image_catalog.rules.immutability.level`). */
  readonly field: string;
  /** Its value on the base commit; null when not set there. */
  readonly base: unknown;
  /** Its value in the pull request; null when not set there. */
  readonly head: unknown;
}

/**
 * The envelope of a change set: the principal from the Keystone token and the live catalog as the caller fetched
 * them (image documents), with the changes. Checked by `decide` before evaluation.
 */
export function buildEnvelope(
  principal: Principal,
  images: readonly Document[],
  changes: readonly Change[],
  policyChanges: readonly PolicyChange[] = [],
  today: string = utcToday(),
): Envelope {
  return {
    principal: { user_id: principal.user_id, project_id: principal.project_id, roles: [...principal.roles] },
    changes,
    catalog: { images },
    today,
    ...(policyChanges.length === 0 ? {} : { policy_changes: policyChanges }),
  };
}

/** A schema problem, as `field` and `message`. */
export interface EnvelopeProblem {
  readonly field: string;
  readonly message: string;
}

/** Checks a document against schemas/policy-input.schema.json. */
export function checkEnvelope(value: unknown): { ok: true; envelope: Envelope } | { ok: false; problems: EnvelopeProblem[] } {
  const errors = validateInput(value);
  return errors.length === 0 ? { ok: true, envelope: value as Envelope } : { ok: false, problems: describeErrors(errors) };
}

interface CatalogIndex {
  /** Per family key, the two images with the highest versions (the most a rule can need: the latest other than the one being replaced). */
  readonly topOfFamily: Map<string, Document[]>;
  readonly byName: Map<string, Document[]>;
  /** By id: a share's image (the sharing rule). */
  readonly byId: Map<string, Document[]>;
  /** Public, visible images with os_purpose generic, by architecture, os_distro and os_version (rule scs_0102). */
  readonly generic: Map<string, Document[]>;
}

/** The key of the SCS-0102 uniqueness (architecture, os_distro, os_version), for a public, visible generic image. */
function genericKey(image: Document): string | undefined {
  const properties = (image['properties'] ?? {}) as Readonly<Record<string, unknown>>;
  if (image['visibility'] !== 'public' || image['os_hidden'] === true || properties['os_purpose'] !== 'generic') return undefined;
  return JSON.stringify([properties['architecture'] ?? '', properties['os_distro'] ?? '', properties['os_version'] ?? '']);
}

const indexes = new WeakMap<readonly Document[], CatalogIndex>();

function indexOf(images: readonly Document[]): CatalogIndex {
  let index = indexes.get(images);
  if (index !== undefined) return index;
  const families = new Map<string, { image: Document; version: readonly [string, string] }[]>();
  const byName = new Map<string, Document[]>();
  const byId = new Map<string, Document[]>();
  const generic = new Map<string, Document[]>();
  for (const image of images) {
    const unique = genericKey(image);
    if (unique !== undefined) generic.set(unique, [...(generic.get(unique) ?? []), image]);
    const id = image['id'];
    if (typeof id === 'string') byId.set(id, [...(byId.get(id) ?? []), image]);
    const name = image['name'];
    if (typeof name !== 'string') continue;
    const sameName = byName.get(name);
    if (sameName === undefined) byName.set(name, [image]);
    else sameName.push(image);
    const { key, version } = familyKey(name);
    if (version === undefined) continue;
    const members = families.get(key);
    if (members === undefined) families.set(key, [{ image, version }]);
    else members.push({ image, version });
  }
  const topOfFamily = new Map<string, Document[]>();
  for (const [key, members] of families) {
    members.sort((a, b) => compareVersions(b.version, a.version));
    topOfFamily.set(
      key,
      members.slice(0, 2).map((m) => m.image),
    );
  }
  index = { topOfFamily, byName, byId, generic };
  indexes.set(images, index);
  return index;
}

/**
 * The envelope with its catalog cut down to the images a rule can look at. The rules read the catalog for
 * versioning: the latest version of a change's family other than the image it replaces (so the two highest of the
 * family are enough), and the images that already carry a change's name; for sharing: a share's image by id; for consumption: the images a
 * server or volume boots, by id or name; for the SCS-0102 profile: the public, visible generic images of a public
 * generic change's architecture, distribution and version. The decision is the same as on
 * the whole catalog (the differential test checks it), and the Wasm module parses a handful of images instead of
 * thousands. The index behind it is built once per catalog array and reused for every decision of a run. An audit's
 * envelope is left whole.
 */
export function narrowCatalog(envelope: Envelope): Envelope {
  // An audit judges every live image: nothing to narrow.
  if (envelope.audit !== undefined) return envelope;
  const index = indexOf(envelope.catalog.images);
  const keep = new Set<Document>();
  for (const change of envelope.changes) {
    // The images a server or volume boots, by id or name (the consumption rules).
    if (change.kind === consumerKind && change.after !== null) {
      for (const boot of (change.after as ConsumerDocument).boots) {
        if ('name' in boot) for (const image of index.byName.get(boot.name) ?? []) keep.add(image);
        else if (typeof boot.id === 'string') for (const image of index.byId.get(boot.id) ?? []) keep.add(image);
      }
      continue;
    }
    // A share's image, which the sharing rule reads by id.
    const shared = change.kind === 'image' || change.after === null ? undefined : change.after['image_id'];
    if (typeof shared === 'string') for (const image of index.byId.get(shared) ?? []) keep.add(image);
    if (change.kind !== 'image' || change.after === null) continue;
    const name = change.after['name'];
    if (typeof name !== 'string') continue;
    for (const image of index.topOfFamily.get(familyKey(name).key) ?? []) keep.add(image);
    for (const image of index.byName.get(name) ?? []) keep.add(image);
    const key = genericKey(change.after);
    if (key !== undefined) for (const image of index.generic.get(key) ?? []) keep.add(image);
  }
  return { ...envelope, catalog: { images: [...keep] } };
}
