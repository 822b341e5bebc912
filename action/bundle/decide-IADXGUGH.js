import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
} from "./chunk-GPSFV4RP.js";
import "./chunk-HELXWZRQ.js";
import "./chunk-35XXKPL5.js";
import "./chunk-MDVQUE6N.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
};
