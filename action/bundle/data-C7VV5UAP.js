import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  defaultDataPath,
  describeOverrides,
  loadPolicyData,
  mergeData,
  overridesFromEnv,
  parseOverride,
  policyDataVariable,
  policyDifferences,
  policyModeVariable,
  readOverrideFile,
  reportOnly
} from "./chunk-44M6CERX.js";
import "./chunk-5ZIGE4RF.js";
import "./chunk-UXAMSLRZ.js";
export {
  defaultDataPath,
  describeOverrides,
  loadPolicyData,
  mergeData,
  overridesFromEnv,
  parseOverride,
  policyDataVariable,
  policyDifferences,
  policyModeVariable,
  readOverrideFile,
  reportOnly
};
