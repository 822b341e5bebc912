import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-IBDNIHIS.js";
import "./chunk-PB2R5RCN.js";
import "./chunk-SRT26IAW.js";
import "./chunk-ORBXBXXL.js";
import "./chunk-VNLYO7BP.js";
import "./chunk-MZ3H6KW4.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
