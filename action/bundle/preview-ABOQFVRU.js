import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-LXHZZTXO.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-E2SWIAUU.js";
import "./chunk-YIVPLSTS.js";
import "./chunk-ZBD4BJPQ.js";
import "./chunk-QVJHQ2KW.js";
import "./chunk-TVZHFNHH.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
