import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-PLPHHBSF.js";
import "./chunk-UUIIL456.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
