import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
} from "./chunk-X2BMBAA4.js";
import "./chunk-SDSKQA37.js";
import "./chunk-IGCW2OY2.js";
import "./chunk-QF2WZVCN.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
};
