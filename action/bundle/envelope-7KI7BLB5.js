import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  familyKey,
  narrowCatalog
} from "./chunk-GS4C7ZG3.js";
import "./chunk-2FXQOXLZ.js";
import "./chunk-UXAMSLRZ.js";
export {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  familyKey,
  narrowCatalog
};
