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
} from "./chunk-UKE4MVG4.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-DVBYUE65.js";
import "./chunk-3AV5K4XP.js";
import "./chunk-SEJOXZBG.js";
import "./chunk-C2YOPSDS.js";
import "./chunk-Y6M4WC2N.js";
import "./chunk-6VYJF2JP.js";
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
