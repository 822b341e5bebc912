import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  declaredAt
} from "./chunk-JPHF7VO4.js";
import "./chunk-UXAMSLRZ.js";

// provider/pulumi/declarations.ts
var key = /* @__PURE__ */ Symbol.for("image-catalog:declared-at");
function declarations() {
  const store = globalThis;
  return store[key] ??= /* @__PURE__ */ new Map();
}
function recordDeclaration(resource) {
  const position = declaredAt();
  if (position === void 0) return;
  resource.urn.apply((urn) => {
    declarations().set(urn, position);
  });
}
export {
  declarations,
  recordDeclaration
};
