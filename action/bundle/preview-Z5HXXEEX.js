import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-RIOW2QAB.js";
import "./chunk-TS7NDFUW.js";
import "./chunk-UWCW2EYC.js";
import "./chunk-GS4C7ZG3.js";
import "./chunk-7EU7M4NS.js";
import "./chunk-2FXQOXLZ.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
