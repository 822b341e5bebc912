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
} from "./chunk-UTIFLLYG.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-A4I6NNFT.js";
import "./chunk-5J7UN5WF.js";
import "./chunk-C6GAYSKB.js";
import "./chunk-WTUAYEML.js";
import "./chunk-FS75AHUS.js";
import "./chunk-UDRFAQZY.js";
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
