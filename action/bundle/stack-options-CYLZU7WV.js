import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-N52M7LLQ.js";
import "./chunk-OB4LIH5W.js";
import "./chunk-KPXY4PWE.js";
import "./chunk-QVSJXNLZ.js";
import "./chunk-LZEPXDBW.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
