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
} from "./chunk-AQTKYFO3.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-SKNDED7G.js";
import "./chunk-5D6TAWQL.js";
import "./chunk-LQY3H7BS.js";
import "./chunk-HBK3BZMX.js";
import "./chunk-CAGDIJ7R.js";
import "./chunk-BBBZE5VU.js";
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
