/**
 * `image-catalog/pulumi`: the Pulumi resources (`Image`, `ImageMember`, `ImageMemberAcceptance`,
 * `StorageBackend`), the `VersionLine` component, and a program run through Pulumi's Automation API with its
 * progress, summary and the policy's decisions as data (`openStack`, `runStack`); `getImage`, the consumer's lookup of a
 * line's channel, and `LineAcceptance`, the consumer's acceptance of every version a line shares with it
 * (docs/consumers.md); `scsMetadata`, an image's SCS-0102 properties (docs/policy.md). See docs/pulumi.md.
 */
export * from './resources.js';
export * from './versionLine.js';
export * from './functions.js';
export * from './lineAcceptance.js';
export { scsMetadata, type ScsImageValues, type ScsValues } from '../resources/scs.js';
export { formatChanges, openStack, progressPrinter, runStack, urnName } from './automation.js';
export type { LoggedDecision, Program, RunOptions, RunResult, StackTarget } from './automation.js';
export type { LoggedChange } from './decision-log.js';
