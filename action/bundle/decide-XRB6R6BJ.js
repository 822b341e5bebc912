import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-VL4XDNRZ.js";
import "./chunk-36UMKPWI.js";
import "./chunk-MAZHDM65.js";
import "./chunk-FZ5AAT57.js";
import "./chunk-7OCVBJNK.js";
import "./chunk-O4R5JOVR.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
