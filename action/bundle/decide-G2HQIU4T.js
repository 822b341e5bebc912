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
} from "./chunk-R5GC5PQL.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-UGAJNDGZ.js";
import "./chunk-QJWXHN57.js";
import "./chunk-WP4GWZMZ.js";
import "./chunk-TXIILC3I.js";
import "./chunk-DZMINAST.js";
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
