import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-ONWALINS.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-GJY7L5N5.js";
import "./chunk-VSXTOVWL.js";
import "./chunk-OMMDAV32.js";
import "./chunk-RRDCBEJQ.js";
import "./chunk-WDHILH2V.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
