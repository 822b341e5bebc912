/**
 * The changes of a Terraform/OpenTofu plan (`tofu show -json <plan>`) for terraform-provider-openstack's image
 * resources, as the policy envelope's changes, for the plan check and the `cdktn deploy` gate (./decide.ts).
 * Each resource type's kind and the wire name of each of its attributes are declared once, in `tpoResources`.
 */
import { creationMark } from '../resources/image/image.js';
import type { Change, ChangeAction, Document } from '../policy/envelope.js';
import type { Kind } from '../resources/kinds.js';

/** A resource type of terraform-provider-openstack 3.4.0 the catalog decides, and its attributes' wire names. */
interface TpoResource {
  readonly kind: Kind;
  /** Attribute -> the envelope document's (Glance's) name; attributes not listed are not part of the document. */
  readonly wire: Readonly<Record<string, string>>;
  /** Fields every document of this type has (a new membership is pending). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Attributes the service assigns (an image's id): left out while unknown (before a create), not marked unknown. */
  readonly assigned?: readonly string[];
}

/** The image resources of terraform-provider-openstack 3.4.0 (its provider schema, `tofu providers schema -json`). */
export const tpoResources: Readonly<Record<string, TpoResource>> = {
  openstack_images_image_v2: {
    kind: 'image',
    wire: {
      id: 'id',
      name: 'name',
      disk_format: 'disk_format',
      container_format: 'container_format',
      visibility: 'visibility',
      min_disk_gb: 'min_disk',
      min_ram_mb: 'min_ram',
      protected: 'protected',
      hidden: 'os_hidden',
      tags: 'tags',
      properties: 'properties',
    },
    assigned: ['id'],
  },
  openstack_images_image_access_v2: {
    kind: 'member',
    wire: { image_id: 'image_id', member_id: 'member_id' },
    fixed: { status: 'pending' },
  },
  openstack_images_image_access_accept_v2: {
    kind: 'acceptance',
    wire: { image_id: 'image_id', member_id: 'member_id', status: 'status' },
  },
};

/** One resource change of a plan's JSON (`resource_changes[]`), as far as this reads it. */
export interface PlanResourceChange {
  readonly address: string;
  /** `managed` (a resource) or `data` (a data source of the same type name: never a change of the catalog). */
  readonly mode?: string;
  readonly type: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before: Readonly<Record<string, unknown>> | null;
    readonly after: Readonly<Record<string, unknown>> | null;
    readonly after_unknown?: Readonly<Record<string, unknown>>;
  };
}

/** The envelope action of a plan's actions (`["delete","create"]` and `["create","delete"]` are replaces). */
export function actionOf(actions: readonly string[]): ChangeAction | undefined {
  const key = actions.join(',');
  if (key === 'create') return 'create';
  if (key === 'update') return 'update';
  if (key === 'delete') return 'delete';
  if (key === 'delete,create' || key === 'create,delete') return 'replace';
  return undefined;
}

/** A document of one side of a change: the listed attributes under their wire names, unknown ones marked. */
function documentOf(
  resource: TpoResource,
  values: Readonly<Record<string, unknown>>,
  unknown: Readonly<Record<string, unknown>> = {},
): Document {
  const doc: Record<string, unknown> = { ...resource.fixed };
  for (const [attribute, wire] of Object.entries(resource.wire)) {
    if (unknown[attribute] === true) {
      if (!(resource.assigned ?? []).includes(attribute)) doc[wire] = { $unknown: true };
    } else if (values[attribute] !== undefined && values[attribute] !== null) {
      doc[wire] = values[attribute];
    }
    // The creation mark is the package's own bookkeeping (./marks.ts), never a declared property or a change.
    const value = doc[wire];
    if (wire === 'properties' && typeof value === 'object' && value !== null && creationMark in value)
      doc[wire] = Object.fromEntries(Object.entries(value).filter(([key]) => key !== creationMark));
  }
  return doc;
}

/** The envelope changes of a plan's resource changes of the catalog's types (no-ops and reads left out). */
export function planChanges(resourceChanges: readonly PlanResourceChange[]): Change[] {
  const changes: Change[] = [];
  for (const rc of resourceChanges) {
    const resource = tpoResources[rc.type];
    const action = actionOf(rc.change.actions);
    if (resource === undefined || action === undefined || rc.mode === 'data') continue;
    changes.push({
      address: rc.address,
      kind: resource.kind,
      action,
      before: action === 'create' || rc.change.before === null ? null : documentOf(resource, rc.change.before),
      after: action === 'delete' || rc.change.after === null ? null : documentOf(resource, rc.change.after, rc.change.after_unknown),
    });
  }
  return changes;
}
