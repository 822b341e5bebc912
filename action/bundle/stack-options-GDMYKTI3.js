import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-GU2Q3R4S.js";
import "./chunk-SFJLKTJ4.js";
import "./chunk-PVC4B2IU.js";
import "./chunk-LIS56QFL.js";
import "./chunk-XLGRHPBN.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
