import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-XBZFEMVP.js";
import "./chunk-ZBENA3EJ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-QJWXHN57.js";
import "./chunk-WP4GWZMZ.js";
import "./chunk-TXIILC3I.js";
import "./chunk-DZMINAST.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
