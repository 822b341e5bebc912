import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-AMMMX6QM.js";
import "./chunk-3SDG67AU.js";
import "./chunk-NP2HH6HW.js";
import "./chunk-GSWDLGE2.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
