import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
} from "./chunk-635FFI2C.js";
import "./chunk-JM7SO2AJ.js";
import "./chunk-AT6USZBX.js";
import "./chunk-LFYIMV7P.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
};
