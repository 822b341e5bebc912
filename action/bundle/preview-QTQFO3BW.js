import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-6YU5OMCL.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-KD7DQRLV.js";
import "./chunk-2LACPHUB.js";
import "./chunk-BVGTLBDI.js";
import "./chunk-PBXZCANS.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
