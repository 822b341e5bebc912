import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-CAPEEMIC.js";
import "./chunk-KKHVADVY.js";
import "./chunk-Y4BADFSJ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-PGGJSDNO.js";
import "./chunk-3HBU3BH5.js";
import "./chunk-RCMHLDH7.js";
import "./chunk-WS4EUBGA.js";
import "./chunk-2QARXNG7.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
