import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-5LS2MV2Y.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-UFQLWQRD.js";
import "./chunk-635FFI2C.js";
import "./chunk-JM7SO2AJ.js";
import "./chunk-AT6USZBX.js";
import "./chunk-LFYIMV7P.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
