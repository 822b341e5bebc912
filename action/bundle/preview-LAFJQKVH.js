import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loadProgram,
  previewPlan,
  registerPreview
} from "./chunk-7ULG3RB4.js";
import "./chunk-KJBZKRF5.js";
import "./chunk-24SSESZY.js";
import "./chunk-IPS5SQLQ.js";
import "./chunk-TL3OT7JK.js";
import "./chunk-YPCKITFB.js";
import "./chunk-GFVRIFXX.js";
import "./chunk-UXAMSLRZ.js";
export {
  loadProgram,
  previewPlan,
  registerPreview
};
