import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-S57BXLAV.js";
import "./chunk-ZQIJZZ3J.js";
import "./chunk-GL6N7YVT.js";
import "./chunk-TRXWQT5T.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
