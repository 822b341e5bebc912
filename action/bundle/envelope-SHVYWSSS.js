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
} from "./chunk-ZQIJZZ3J.js";
import "./chunk-TRXWQT5T.js";
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
