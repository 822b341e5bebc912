import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-32VWY4WU.js";
import "./chunk-WD2BFUUL.js";
import "./chunk-KEWPK4PD.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-5D6TAWQL.js";
import "./chunk-LQY3H7BS.js";
import "./chunk-HBK3BZMX.js";
import "./chunk-CAGDIJ7R.js";
import "./chunk-BBBZE5VU.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
