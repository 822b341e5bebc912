import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-JO446BJV.js";
import "./chunk-GFSC5UJC.js";
import "./chunk-MRRHCQRA.js";
import "./chunk-GRNDWRVO.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
