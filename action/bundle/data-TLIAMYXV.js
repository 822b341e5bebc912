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
} from "./chunk-AT6USZBX.js";
import "./chunk-LFYIMV7P.js";
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
