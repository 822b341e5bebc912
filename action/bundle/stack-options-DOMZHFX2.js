import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-WNR5DL4K.js";
import "./chunk-IHKON7LX.js";
import "./chunk-HPLZF2G5.js";
import "./chunk-FT7VHNYC.js";
import "./chunk-LMVXR54E.js";
import "./chunk-IADGZK7V.js";
import "./chunk-R2LFIVUO.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
