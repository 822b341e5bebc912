import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-VVWT5GPJ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-YVLPD6VJ.js";
import "./chunk-7I7THHMG.js";
import "./chunk-GC2QEH5L.js";
import "./chunk-77QBETGE.js";
import "./chunk-GM73PCVX.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
