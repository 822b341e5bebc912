import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-PXG66CJM.js";
import "./chunk-WVSSXNX7.js";
import "./chunk-E2AUNRMQ.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-LWS2V3MX.js";
import "./chunk-UVST73VQ.js";
import "./chunk-6ZJW2BWF.js";
import "./chunk-DSMWL4DI.js";
import "./chunk-OZ6YLT7C.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
