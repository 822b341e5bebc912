import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-7JZ43REO.js";
import "./chunk-T5UYAT7W.js";
import "./chunk-N54DKE3Z.js";
import "./chunk-2CMGNRLK.js";
import "./chunk-PDQADOI3.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
