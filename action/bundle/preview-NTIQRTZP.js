import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-IUHYUWHJ.js";
import "./chunk-7EGL5KV4.js";
import "./chunk-52Z5E5WU.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-QEPAQAL3.js";
import "./chunk-X2BMBAA4.js";
import "./chunk-SDSKQA37.js";
import "./chunk-IGCW2OY2.js";
import "./chunk-QF2WZVCN.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
