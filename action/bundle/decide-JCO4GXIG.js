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
} from "./chunk-P6EECKR4.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-OBJUROFN.js";
import "./chunk-BZXDCAXD.js";
import "./chunk-753L5GQO.js";
import "./chunk-NGU2K3X4.js";
import "./chunk-44M6CERX.js";
import "./chunk-5ZIGE4RF.js";
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
