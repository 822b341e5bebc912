import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-IPS5SQLQ.js";
import "./chunk-TL3OT7JK.js";
import "./chunk-YPCKITFB.js";
import "./chunk-GFVRIFXX.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
