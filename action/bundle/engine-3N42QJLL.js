import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-LQY3H7BS.js";
import "./chunk-HBK3BZMX.js";
import "./chunk-CAGDIJ7R.js";
import "./chunk-BBBZE5VU.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
