import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
} from "./chunk-H7JL7WWI.js";
import "./chunk-U7M6BYSR.js";
import "./chunk-NP2HH6HW.js";
import "./chunk-GSWDLGE2.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
};
