import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-E2SWIAUU.js";
import "./chunk-YIVPLSTS.js";
import "./chunk-ZBD4BJPQ.js";
import "./chunk-QVJHQ2KW.js";
import "./chunk-TVZHFNHH.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
