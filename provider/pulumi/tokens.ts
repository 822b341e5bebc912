/**
 * The provider's package name, the resource kinds and their Pulumi type tokens (`image-catalog:index:Image`): the
 * resources register under them, the plugin serves them, and `image-catalog preview`, the CrossGuard pack and the
 * migration read them back. The dynamic providers of release 0.1 registered `pulumi-nodejs:dynamic/image-catalog:Image`;
 * those tokens are still recognised (a plan or a state of such a stack).
 */

import { kinds, type Kind } from '../resources/kinds.js';
import type { lookupFunctions } from '../resources/lookup.js';

export type { Kind } from '../resources/kinds.js';

/** The Pulumi package (and plugin) name: `pulumi-resource-image-catalog`, config `image-catalog:<key>`. */
export const packageName = 'image-catalog';

/** The module of every type token. */
export const tokenModule = 'index';

/** The type name of each kind. */
export const typeNames: Readonly<Record<Kind, string>> = {
  image: 'Image',
  member: 'ImageMember',
  acceptance: 'ImageMemberAcceptance',
  store: 'StorageBackend',
};

/** The components of the package (registered by the program; no provider call). */
export const componentNames = { versionLine: 'VersionLine', lineAcceptance: 'LineAcceptance' } as const;

/** The token of a function the plugin serves (`image-catalog:index:getImage`; ../resources/lookup.ts lists them). */
export function functionToken(name: keyof typeof lookupFunctions): string {
  return `${packageName}:${tokenModule}:${name}`;
}

/** The type token of a kind (`image-catalog:index:Image`). */
export function typeToken(kind: Kind): string {
  return `${packageName}:${tokenModule}:${typeNames[kind]}`;
}

/** The type token of a component (`image-catalog:index:VersionLine`). */
export function componentToken(name: keyof typeof componentNames): string {
  return `${packageName}:${tokenModule}:${componentNames[name]}`;
}

/** The dynamic-provider type token release 0.1 gave a kind (`pulumi-nodejs:dynamic/image-catalog:Image`). */
export function legacyTypeToken(kind: Kind): string {
  return `pulumi-nodejs:dynamic/${packageName}:${typeNames[kind]}`;
}

/** The kind of a resource type token, when it is one of this package's (or of its dynamic providers of 0.1). */
export function kindOfType(type: string | undefined): Kind | undefined {
  return kinds.find((kind) => type === typeToken(kind) || type === legacyTypeToken(kind));
}

/**
 * The Pulumi name of a kind's `id` field (`id` is every Pulumi resource's own output): Glance's image id is
 * `imageId`, a store's id `storeId`.
 */
export const idNames: Partial<Readonly<Record<Kind, string>>> = { image: 'imageId', store: 'storeId' };

/** The provider's settings: provider inputs (`new Provider(name, { cloud })`) and stack config `image-catalog:<key>`. */
export const configKeys = ['cloud', 'clouds', 'policy'] as const;

/**
 * The provider input that holds the stack instance's key (provider/resources/mark.ts): made by the provider's
 * check when its state has none, kept from then on; never declared, never a setting.
 */
export const instanceKey = 'catalogInstance';

/** The resource's type token and name of a URN (`urn:pulumi:<stack>::<project>::<parent$type>::<name>`). */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split('::');
  const qualified = parts[2] ?? '';
  return { type: qualified.split('$').at(-1) ?? qualified, name: parts.slice(3).join('::') };
}
