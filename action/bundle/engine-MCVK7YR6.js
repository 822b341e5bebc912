import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-C6GAYSKB.js";
import "./chunk-WTUAYEML.js";
import "./chunk-FS75AHUS.js";
import "./chunk-UDRFAQZY.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
