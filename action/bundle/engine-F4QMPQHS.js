import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-347DBHED.js";
import "./chunk-BUNSSLAJ.js";
import "./chunk-U6PESIPD.js";
import "./chunk-K6W6LOUX.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
