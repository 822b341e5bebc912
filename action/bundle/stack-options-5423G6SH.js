import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-HXEWOGRY.js";
import "./chunk-EULAAYUU.js";
import "./chunk-BVGTLBDI.js";
import "./chunk-QG3QVXLU.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
