import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
} from "./chunk-Y5U6TEAT.js";
import "./chunk-7LUTMFMR.js";
import "./chunk-LD5MPWOZ.js";
import "./chunk-WU7VIYF2.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint,
  initialPages
};
