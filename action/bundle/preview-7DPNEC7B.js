import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-IJSS4FQ3.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-ZTOTLXTU.js";
import "./chunk-2S35HJ3P.js";
import "./chunk-QTPYY5ZU.js";
import "./chunk-QVJHQ2KW.js";
import "./chunk-TVZHFNHH.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
