import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-HWLB4PS3.js";
import "./chunk-ROJYXITU.js";
import "./chunk-O3ALXHCA.js";
import "./chunk-GQ2WSSNC.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
