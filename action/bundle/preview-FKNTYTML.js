import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-ZRCPV5OR.js";
import "./chunk-NEMNGD6E.js";
import "./chunk-7TKJU6WL.js";
import "./chunk-SDCHPTQE.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
