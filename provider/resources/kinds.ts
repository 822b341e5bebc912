/**
 * The resource kinds, declared once: each kind's descriptor (provider/resources/<kind>/), built from its schema
 * (schemas/<kind>.schema.json). The policy envelope's `kind`, the Pulumi type tokens and the plugin's one
 * adapter are derived from this table.
 */
import { acceptanceDescriptor } from './acceptance/acceptance.js';
import type { KindDescriptor } from './descriptor.js';
import { imageDescriptor } from './image/image.js';
import { memberDescriptor } from './member/member.js';
import type { ResourceSchema } from './schema.js';
import { storeDescriptor } from './store/store.js';

/** Each kind and its descriptor. */
const table = {
  image: imageDescriptor,
  member: memberDescriptor,
  acceptance: acceptanceDescriptor,
  store: storeDescriptor,
};

/** A resource kind, as the policy envelope names it. */
export type Kind = keyof typeof table;

/** Each kind's descriptor, as the generic adapters read it (inputs as property bags). */
export const kindDescriptors: Readonly<Record<Kind, KindDescriptor<object>>> = table;

/** The kinds, in declaration order. */
export const kinds = Object.keys(table) as Kind[];

/** Each kind's schema. */
export const kindSchemas = Object.fromEntries(kinds.map((kind) => [kind, kindDescriptors[kind].schema])) as Readonly<
  Record<Kind, () => ResourceSchema<object>>
>;

/** The output that holds the creation mark a resource's record or claim carries (./mark.ts). */
export const markOutput = 'catalogMark';

/** Whether resources of `kind` carry a creation mark (their schema has the {@link markOutput} output). */
export function hasMarkOutput(kind: Kind): boolean {
  return kindDescriptors[kind].schema().outputs.some((o) => o.local === markOutput);
}
