import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-R2ANOV3K.js";
import "./chunk-K2BSMOPQ.js";
import "./chunk-PGGJSDNO.js";
import "./chunk-K3KWRDV2.js";
import "./chunk-SMAMVH33.js";
import "./chunk-WS4EUBGA.js";
import "./chunk-2QARXNG7.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackFailure,
  stackTarget,
  withStackOptions
};
