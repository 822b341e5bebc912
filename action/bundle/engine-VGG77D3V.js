import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-SRT26IAW.js";
import "./chunk-ORBXBXXL.js";
import "./chunk-VNLYO7BP.js";
import "./chunk-MZ3H6KW4.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
