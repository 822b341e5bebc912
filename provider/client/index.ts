/**
 * `image-catalog/client`: the Keystone v3 + Image API v2 client (sessions from clouds.yaml or OS_*, images,
 * members, import, stores, typed errors). See docs/client.md.
 */
export * from './config.js';
export * from './data.js';
export * from './errors.js';
export * from './identity.js';
export * from './images.js';
export * from './import.js';
export * from './members.js';
export * from './session.js';
export * from './stores.js';
