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
} from "./chunk-IQX6YKZP.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-BJFMZBTM.js";
import "./chunk-5OQKDZUR.js";
import "./chunk-HWLB4PS3.js";
import "./chunk-ROJYXITU.js";
import "./chunk-O3ALXHCA.js";
import "./chunk-GQ2WSSNC.js";
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
