import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  PolicyEngine,
  bundlePath,
  entrypoint
} from "./chunk-KR4ULWQX.js";
import "./chunk-M4FTTF3V.js";
import "./chunk-MFZYFTJK.js";
import "./chunk-7QETVXDA.js";
import "./chunk-UXAMSLRZ.js";
export {
  PolicyEngine,
  bundlePath,
  entrypoint
};
