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
} from "./chunk-EMDWENM6.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-YZW4IJZ6.js";
import "./chunk-2S35HJ3P.js";
import "./chunk-QTPYY5ZU.js";
import "./chunk-QVJHQ2KW.js";
import "./chunk-TVZHFNHH.js";
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
