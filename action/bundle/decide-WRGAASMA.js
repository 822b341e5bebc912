import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-XH44AW2Q.js";
import "./chunk-UEQ3W57D.js";
import "./chunk-EULAAYUU.js";
import "./chunk-BVGTLBDI.js";
import "./chunk-QG3QVXLU.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
