import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-G7JFS7I6.js";
import "./chunk-ESRCT2LO.js";
import "./chunk-GISCEKGM.js";
import "./chunk-KWPFTYLF.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
