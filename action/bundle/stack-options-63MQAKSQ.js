import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-IIXEGF6K.js";
import "./chunk-NVGCLG6W.js";
import "./chunk-FUK32CFF.js";
import "./chunk-YIKBO7SX.js";
import "./chunk-MFXW3V46.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
