import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
} from "./chunk-IT7YLKEG.js";
import "./chunk-LKA7XFA5.js";
import "./chunk-UWCW2EYC.js";
import "./chunk-GS4C7ZG3.js";
import "./chunk-7EU7M4NS.js";
import "./chunk-2FXQOXLZ.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
};
