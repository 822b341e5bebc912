import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-5BXWVRVZ.js";
import "./chunk-7V5LFCBW.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-5OQKDZUR.js";
import "./chunk-HWLB4PS3.js";
import "./chunk-ROJYXITU.js";
import "./chunk-O3ALXHCA.js";
import "./chunk-GQ2WSSNC.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
