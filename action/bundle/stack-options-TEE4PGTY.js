import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-WD2WOSBJ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-WMD75QOZ.js";
import "./chunk-ZKHRUUTO.js";
import "./chunk-4EBYIJVW.js";
import "./chunk-V7FNADTC.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
