import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-QKAU6GLZ.js";
import "./chunk-6P5AR2BK.js";
import "./chunk-EJQBLOYD.js";
import "./chunk-DBNRMNL2.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
