import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-KQLV7EA5.js";
import "./chunk-YCMZDLS2.js";
import "./chunk-W4MDMIF6.js";
import "./chunk-Y5U6TEAT.js";
import "./chunk-7LUTMFMR.js";
import "./chunk-LD5MPWOZ.js";
import "./chunk-WU7VIYF2.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
