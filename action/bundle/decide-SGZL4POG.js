import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
} from "./chunk-KTNU3IBU.js";
import "./chunk-TQW2S35D.js";
import "./chunk-QKAU6GLZ.js";
import "./chunk-6P5AR2BK.js";
import "./chunk-EJQBLOYD.js";
import "./chunk-DBNRMNL2.js";
import "./chunk-UXAMSLRZ.js";
export {
  cloudsOf,
  configAddress,
  decidePlan,
  withLiveProperties
};
