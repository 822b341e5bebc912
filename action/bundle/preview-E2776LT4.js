import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-3LU47BQF.js";
import "./chunk-PUAOIOEG.js";
import "./chunk-3FDQF42P.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-HPLZF2G5.js";
import "./chunk-FT7VHNYC.js";
import "./chunk-LMVXR54E.js";
import "./chunk-IADGZK7V.js";
import "./chunk-R2LFIVUO.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
