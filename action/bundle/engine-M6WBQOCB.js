import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-T5UYAT7W.js";
import "./chunk-N54DKE3Z.js";
import "./chunk-2CMGNRLK.js";
import "./chunk-PDQADOI3.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
