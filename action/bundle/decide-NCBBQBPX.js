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
} from "./chunk-2KZSF3TL.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-Z75I23RS.js";
import "./chunk-HN3C322I.js";
import "./chunk-OMT4MQXM.js";
import "./chunk-FU7OT3NT.js";
import "./chunk-KJHDE3VH.js";
import "./chunk-QZW3N7YT.js";
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
