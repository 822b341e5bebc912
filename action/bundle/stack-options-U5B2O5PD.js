import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  stackTarget,
  withStackOptions
} from "./chunk-KD7DQRLV.js";
import "./chunk-2LACPHUB.js";
import "./chunk-BVGTLBDI.js";
import "./chunk-PBXZCANS.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";
export {
  stackTarget,
  withStackOptions
};
