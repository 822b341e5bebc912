import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  buildAuditEnvelope,
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  consumerKind,
  familyKey,
  narrowCatalog
} from "./chunk-JZW3ABCF.js";
import "./chunk-AUYGMNHL.js";
import "./chunk-UXAMSLRZ.js";
export {
  buildAuditEnvelope,
  buildEnvelope,
  changeActions,
  changeKinds,
  checkEnvelope,
  consumerKind,
  familyKey,
  narrowCatalog
};
