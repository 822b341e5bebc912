import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-PPQLODN3.js";
import "./chunk-KR4ULWQX.js";
import "./chunk-M4FTTF3V.js";
import "./chunk-MFZYFTJK.js";
import "./chunk-7QETVXDA.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
