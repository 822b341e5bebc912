/**
 * Deactivation in a CDKTF stack (a revoked version: nothing new boots it, what runs keeps running), which
 * terraform-provider-openstack 3.4.0 has no attribute for. A CatalogImage records what it declares in its
 * resource's `//` metadata (`deactivationKey`, true or false); the gate then
 *
 * - decides it with the plan: an image whose Glance status differs from its declaration is a change (an update of
 *   its `status`, `deactivated` or `active`), as the Pulumi Image's `isDeactivated` is, so the policy sees every
 *   revocation and every un-revocation (./decide.ts);
 * - sets it after the apply succeeded, as the cloud of the resource's provider: Glance's deactivate or reactivate
 *   action on each image whose status the decision changed (a version created revoked is deactivated once the apply
 *   has made it); an apply that decided none changes none.
 *
 * Only records a CatalogImage declares are managed: an `openstack_images_image_v2` of plain HCL has no such
 * metadata, and an image deactivated by hand there is left as it is.
 */
import { getImage, setImageActive } from '../client/images.js';
import { Session } from '../client/session.js';
import type { Change, Document } from '../policy/envelope.js';
import { deactivationKey, synthesizedConfig } from './declared.js';
import type { PlanResourceChange } from './plan.js';

/** The declared deactivation of each CatalogImage record of the stack folder `dir` (cdk.tf.json), by address. */
export function declaredDeactivation(dir: string): Map<string, boolean> {
  const declared = new Map<string, boolean>();
  for (const [name, body] of Object.entries(synthesizedConfig(dir)?.resource?.['openstack_images_image_v2'] ?? {})) {
    const value = body['//']?.[deactivationKey];
    if (typeof value === 'boolean') declared.set(`openstack_images_image_v2.${name}`, value);
  }
  return declared;
}

/** The status an image's declaration asks for, or undefined when it has none (or the image is neither). */
function wantedStatus(declared: boolean | undefined, live: string | undefined): 'active' | 'deactivated' | undefined {
  if (declared === undefined) return undefined;
  if (live !== undefined && live !== 'active' && live !== 'deactivated') return undefined;
  return declared ? 'deactivated' : 'active';
}

/**
 * The plan's image changes with the declared deactivation in them: an image kept or updated whose Glance status
 * differs from its declaration becomes an update of its `status`; a create declared deactivated has that status
 * in its `after`.
 */
export function withDeclaredDeactivation(
  resourceChanges: readonly PlanResourceChange[],
  live: ReadonlyMap<string, Document>,
  declared: ReadonlyMap<string, boolean>,
  configAddress: (address: string) => string,
): PlanResourceChange[] {
  return resourceChanges.map((rc) => {
    if (rc.type !== 'openstack_images_image_v2' || rc.mode === 'data' || rc.change.after === null) return rc;
    const actions = rc.change.actions.join(',');
    const wanted = declared.get(configAddress(rc.address));
    if (actions === 'create' || actions === 'delete,create' || actions === 'create,delete') {
      if (wanted !== true) return rc;
      return {
        ...rc,
        change: {
          ...rc.change,
          after: { ...rc.change.after, status: 'deactivated' },
          after_unknown: { ...rc.change.after_unknown, status: false },
        },
      };
    }
    if (actions !== 'no-op' && actions !== 'update') return rc;
    const id = rc.change.before?.['id'];
    const status = typeof id === 'string' ? live.get(id)?.['status'] : undefined;
    const want = wantedStatus(wanted, typeof status === 'string' ? status : undefined);
    if (want === undefined || status === want) return rc;
    return {
      ...rc,
      change: {
        ...rc.change,
        actions: ['update'],
        before: { ...rc.change.before, status },
        after: { ...rc.change.after, status: want },
        after_unknown: { ...rc.change.after_unknown, status: false },
      },
    };
  });
}

/** One image the gate puts in its declared status after an apply. */
export interface DeclaredStatus {
  readonly address: string;
  readonly id: string;
  readonly deactivated: boolean;
  /** The clouds.yaml cloud of its provider (undefined: the environment's). */
  readonly cloud: string | undefined;
}

/**
 * After a successful apply: each image whose Glance status differs from its declaration deactivated or reactivated,
 * as its provider's cloud; says each. Returns how many it changed.
 */
export async function applyDeclaredStatus(images: readonly DeclaredStatus[], say: (line: string) => void): Promise<number> {
  let changed = 0;
  const byCloud = new Map<string | undefined, DeclaredStatus[]>();
  for (const image of images) byCloud.set(image.cloud, [...(byCloud.get(image.cloud) ?? []), image]);
  for (const [cloud, group] of byCloud) {
    const session = Session.forCloud(cloud);
    try {
      for (const image of group) {
        const found = await getImage(session, image.id);
        const want = wantedStatus(image.deactivated, found.status);
        if (want === undefined || found.status === want) continue;
        await setImageActive(session, image.id, want === 'active');
        say(
          want === 'deactivated'
            ? `deactivated ${String(found['name'])} (${image.id}): revoked, so no new server boots it (what runs keeps running)`
            : `reactivated ${String(found['name'])} (${image.id}): no longer revoked`,
        );
        changed++;
      }
    } finally {
      await session.close();
    }
  }
  return changed;
}

/**
 * The statuses a decided change set has the gate set after the apply, by address: true deactivates (revoked),
 * false reactivates. An update of an image's `status`, or a create (or replace) declared deactivated.
 */
export function statusChanges(changes: readonly Change[]): Map<string, boolean> {
  const wanted = new Map<string, boolean>();
  for (const change of changes) {
    if (change.kind !== 'image' || change.after === null) continue;
    const after = change.after['status'];
    const before = change.before?.['status'];
    if (change.action === 'update' && (after === 'active' || after === 'deactivated') && before !== after)
      wanted.set(change.address, after === 'deactivated');
    if ((change.action === 'create' || change.action === 'replace') && after === 'deactivated') wanted.set(change.address, true);
  }
  return wanted;
}
