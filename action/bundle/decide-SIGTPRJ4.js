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
} from "./chunk-NOQACXUN.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-JD2UHZ4B.js";
import "./chunk-QEPAQAL3.js";
import "./chunk-X2BMBAA4.js";
import "./chunk-SDSKQA37.js";
import "./chunk-IGCW2OY2.js";
import "./chunk-QF2WZVCN.js";
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
