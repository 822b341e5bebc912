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
} from "./chunk-ZCJRTRHL.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-AN2FC3F5.js";
import "./chunk-347DBHED.js";
import "./chunk-BUNSSLAJ.js";
import "./chunk-U6PESIPD.js";
import "./chunk-K6W6LOUX.js";
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
