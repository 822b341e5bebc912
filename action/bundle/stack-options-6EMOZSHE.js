import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-7V5LFCBW.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-5OQKDZUR.js";
import "./chunk-HWLB4PS3.js";
import "./chunk-ROJYXITU.js";
import "./chunk-O3ALXHCA.js";
import "./chunk-GQ2WSSNC.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
