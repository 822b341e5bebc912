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
} from "./chunk-XHLHNABX.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-CQUTQNJZ.js";
import "./chunk-OB4LIH5W.js";
import "./chunk-KPXY4PWE.js";
import "./chunk-QVSJXNLZ.js";
import "./chunk-LZEPXDBW.js";
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
