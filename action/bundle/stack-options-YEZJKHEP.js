import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-LQ6BIAGM.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-J6MFKRR6.js";
import "./chunk-EGGUNMFR.js";
import "./chunk-M3HAX6S4.js";
import "./chunk-GL6N7YVT.js";
import "./chunk-TRXWQT5T.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
