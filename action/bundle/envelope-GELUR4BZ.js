import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  consumerKind,
  familyKey,
  narrowCatalog
} from "./chunk-FZ5AAT57.js";
import "./chunk-O4R5JOVR.js";
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
