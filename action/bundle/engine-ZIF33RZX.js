import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
} from "./chunk-UVST73VQ.js";
import "./chunk-6ZJW2BWF.js";
import "./chunk-DSMWL4DI.js";
import "./chunk-OZ6YLT7C.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
};
