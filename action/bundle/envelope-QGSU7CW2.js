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
} from "./chunk-BUNSSLAJ.js";
import "./chunk-K6W6LOUX.js";
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
