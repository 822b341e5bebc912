import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-R6SZKESU.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-A7VZN4LL.js";
import "./chunk-6HA7CVBY.js";
import "./chunk-7FI2UB4W.js";
import "./chunk-QVSJXNLZ.js";
import "./chunk-LZEPXDBW.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
