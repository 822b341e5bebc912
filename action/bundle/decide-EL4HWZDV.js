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
} from "./chunk-RLFK26UX.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-KJEPRRLH.js";
import "./chunk-PGGJSDNO.js";
import "./chunk-3HBU3BH5.js";
import "./chunk-RCMHLDH7.js";
import "./chunk-WS4EUBGA.js";
import "./chunk-2QARXNG7.js";
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
