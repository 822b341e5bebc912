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
} from "./chunk-ONCCUTWF.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-LVUZQ5P2.js";
import "./chunk-KR4ULWQX.js";
import "./chunk-M4FTTF3V.js";
import "./chunk-MFZYFTJK.js";
import "./chunk-7QETVXDA.js";
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
