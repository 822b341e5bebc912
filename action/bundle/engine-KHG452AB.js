import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-QJWXHN57.js";
import "./chunk-WP4GWZMZ.js";
import "./chunk-TXIILC3I.js";
import "./chunk-DZMINAST.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
