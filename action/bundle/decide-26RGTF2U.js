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
} from "./chunk-FYY4VVEZ.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-BI25FREB.js";
import "./chunk-J6MFKRR6.js";
import "./chunk-EGGUNMFR.js";
import "./chunk-M3HAX6S4.js";
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
