import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  consumerKind,
  narrowCatalog
} from "./chunk-GC2QEH5L.js";
import {
  familyKey
} from "./chunk-GM73PCVX.js";
import "./chunk-UXAMSLRZ.js";
export {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  consumerKind,
  familyKey,
  narrowCatalog
};
