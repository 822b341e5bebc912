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
} from "./chunk-YWTTTBCZ.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-ODDGHDMT.js";
import "./chunk-F2ZFH5NE.js";
import "./chunk-UVST73VQ.js";
import "./chunk-6ZJW2BWF.js";
import "./chunk-DSMWL4DI.js";
import "./chunk-OZ6YLT7C.js";
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
