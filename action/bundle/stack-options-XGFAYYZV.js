import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-ZMMDOOJ7.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-5J7UN5WF.js";
import "./chunk-C6GAYSKB.js";
import "./chunk-WTUAYEML.js";
import "./chunk-FS75AHUS.js";
import "./chunk-UDRFAQZY.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
