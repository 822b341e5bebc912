import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-K3QBZLNQ.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-RXVDKNJO.js";
import "./chunk-EG4745KK.js";
import "./chunk-BDHJJABA.js";
import "./chunk-MRRHCQRA.js";
import "./chunk-GRNDWRVO.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
