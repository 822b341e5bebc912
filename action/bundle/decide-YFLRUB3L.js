import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  bootLinks,
  cloudOfResource,
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-QJOMVJMH.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-QD2DR5HS.js";
import "./chunk-UFQLWQRD.js";
import "./chunk-635FFI2C.js";
import "./chunk-JM7SO2AJ.js";
import "./chunk-AT6USZBX.js";
import "./chunk-LFYIMV7P.js";
import "./chunk-UXAMSLRZ.js";
export {
  bootLinks,
  cloudOfResource,
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
