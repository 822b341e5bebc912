import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-RXVDKNJO.js";
import "./chunk-EG4745KK.js";
import "./chunk-BDHJJABA.js";
import "./chunk-MRRHCQRA.js";
import "./chunk-GRNDWRVO.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
