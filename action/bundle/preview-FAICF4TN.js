import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-DGKYHYVS.js";
import "./chunk-IEZGLSXF.js";
import "./chunk-PDZHX3B3.js";
import "./chunk-VMZIL4P7.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
