import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-MAZHDM65.js";
import "./chunk-FZ5AAT57.js";
import "./chunk-7OCVBJNK.js";
import "./chunk-O4R5JOVR.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
