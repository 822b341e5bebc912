import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-LYROJKIA.js";
import "./chunk-VPNKA53E.js";
import "./chunk-35XXKPL5.js";
import "./chunk-MDVQUE6N.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
