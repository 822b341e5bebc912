import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-5LMJKZPL.js";
import "./chunk-ZWSHPHH6.js";
import "./chunk-NVGCLG6W.js";
import "./chunk-FUK32CFF.js";
import "./chunk-YIKBO7SX.js";
import "./chunk-MFXW3V46.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
