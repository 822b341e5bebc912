'use strict';
// The image-catalog policy bundle as a CrossGuard policy pack:
//   pulumi preview --policy-pack provider/pulumi/policy-pack/analyzer
// Pulumi's run-policy-pack loads a pack with require() and awaits what it exports: this CommonJS shim registers
// tsx and imports the pack itself (pack.mts, TypeScript).
module.exports = import('tsx/esm/api').then((tsx) => {
  tsx.register();
  return import('./pack.mts');
});
