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
} from "./chunk-DSMWL4DI.js";
import "./chunk-OZ6YLT7C.js";
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
