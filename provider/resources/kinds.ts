/**
 * The resource kinds, declared once: each kind's schema (schemas/<kind>.schema.json). The policy envelope's
 * `kind`, the Pulumi type tokens and the plugin's dispatch are derived from this table.
 */
import { acceptanceSchema } from './acceptance/acceptance.js';
import { imageSchema } from './image/image.js';
import { memberSchema } from './member/member.js';
import type { ResourceSchema } from './schema.js';
import { storeSchema } from './store/store.js';

/** Each kind and its schema. */
export const kindSchemas = {
  image: imageSchema,
  member: memberSchema,
  acceptance: acceptanceSchema,
  store: storeSchema,
} as const satisfies Record<string, () => ResourceSchema<object>>;

/** A resource kind, as the policy envelope names it. */
export type Kind = keyof typeof kindSchemas;

/** The kinds, in declaration order. */
export const kinds = Object.keys(kindSchemas) as Kind[];
