import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-OSKYRRZE.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-N52M7LLQ.js";
import "./chunk-OB4LIH5W.js";
import "./chunk-KPXY4PWE.js";
import "./chunk-QVSJXNLZ.js";
import "./chunk-LZEPXDBW.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
