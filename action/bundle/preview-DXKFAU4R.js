import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-XHJT2PAE.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-OAZPH6PU.js";
import "./chunk-2TRCYYL4.js";
import "./chunk-NPL27LAJ.js";
import "./chunk-EKAY7X45.js";
import "./chunk-GF5Z7KWR.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
