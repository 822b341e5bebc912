import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  familyKey,
  narrowCatalog
} from "./chunk-6P5AR2BK.js";
import "./chunk-DBNRMNL2.js";
import "./chunk-UXAMSLRZ.js";
export {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  familyKey,
  narrowCatalog
};
