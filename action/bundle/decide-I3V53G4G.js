import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-YL4BOX7I.js";
import "./chunk-MTHSOJZJ.js";
import "./chunk-IPS5SQLQ.js";
import "./chunk-TL3OT7JK.js";
import "./chunk-YPCKITFB.js";
import "./chunk-GFVRIFXX.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
