/**
 * The change envelope (DESIGN.md): one input shape for every entry point. Its schema is
 * schemas/policy-input.schema.json; this module holds the few types the TypeScript side reads, the schema check,
 * and the narrowing of the live catalog to what the rules can look at.
 */
import { describeErrors, validateInput } from './schemas.js';

/** What `{"$unknown": true}` stands for: a value not known until apply. */
export const unknownValue = Object.freeze({ $unknown: true as const });

export const changeKinds = ['image', 'member', 'acceptance', 'store'] as const;
export type ChangeKind = (typeof changeKinds)[number];
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

/**
 * The family key of a name: the name without its `-v<major>.<minor>` suffix. Every name the policy parses
 * into a family has exactly that family as its key, so grouping by key never separates a family (other
 * names may share a key; the policy ignores them).
 */
export function familyKey(name: string): string {
  return name.replace(/-v\d+\.\d+$/, '');
}

interface CatalogIndex {
  readonly byFamily: Map<string, Document[]>;
  readonly byName: Map<string, Document[]>;
}

const indexes = new WeakMap<readonly Document[], CatalogIndex>();

function indexOf(images: readonly Document[]): CatalogIndex {
  let index = indexes.get(images);
  if (index !== undefined) return index;
  index = { byFamily: new Map(), byName: new Map() };
  for (const image of images) {
    const name = image['name'];
    if (typeof name !== 'string') continue;
    const add = (map: Map<string, Document[]>, key: string): void => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [image]);
      else list.push(image);
    };
    add(index.byFamily, familyKey(name));
    add(index.byName, name);
  }
  indexes.set(images, index);
  return index;
}

/**
 * The envelope with its catalog cut down to the images a rule can look at: those of the families and names the
 * changes bring in. The rules read the catalog only through a change's family or name (versioning), so the
 * decision is the same as on the whole catalog (the differential test checks it); the Wasm module then parses
 * a few images instead of thousands. The index behind it is built once per catalog array and reused.
 */
export function narrowCatalog(envelope: Envelope): Envelope {
  const index = indexOf(envelope.catalog.images);
  const keep = new Set<Document>();
  for (const change of envelope.changes) {
    if (change.kind !== 'image' || change.after === null) continue;
    const name = change.after['name'];
    if (typeof name !== 'string') continue;
    for (const image of index.byFamily.get(familyKey(name)) ?? []) keep.add(image);
    for (const image of index.byName.get(name) ?? []) keep.add(image);
  }
  return { ...envelope, catalog: { images: [...keep] } };
}
