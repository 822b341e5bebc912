import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-OPUT54NA.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-LPVRNLA3.js";
import "./chunk-JO446BJV.js";
import "./chunk-GFSC5UJC.js";
import "./chunk-MRRHCQRA.js";
import "./chunk-GRNDWRVO.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
