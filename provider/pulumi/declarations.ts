/**
 * Where each resource of a program run in this process was declared, by URN (../resources/source.ts finds the
 * line): the pull-request check annotates it. Kept on a global (`globalThis.imageCatalogDeclaredAt`), so a program
 * that imports another copy of this package (the bundled GitHub Action, a project's own install) still fills the
 * map the check reads.
 */
import type * as pulumi from '@pulumi/pulumi';
import { declaredAt, type SourcePosition } from '../resources/source.js';

declare global {
  // A var: only a var declaration adds a property to globalThis's type.
  var imageCatalogDeclaredAt: Map<string, SourcePosition> | undefined;
}

/** The declaring position of each resource constructed in this process, by URN. */
export function declarations(): Map<string, SourcePosition> {
  return (globalThis.imageCatalogDeclaredAt ??= new Map<string, SourcePosition>());
}

/** Records where `resource` (being constructed) is declared, once its URN is known. */
export function recordDeclaration(resource: pulumi.Resource): void {
  const position = declaredAt();
  if (position === undefined) return;
  resource.urn.apply((urn) => {
    declarations().set(urn, position);
  });
}
