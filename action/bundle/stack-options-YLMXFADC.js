import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-IX64Q3VU.js";
import "./chunk-QZJMDA44.js";
import "./chunk-AOQ6O4K3.js";
import "./chunk-2M3O34WK.js";
import "./chunk-6KUC46JY.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
