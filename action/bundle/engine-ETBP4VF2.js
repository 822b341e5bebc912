import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
} from "./chunk-23GM6L4P.js";
import "./chunk-JZW3ABCF.js";
import "./chunk-AP7GKTRD.js";
import "./chunk-AUYGMNHL.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
};
