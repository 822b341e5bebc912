import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
} from "./chunk-4HRPZE5N.js";
import "./chunk-LVQYFGTR.js";
import "./chunk-PLPHHBSF.js";
import "./chunk-UUIIL456.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
};
