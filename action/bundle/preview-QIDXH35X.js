import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-QN5G7ZEH.js";
import "./chunk-VDMMFV2V.js";
import "./chunk-MKVAGATE.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-BZXDCAXD.js";
import "./chunk-753L5GQO.js";
import "./chunk-NGU2K3X4.js";
import "./chunk-44M6CERX.js";
import "./chunk-5ZIGE4RF.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
