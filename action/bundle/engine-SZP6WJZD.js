import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-6HA7CVBY.js";
import "./chunk-7FI2UB4W.js";
import "./chunk-QVSJXNLZ.js";
import "./chunk-LZEPXDBW.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
