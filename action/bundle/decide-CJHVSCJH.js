import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
} from "./chunk-M2IXLOE4.js";
import "./chunk-PNACKGM4.js";
import "./chunk-GISCEKGM.js";
import "./chunk-KWPFTYLF.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
};
