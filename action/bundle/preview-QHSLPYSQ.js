import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-S7E5EVQ3.js";
import "./chunk-MQ2EDB5N.js";
import "./chunk-SRT26IAW.js";
import "./chunk-ORBXBXXL.js";
import "./chunk-VNLYO7BP.js";
import "./chunk-MZ3H6KW4.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
