import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-EG4745KK.js";
import "./chunk-BDHJJABA.js";
import "./chunk-MRRHCQRA.js";
import "./chunk-GRNDWRVO.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
