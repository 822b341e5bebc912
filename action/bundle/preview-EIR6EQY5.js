import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-BBN2U5JQ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-PPQLODN3.js";
import "./chunk-KR4ULWQX.js";
import "./chunk-M4FTTF3V.js";
import "./chunk-MFZYFTJK.js";
import "./chunk-7QETVXDA.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
