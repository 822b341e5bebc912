import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-R2XNC36P.js";
import "./chunk-LOFOX5IN.js";
import "./chunk-JY54ICEG.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-HN3C322I.js";
import "./chunk-OMT4MQXM.js";
import "./chunk-FU7OT3NT.js";
import "./chunk-KJHDE3VH.js";
import "./chunk-QZW3N7YT.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
