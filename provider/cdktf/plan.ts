/**
 * The changes of a Terraform/OpenTofu plan (`tofu show -json <plan>`) for terraform-provider-openstack's image
 * resources, as the policy envelope's changes, for the plan check and the `cdktn deploy` gate (./decide.ts).
 * Each resource type's kind and the wire name of each of its attributes are declared once, in `tpoResources`.
 */
import { isGlanceField } from '../client/images.js';
import { creationMark } from '../resources/image/image.js';
import { consumerKind, type Change, type ChangeAction, type ConsumerDocument, type Document } from '../policy/envelope.js';
import type { Kind } from '../resources/kinds.js';

/**
 * The terraform-provider-openstack release `tpoResources` follows, and its registry source: the version the CDKTF
 * bindings are generated from (scripts/versions.json pins it; a unit test holds the two equal), which a
 * configuration adopt writes requires.
 */
export const tpoRelease = { source: 'terraform-provider-openstack/openstack', version: '3.4.0' } as const;

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
      // Computed: Glance's (active, deactivated, ...), and what a CatalogImage's declared deactivation changes.
      status: 'status',
    },
    assigned: ['id', 'status'],
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

/** A resource type of terraform-provider-openstack 3.4.0 made from an image, and the attributes that name it. */
interface TpoConsumer {
  /** The image's id. */
  readonly id: string;
  /** The image's name (the provider looks the id up by it). */
  readonly name?: string;
  /** A list of block devices, each made from an image when its `source_type` is `image` (its `uuid`). */
  readonly blockDevices?: string;
}

/**
 * The resources of terraform-provider-openstack 3.4.0 that boot an image (its provider schema): a server and a
 * volume, decided by the consumption rules when created or replaced.
 */
export const tpoConsumers: Readonly<Record<string, TpoConsumer>> = {
  openstack_compute_instance_v2: { id: 'image_id', name: 'image_name', blockDevices: 'block_device' },
  openstack_blockstorage_volume_v3: { id: 'image_id' },
};

/**
 * The image changes of the plan a consumer's ids not known until apply refer to (their configuration references an
 * image resource), by field: its `image_id`, and each of its block devices' `uuid` in order.
 */
export interface BootLinks {
  readonly id?: string;
  readonly devices?: readonly (string | undefined)[];
}

/** One resource change of a plan's JSON (`resource_changes[]`), as far as this reads it. */
export interface PlanResourceChange {
  readonly address: string;
  /** `managed` (a resource) or `data` (a data source of the same type name: never a change of the catalog). */
  readonly mode?: string;
  readonly type: string;
  /** The address a `moved` block moves it from (tofu reports it on the change). */
  readonly previous_address?: string;
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
    // The creation mark is the package's own bookkeeping (./marks.ts), and Glance's own fields (stores, os_hash_*,
    // os_glance_*: terraform-provider-openstack reads them into properties) are Glance's: never a declared
    // property or a change (a deactivated image's record has no stores, so a state read before its deactivation
    // would otherwise make every later plan of it a change of properties.stores).
    const value = doc[wire];
    if (wire === 'properties' && typeof value === 'object' && value !== null)
      doc[wire] = Object.fromEntries(Object.entries(value).filter(([key]) => key !== creationMark && !isGlanceField(key)));
  }
  return doc;
}

/** The resource address without an index (`a.b[0]` -> `a.b`), as the configuration lists it. */
export function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

/** A non-empty string, else undefined. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * What a server or volume boots: its image by id, else by name (the provider finds the id at apply), and each
 * block device made from an image. An id not known until apply counts only where the configuration sets it
 * (`configured`: the attributes its block writes; undefined for a resource of a module, whose image counts as set
 * unless it boots from a block device): a server booted from a volume has an unknown `image_id` too, and no image.
 * undefined when it boots no image.
 */
function consumerDocument(
  type: string,
  consumer: TpoConsumer,
  values: Readonly<Record<string, unknown>>,
  unknown: Readonly<Record<string, unknown>>,
  configured: ReadonlySet<string> | undefined,
  links: BootLinks = {},
): ConsumerDocument | undefined {
  // An id of `field` not known until apply, with the image change of the plan it refers to (when there is one).
  const later = (field: string, address: string | undefined): ConsumerDocument['boots'][number] => ({
    field,
    id: { $unknown: true },
    ...(address === undefined ? {} : { image_address: address }),
  });
  const boots: ConsumerDocument['boots'][number][] = [];
  const id = text(values[consumer.id]);
  const name = consumer.name === undefined ? undefined : text(values[consumer.name]);
  const devices = consumer.blockDevices === undefined ? [] : ((values[consumer.blockDevices] ?? []) as Record<string, unknown>[]);
  const unknownDevices =
    consumer.blockDevices === undefined || !Array.isArray(unknown[consumer.blockDevices])
      ? []
      : (unknown[consumer.blockDevices] as Record<string, unknown>[]);
  if (id !== undefined) boots.push({ field: consumer.id, id });
  else if (name !== undefined && consumer.name !== undefined) boots.push({ field: consumer.name, name });
  else if (unknown[consumer.id] === true && (configured?.has(consumer.id) ?? devices.length === 0))
    boots.push(later(consumer.id, links.id));
  // A name the configuration sets to a value not known until apply: which image cannot be told yet.
  else if (consumer.name !== undefined && unknown[consumer.name] === true && configured?.has(consumer.name) === true)
    boots.push({ field: consumer.name, id: { $unknown: true } });
  if (consumer.blockDevices !== undefined) {
    const field = `${consumer.blockDevices}.uuid`;
    // Block devices not known until apply at all, or one whose source is not known yet: it may be an image.
    if (unknown[consumer.blockDevices] === true) boots.push({ field, id: { $unknown: true } });
    devices.forEach((device, i) => {
      const sourceUnknown = unknownDevices[i]?.['source_type'] === true;
      if (device['source_type'] !== 'image' && !sourceUnknown) return;
      const uuid = text(device['uuid']);
      if (uuid !== undefined && !sourceUnknown) boots.push({ field, id: uuid });
      else boots.push(later(field, links.devices?.[i]));
    });
  }
  return boots.length === 0 ? undefined : { resource_type: type, boots };
}

/**
 * The envelope changes of a plan's resource changes of the catalog's types (no-ops and reads left out), and each
 * server or volume created (or replaced) from an image. `configured`: the attributes each root-module resource's
 * block sets, by address.
 */
export function planChanges(
  resourceChanges: readonly PlanResourceChange[],
  configured: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  bootLinks: ReadonlyMap<string, BootLinks> = new Map(),
): Change[] {
  const changes: Change[] = [];
  for (const rc of resourceChanges) {
    const consumer = tpoConsumers[rc.type];
    const made = actionOf(rc.change.actions);
    if (consumer !== undefined && rc.mode !== 'data' && (made === 'create' || made === 'replace') && rc.change.after !== null) {
      const after = consumerDocument(
        rc.type,
        consumer,
        rc.change.after,
        rc.change.after_unknown ?? {},
        configured.get(configAddress(rc.address)),
        bootLinks.get(configAddress(rc.address)),
      );
      const before =
        made === 'create' || rc.change.before === null
          ? null
          : (consumerDocument(rc.type, consumer, rc.change.before, {}, undefined) ?? { resource_type: rc.type, boots: [] });
      if (after !== undefined) changes.push({ address: rc.address, kind: consumerKind, action: made, before, after });
      continue;
    }
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
