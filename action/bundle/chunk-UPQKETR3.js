import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  publishedMark
} from "./chunk-AUYGMNHL.js";

// provider/policy/summary.ts
function lifecycleOf(change) {
  const side = change.after ?? change.before ?? {};
  const before = change.before ?? {};
  const within = (doc) => doc["properties"] ?? {};
  const fields = {
    provided_until: within(side)["provided_until"],
    status: side["status"],
    published: before["created_at"] ?? within(before)[publishedMark]
  };
  const tags = side["tags"];
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string")),
    ...Array.isArray(tags) && tags.every((t) => typeof t === "string") ? { tags } : {}
  };
}
function loggedChange(change) {
  const name = change.after?.["name"] ?? change.before?.["name"];
  return {
    address: change.address,
    kind: change.kind,
    action: change.action,
    ...change.kind === "image" && typeof name === "string" ? { name, image: lifecycleOf(change) } : {}
  };
}

export {
  loggedChange
};
