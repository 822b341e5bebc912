import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-O5XB3QXX.js";
import "./chunk-VAJOWGXU.js";
import "./chunk-T5UYAT7W.js";
import "./chunk-N54DKE3Z.js";
import "./chunk-2CMGNRLK.js";
import "./chunk-PDQADOI3.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
