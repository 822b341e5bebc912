import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  declaredAt
} from "./chunk-JPHF7VO4.js";
import "./chunk-UXAMSLRZ.js";

// provider/pulumi/declarations.ts
function declarations() {
  return globalThis.imageCatalogDeclaredAt ??= /* @__PURE__ */ new Map();
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
