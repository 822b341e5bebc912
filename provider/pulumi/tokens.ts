/**
 * The resource kinds of this package and their Pulumi type tokens (`pulumi-nodejs:dynamic/image-catalog:Image`):
 * the resources register under them, and `image-catalog preview` and the CrossGuard pack read them back.
 */

/** The resource kinds, as the policy envelope names them. */
export type Kind = 'image' | 'member' | 'acceptance' | 'store';

/** The module of every type token. */
export const tokenModule = 'image-catalog';

/** The type name of each kind. */
export const typeNames: Readonly<Record<Kind, string>> = {
  image: 'Image',
  member: 'ImageMember',
  acceptance: 'ImageMemberAcceptance',
  store: 'StorageBackend',
};

/** The kind of a resource type token, when it is one of this package's. */
export function kindOfType(type: string | undefined): Kind | undefined {
  const match = /^pulumi-nodejs:dynamic\/([^:]+):(\w+)$/.exec(type ?? '');
  if (match === null || match[1] !== tokenModule) return undefined;
  return (Object.keys(typeNames) as Kind[]).find((kind) => typeNames[kind] === match[2]);
}
