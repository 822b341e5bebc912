import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-ITGAPLZ4.js";
import "./chunk-347DBHED.js";
import "./chunk-BUNSSLAJ.js";
import "./chunk-U6PESIPD.js";
import "./chunk-K6W6LOUX.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
