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
} from "./chunk-C2YOPSDS.js";
import "./chunk-6VYJF2JP.js";
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
