/**
 * The envelope builder every entry point calls: the documents of one change (`before`/`after` of a create,
 * update, replace or delete) from a kind's descriptor, and the live catalog a run's changes are decided against
 * (what a cloud sees, minus what this run is creating).
 */
import { imageDocument, snapshotImages, type ImageWire } from '../client/images.js';
import type { Session } from '../client/session.js';
import type { Bag, KindDescriptor, LiveDocument, WireDocument } from '../resources/descriptor.js';
import { creationMark } from '../resources/image/image.js';
import { stackOfMark } from '../resources/mark.js';
import type { ChangeAction, Document } from './envelope.js';

/** What the documents of a change are made from. */
export interface ChangeSides {
  /** The session that reads the live resource (an image's record); asked for only when one is read. */
  readonly session: () => Session;
  /** The id of an existing resource. */
  readonly id: string | undefined;
  /** The old side: the state's values (checked inputs and outputs), or undefined for a create. */
  readonly before: Bag | undefined;
  /** The new side: the checked inputs, or undefined for a delete. */
  readonly after: Bag | undefined;
  /** The inputs the catalog last applied (a refresh keeps them while the outputs show drift), when known. */
  readonly declared?: Bag;
  /** Marks values not known yet (a preview's) in a document. */
  readonly mark?: (document: WireDocument) => WireDocument;
  /** The live resource, when the caller read it already (not read again). */
  readonly live?: LiveDocument;
}

/**
 * The `before`/`after` documents of a change. A kind with a live side (an image): `before` is what the catalog
 * last applied — the live record with the declared fields over it and no custom property the catalog did not
 * declare, so a field changed, added or removed out of band is drift and putting it back is no change of a
 * published image — or the old values when the resource is gone; an update's
 * `after` is that with the new fields applied; a replace's `after` is the new inputs. Other kinds: their inputs.
 */
export async function changeDocuments(
  descriptor: KindDescriptor<object>,
  action: ChangeAction,
  sides: ChangeSides,
): Promise<{ before: Document | null; after: Document | null }> {
  const mark = sides.mark ?? ((d: WireDocument) => d);
  const afterDoc = sides.after === undefined ? null : mark(descriptor.document(sides.after));
  if (sides.before === undefined) return { before: null, after: afterDoc };
  if (descriptor.live === undefined || sides.id === undefined) return { before: mark(descriptor.document(sides.before)), after: afterDoc };
  const live: LiveDocument | undefined = sides.live ?? (await descriptor.live.get(sides.session(), sides.id));
  const base = live?.document ?? { ...descriptor.document(sides.before), id: sides.id };
  const applied = sides.declared === undefined ? base : descriptor.live.applied(base, live, sides.declared);
  return {
    before: applied,
    after:
      action === 'update' && sides.after !== undefined ? mark(descriptor.live.apply(applied, live, sides.before, sides.after)) : afterDoc,
  };
}

/**
 * The live catalog of a run: a snapshot per cloud (one serves the calls of a few seconds, a preview's burst of
 * checks), without the images this run creates. During `pulumi up` the engine checks each resource just before
 * creating it, so without this, v1.3 of a family created a moment earlier would make the check of v1.2 (declared
 * in the same program) fail the versioning rule.
 */
export class RunCatalog {
  private readonly createdIds = new Set<string>();
  private readonly creators = new Set<string>();
  private readonly snapshots = new Map<string, { at: number; images: Promise<ImageWire[]> }>();

  /** `snapshot`: how the images a session sees are read (default: every page of GET /v2/images). */
  constructor(
    private readonly maxAgeMs = 5_000,
    private readonly snapshot: (session: Session) => Promise<ImageWire[]> = snapshotImages,
  ) {}

  /**
   * The resource marked `creator` (provider/resources/mark.ts, written on the record) creates an image in this run: an
   * image that carries the mark is its own (in the middle of its upload, or left by an interrupted run of the same
   * resource, which its create finishes or removes), never another image holding the name.
   */
  creating(creator: string): void {
    this.creators.add(creator);
  }

  /** This run created the image `id`. */
  created(id: string): void {
    this.createdIds.add(id);
  }

  /** The catalog changed (an update or a delete of this run): the next read takes a new snapshot. */
  changed(): void {
    this.snapshots.clear();
  }

  private ours(image: ImageWire): boolean {
    const mark = image[creationMark];
    if (this.createdIds.has(image.id)) return true;
    if (typeof mark !== 'string') return false;
    if (this.creators.has(mark)) return true;
    // A half-made image of another resource of the same stack (an interrupted run's): its own create removes it.
    const finished = image.status === 'active' || image.status === 'deactivated';
    const stack = stackOfMark(mark);
    return !finished && stack !== undefined && [...this.creators].some((creator) => stackOfMark(creator) === stack);
  }

  /** The images `session` sees (`key` names its cloud), minus this run's creates. */
  async images(key: string, session: Session): Promise<ImageWire[]> {
    let known = this.snapshots.get(key);
    if (known === undefined || Date.now() - known.at >= this.maxAgeMs) {
      const images = this.snapshot(session);
      known = { at: Date.now(), images };
      this.snapshots.set(key, known);
      images.catch(() => this.snapshots.delete(key));
    }
    return (await known.images).filter((image) => !this.ours(image));
  }

  /** The same, as envelope documents. */
  async documents(key: string, session: Session): Promise<Document[]> {
    return (await this.images(key, session)).map(imageDocument);
  }
}
