import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-OAZPH6PU.js";
import "./chunk-2TRCYYL4.js";
import "./chunk-NPL27LAJ.js";
import "./chunk-EKAY7X45.js";
import "./chunk-GF5Z7KWR.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
