import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  familyKey,
  narrowCatalog
} from "./chunk-N54DKE3Z.js";
import "./chunk-PDQADOI3.js";
import "./chunk-UXAMSLRZ.js";
export {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  familyKey,
  narrowCatalog
};
