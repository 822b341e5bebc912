import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-VPNKA53E.js";
import "./chunk-35XXKPL5.js";
import "./chunk-MDVQUE6N.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
