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
} from "./chunk-YFVSKYWS.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-BI25FREB.js";
import "./chunk-J6MFKRR6.js";
import "./chunk-S57BXLAV.js";
import "./chunk-ZQIJZZ3J.js";
import "./chunk-GL6N7YVT.js";
import "./chunk-TRXWQT5T.js";
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
