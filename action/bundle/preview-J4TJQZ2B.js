import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-5EJYH73O.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-ITGAPLZ4.js";
import "./chunk-347DBHED.js";
import "./chunk-BUNSSLAJ.js";
import "./chunk-U6PESIPD.js";
import "./chunk-K6W6LOUX.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
