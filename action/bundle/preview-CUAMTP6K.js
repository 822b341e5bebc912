import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-BELHAXR6.js";
import "./chunk-NI4TBFW6.js";
import "./chunk-ZDPDFFIN.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-3AV5K4XP.js";
import "./chunk-SEJOXZBG.js";
import "./chunk-C2YOPSDS.js";
import "./chunk-Y6M4WC2N.js";
import "./chunk-6VYJF2JP.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
