import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-7KKS6DG5.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-LPATU3SF.js";
import "./chunk-TMG2OO3V.js";
import "./chunk-JK2TCRF4.js";
import "./chunk-LIS56QFL.js";
import "./chunk-XLGRHPBN.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
