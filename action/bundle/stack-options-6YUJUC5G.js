import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-K5AXGOES.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-F2ZFH5NE.js";
import "./chunk-UVST73VQ.js";
import "./chunk-6ZJW2BWF.js";
import "./chunk-DSMWL4DI.js";
import "./chunk-OZ6YLT7C.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
