import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-6WBKM2VG.js";
import "./chunk-Q7ESXLQ3.js";
import "./chunk-LJL5RMXV.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-XLIOZ4WR.js";
import "./chunk-23GM6L4P.js";
import "./chunk-JZW3ABCF.js";
import "./chunk-AP7GKTRD.js";
import "./chunk-AUYGMNHL.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
