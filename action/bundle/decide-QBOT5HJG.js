import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-RKMSH7YJ.js";
import "./chunk-KVFZV537.js";
import "./chunk-TMG2OO3V.js";
import "./chunk-JK2TCRF4.js";
import "./chunk-LIS56QFL.js";
import "./chunk-XLGRHPBN.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
