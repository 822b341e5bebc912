import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-7I7THHMG.js";
import "./chunk-GC2QEH5L.js";
import "./chunk-77QBETGE.js";
import "./chunk-GM73PCVX.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
