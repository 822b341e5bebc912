import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-A7VZN4LL.js";
import "./chunk-6HA7CVBY.js";
import "./chunk-7FI2UB4W.js";
import "./chunk-QVSJXNLZ.js";
import "./chunk-LZEPXDBW.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
