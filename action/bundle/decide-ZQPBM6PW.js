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
} from "./chunk-PU6MYJWE.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-ZD722WEA.js";
import "./chunk-W4MDMIF6.js";
import "./chunk-Y5U6TEAT.js";
import "./chunk-7LUTMFMR.js";
import "./chunk-LD5MPWOZ.js";
import "./chunk-WU7VIYF2.js";
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
