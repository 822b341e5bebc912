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
} from "./chunk-LIS56QFL.js";
import "./chunk-XLGRHPBN.js";
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
