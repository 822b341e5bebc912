import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-WOJYF5FH.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-4AX4KSYI.js";
import "./chunk-AS2CBMMG.js";
import "./chunk-4NLLWYWJ.js";
import "./chunk-FGEHF3W5.js";
import "./chunk-MZ3H6KW4.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
