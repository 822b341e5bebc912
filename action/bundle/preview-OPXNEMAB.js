import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-2ES4ALOS.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-7JZ43REO.js";
import "./chunk-T5UYAT7W.js";
import "./chunk-N54DKE3Z.js";
import "./chunk-2CMGNRLK.js";
import "./chunk-PDQADOI3.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
