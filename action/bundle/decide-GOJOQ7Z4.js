import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
} from "./chunk-KMKX5TTE.js";
import "./chunk-Y6GIX5SK.js";
import "./chunk-2LACPHUB.js";
import "./chunk-BVGTLBDI.js";
import "./chunk-PBXZCANS.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  shareLinks,
  withLiveProperties
};
