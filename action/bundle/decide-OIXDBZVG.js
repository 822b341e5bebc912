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
} from "./chunk-7S5YHA3I.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-EHDABQNM.js";
import "./chunk-WMD75QOZ.js";
import "./chunk-ZKHRUUTO.js";
import "./chunk-4EBYIJVW.js";
import "./chunk-V7FNADTC.js";
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
