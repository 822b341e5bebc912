import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-PFW2ASQZ.js";
import "./chunk-J2VQIL27.js";
import "./chunk-PLPHHBSF.js";
import "./chunk-UUIIL456.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
