/**
 * `image-catalog/policy`: the change envelope every entry point builds, the Wasm policy bundle that decides it,
 * policy data and its overrides, and the decision's text form. See docs/policy.md.
 */
export * from './data.js';
export * from './decision.js';
export * from './engine.js';
export * from './envelope.js';
export * from './errors.js';
export { validateInput, validateData } from './schemas.js';
