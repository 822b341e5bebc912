import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-5225ESXV.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-2YQ6L4TT.js";
import "./chunk-MAZHDM65.js";
import "./chunk-FZ5AAT57.js";
import "./chunk-7OCVBJNK.js";
import "./chunk-O4R5JOVR.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
