import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-2LACPHUB.js";
import "./chunk-BVGTLBDI.js";
import "./chunk-PBXZCANS.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
