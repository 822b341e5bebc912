import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  creationMark,
  imageDocument,
  snapshotImages,
  stackOfMark
} from "./chunk-AUYGMNHL.js";

// provider/policy/changes.ts
async function changeDocuments(descriptor, action, sides) {
  const mark = sides.mark ?? ((d) => d);
  const afterDoc = sides.after === void 0 ? null : mark(descriptor.document(sides.after));
  if (sides.before === void 0) return { before: null, after: afterDoc };
  if (descriptor.live === void 0 || sides.id === void 0) return { before: mark(descriptor.document(sides.before)), after: afterDoc };
  const live = sides.live ?? await descriptor.live.get(sides.session(), sides.id);
  const base = live?.document ?? { ...descriptor.document(sides.before), id: sides.id };
  const applied = sides.declared === void 0 ? base : descriptor.live.applied(base, live, sides.declared);
  return {
    before: applied,
    after: action === "update" && sides.after !== void 0 ? mark(descriptor.live.apply(applied, live, sides.before, sides.after)) : afterDoc
  };
}
var RunCatalog = class {
  /** `snapshot`: how the images a session sees are read (default: every page of GET /v2/images). */
  constructor(maxAgeMs = 5e3, snapshot = snapshotImages) {
    this.maxAgeMs = maxAgeMs;
    this.snapshot = snapshot;
  }
  maxAgeMs;
  snapshot;
  createdIds = /* @__PURE__ */ new Set();
  creators = /* @__PURE__ */ new Set();
  snapshots = /* @__PURE__ */ new Map();
  /**
   * The resource marked `creator` (provider/resources/mark.ts, written on the record) creates an image in this run: an
   * image that carries the mark is its own (in the middle of its upload, or left by an interrupted run of the same
   * resource, which its create finishes or removes), never another image holding the name.
   */
  creating(creator) {
    this.creators.add(creator);
  }
  /** This run created the image `id`. */
  created(id) {
    this.createdIds.add(id);
  }
  /** The catalog changed (an update or a delete of this run): the next read takes a new snapshot. */
  changed() {
    this.snapshots.clear();
  }
  ours(image) {
    const mark = image[creationMark];
    if (this.createdIds.has(image.id)) return true;
    if (typeof mark !== "string") return false;
    if (this.creators.has(mark)) return true;
    const finished = image.status === "active" || image.status === "deactivated";
    const stack = stackOfMark(mark);
    return !finished && stack !== void 0 && [...this.creators].some((creator) => stackOfMark(creator) === stack);
  }
  /** The images `session` sees (`key` names its cloud), minus this run's creates. */
  async images(key, session) {
    let known = this.snapshots.get(key);
    if (known === void 0 || Date.now() - known.at >= this.maxAgeMs) {
      const images = this.snapshot(session);
      known = { at: Date.now(), images };
      this.snapshots.set(key, known);
      images.catch(() => this.snapshots.delete(key));
    }
    return (await known.images).filter((image) => !this.ours(image));
  }
  /** The same, as envelope documents. */
  async documents(key, session) {
    return (await this.images(key, session)).map(imageDocument);
  }
};

export {
  changeDocuments,
  RunCatalog
};
