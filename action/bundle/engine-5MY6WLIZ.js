import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-3HBU3BH5.js";
import "./chunk-RCMHLDH7.js";
import "./chunk-WS4EUBGA.js";
import "./chunk-2QARXNG7.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
