import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-7FO6MFZC.js";
import "./chunk-YC7EDITI.js";
import "./chunk-7I7THHMG.js";
import "./chunk-GC2QEH5L.js";
import "./chunk-77QBETGE.js";
import "./chunk-GM73PCVX.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
