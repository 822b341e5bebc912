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
} from "./chunk-DUWL2BZX.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-62CAMSCM.js";
import "./chunk-XLIOZ4WR.js";
import "./chunk-23GM6L4P.js";
import "./chunk-JZW3ABCF.js";
import "./chunk-AP7GKTRD.js";
import "./chunk-AUYGMNHL.js";
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
