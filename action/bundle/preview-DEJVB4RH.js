import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-7KGB27OQ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-GU2Q3R4S.js";
import "./chunk-SFJLKTJ4.js";
import "./chunk-PVC4B2IU.js";
import "./chunk-LIS56QFL.js";
import "./chunk-XLGRHPBN.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
