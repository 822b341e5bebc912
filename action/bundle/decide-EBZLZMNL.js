import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-O7Z7HI5P.js";
import "./chunk-OXLEG5S6.js";
import "./chunk-EG4745KK.js";
import "./chunk-BDHJJABA.js";
import "./chunk-MRRHCQRA.js";
import "./chunk-GRNDWRVO.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
