/**
 * What a stack's state says it manages, read from its exported deployment: the images (an `Image`, or a
 * VersionLine's version) with their ids, the inputs last applied and what the service reported. `image-catalog
 * audit --stack` compares them with the live catalog.
 */
import type { ExportedDeployment } from './migrate.js';
import { kindOfType } from './tokens.js';

/** One image a stack manages. */
export interface ManagedImage {
  readonly urn: string;
  /** Glance's image id. */
  readonly id: string;
  /** The inputs last applied (the state's inputs). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** What the service reported (the state's outputs: owner, status, ...). */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** The images of a deployment (this package's Image type, or release 0.1's dynamic one); a resource being deleted is left out. */
export function managedImages(exported: ExportedDeployment): ManagedImage[] {
  return (exported.deployment.resources ?? []).flatMap((r) =>
    kindOfType(r.type) === 'image' && typeof r.id === 'string' && r.id !== '' && r['delete'] !== true
      ? [{ urn: r.urn, id: r.id, inputs: r.inputs ?? {}, outputs: r.outputs ?? {} }]
      : [],
  );
}
