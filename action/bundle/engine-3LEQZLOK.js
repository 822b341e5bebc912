import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-2S35HJ3P.js";
import "./chunk-QTPYY5ZU.js";
import "./chunk-QVJHQ2KW.js";
import "./chunk-TVZHFNHH.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
