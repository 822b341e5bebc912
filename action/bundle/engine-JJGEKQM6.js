import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-TMG2OO3V.js";
import "./chunk-JK2TCRF4.js";
import "./chunk-LIS56QFL.js";
import "./chunk-XLGRHPBN.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
