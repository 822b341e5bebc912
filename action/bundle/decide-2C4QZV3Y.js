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
} from "./chunk-GTLB6LXU.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-CFJ3BJOZ.js";
import "./chunk-HPLZF2G5.js";
import "./chunk-FT7VHNYC.js";
import "./chunk-LMVXR54E.js";
import "./chunk-IADGZK7V.js";
import "./chunk-R2LFIVUO.js";
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
