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
} from "./chunk-AP7GKTRD.js";
import "./chunk-AUYGMNHL.js";
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
