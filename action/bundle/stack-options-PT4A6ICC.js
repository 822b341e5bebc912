import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-ZBENA3EJ.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-QJWXHN57.js";
import "./chunk-WP4GWZMZ.js";
import "./chunk-TXIILC3I.js";
import "./chunk-DZMINAST.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
