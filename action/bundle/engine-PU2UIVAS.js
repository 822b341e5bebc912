import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-WMD75QOZ.js";
import "./chunk-ZKHRUUTO.js";
import "./chunk-4EBYIJVW.js";
import "./chunk-V7FNADTC.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
