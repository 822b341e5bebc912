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
} from "./chunk-6YBNRV5O.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-XI5RJLMC.js";
import "./chunk-VSXTOVWL.js";
import "./chunk-OMMDAV32.js";
import "./chunk-RRDCBEJQ.js";
import "./chunk-WDHILH2V.js";
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
