/**
 * `image-catalog/resources`: the catalog's resource kinds (image, member, acceptance, store), each checked
 * against its JSON Schema, with create/update/delete over the client; no Pulumi or CDKTF in here.
 */
export * from './errors.js';
export * from './schema.js';
export * from './kinds.js';
export * from './acceptance/acceptance.js';
export * from './image/image.js';
export * from './member/member.js';
export * from './store/store.js';
export * from './scs.js';
