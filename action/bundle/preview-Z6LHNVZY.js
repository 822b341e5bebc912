import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-VWPYWR2H.js";
import "./chunk-I6YEC77W.js";
import "./chunk-IONOQ7VR.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-J6MFKRR6.js";
import "./chunk-S57BXLAV.js";
import "./chunk-ZQIJZZ3J.js";
import "./chunk-GL6N7YVT.js";
import "./chunk-TRXWQT5T.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
