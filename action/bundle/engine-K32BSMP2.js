import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
} from "./chunk-SEJOXZBG.js";
import "./chunk-C2YOPSDS.js";
import "./chunk-Y6M4WC2N.js";
import "./chunk-6VYJF2JP.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
};
