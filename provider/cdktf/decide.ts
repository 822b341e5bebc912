/**
 * The decision of a Terraform/OpenTofu plan's JSON (`tofu show -json <planfile>`), shared by
 * `image-catalog plan-check` and the `cdktn deploy` gate (./gate.ts). It imports nothing of cdktn, so the CLI
 * runs it for HCL users who never installed cdktn.
 *
 * - Each change is decided as the cloud that applies it: the `cloud` of its provider configuration in the plan
 *   (`openstack`, `openstack.appteam`, ...), unless a cloud is given for the whole plan; a resource taken out of
 *   the configuration is decided as the provider the state records for it (the gate reads the state), else the
 *   default provider configuration. One envelope per cloud (its token is the principal, its image list the live
 *   catalog), the violations merged.
 * - `before` is what the catalog applied: where the plan reports drift (`resource_drift`: changed outside
 *   Terraform), the last applied values, so putting back a property someone changed by hand is no change of the
 *   catalog (as in the Pulumi layer), while the plan still applies it.
 * - What Glance has, not only the plan (TPO#1994): terraform-provider-openstack 3.4.0 suppresses the diff of every
 *   `os_*` property after a create, so a changed os_version plans as no change and is never applied. For every
 *   image of the plan that Glance has, each `os_*` property the configuration declares is compared with Glance's:
 *   where they differ and the configuration changed it, the change is decided as an update from Glance's value to
 *   the declared one (a no-op becomes an update), so the policy sees it; where Glance was changed by hand, nothing
 *   is decided (putting it back is no change of the catalog). Either way a note says the provider will not apply it.
 */
import { isGlanceField } from '../client/images.js';
import { Session } from '../client/session.js';
import { RunCatalog } from '../policy/changes.js';
import type { Decision, Violation } from '../policy/decision.js';
import { PolicyEngine, type EngineOptions } from '../policy/engine.js';
import { buildEnvelope, type Change, type Document } from '../policy/envelope.js';
import { withDeclaredDeactivation } from './deactivation.js';
import { actionOf, configAddress, planChanges, tpoConsumers, tpoResources, type BootLinks, type PlanResourceChange } from './plan.js';

export { configAddress };

/** The parts of a plan's JSON this reads. */
export interface PlanJson {
  readonly format_version: string;
  readonly resource_changes?: readonly PlanResourceChange[];
  /** Changes made outside Terraform, found by the plan's refresh: `before` is what was last applied. */
  readonly resource_drift?: readonly PlanResourceChange[];
  readonly configuration?: {
    readonly provider_config?: Readonly<
      Record<
        string,
        {
          readonly full_name?: string;
          readonly alias?: string;
          readonly expressions?: { readonly cloud?: { readonly constant_value?: unknown } };
        }
      >
    >;
    readonly root_module?: {
      readonly resources?: readonly {
        readonly address: string;
        readonly provider_config_key?: string;
        readonly expressions?: Readonly<Record<string, PlanExpression | undefined>>;
      }[];
    };
  };
}

/** An attribute's expression in a plan's configuration; a nested block's is a list of its attributes' expressions. */
interface AttributeExpression {
  readonly constant_value?: unknown;
  readonly references?: readonly string[];
}
type PlanExpression = AttributeExpression | readonly Readonly<Record<string, AttributeExpression | undefined>>[];

/** An attribute's expression, undefined for a nested block's. */
function attribute(expression: PlanExpression | undefined): AttributeExpression | undefined {
  return isBlockList(expression) ? undefined : expression;
}

function isBlockList(
  expression: PlanExpression | undefined,
): expression is readonly Readonly<Record<string, AttributeExpression | undefined>>[] {
  return Array.isArray(expression);
}

/** The references of an attribute's expression (none for a nested block). */
function referencesOf(expression: PlanExpression | undefined): readonly string[] {
  return attribute(expression)?.references ?? [];
}

/** What deciding a plan gives. */
export interface PlanDecision {
  /** undefined when the plan changes nothing of the catalog. */
  readonly decision: Decision | undefined;
  /** The changes decided (after the live comparison). */
  readonly changes: readonly Change[];
  /** What the plan would lose or could not see (TPO#1994), one line each. */
  readonly notes: readonly string[];
}

/** Options of {@link decidePlan}. */
export interface DecidePlanOptions {
  /** The cloud that applies every change (default: each change's provider configuration, else OS_CLOUD / OS_*). */
  readonly cloud?: string;
  /** Policy data overrides. */
  readonly overrides?: EngineOptions['overrides'];
  /** How the live catalog of a session is read (tests). */
  readonly catalog?: RunCatalog;
  /**
   * The provider configuration the state records for each resource address (`provider["<source>"].<alias>`, from
   * `tofu state pull`): how a resource taken out of the configuration finds its cloud. Called only when the plan
   * has such a resource.
   */
  readonly stateProviders?: () => ReadonlyMap<string, string>;
  /** The deactivation each CatalogImage declares, by address (./deactivation.ts); none: not decided. */
  readonly deactivation?: ReadonlyMap<string, boolean>;
}

/** The cloud that applies each resource of the plan: its provider configuration's, else the default provider's. */
export function cloudOfResource(plan: PlanJson): (address: string) => string | undefined {
  const clouds = cloudsOf(plan);
  const fallback = cloudOfConfig(plan.configuration?.provider_config?.['openstack']);
  return (address) => (clouds.has(configAddress(address)) ? clouds.get(configAddress(address)) : fallback);
}

/** The cloud a provider configuration names (undefined: the environment's). */
function cloudOfConfig(
  config: { readonly expressions?: { readonly cloud?: { readonly constant_value?: unknown } } } | undefined,
): string | undefined {
  const cloud = config?.expressions?.cloud?.constant_value;
  return typeof cloud === 'string' ? cloud : undefined;
}

/**
 * The clouds.yaml cloud of each resource address, from the plan's provider configurations (undefined: the
 * environment's); `stateProviders` adds the resources only the state still has.
 */
export function cloudsOf(plan: PlanJson, stateProviders: ReadonlyMap<string, string> = new Map()): Map<string, string | undefined> {
  const providers = plan.configuration?.provider_config ?? {};
  const clouds = new Map<string, string | undefined>();
  for (const [address, provider] of stateProviders) {
    const match = /^provider\["([^"]+)"\](?:\.(\w+))?$/.exec(provider);
    const config = Object.values(providers).find((p) => p.full_name === match?.[1] && (p.alias ?? undefined) === (match?.[2] ?? undefined));
    clouds.set(address, config === undefined ? cloudOfConfig(providers['openstack']) : cloudOfConfig(config));
  }
  for (const resource of plan.configuration?.root_module?.resources ?? [])
    clouds.set(resource.address, cloudOfConfig(providers[resource.provider_config_key ?? 'openstack']));
  return clouds;
}

/** The address of the plan's one change of the image resource `references` name (`openstack_images_image_v2.x.id`). */
function imageChange(references: readonly string[], changes: readonly PlanResourceChange[]): string | undefined {
  const image = references.find((r) => r.startsWith('openstack_images_image_v2.'));
  if (image === undefined) return undefined;
  const target = image.replace(/\.id$/, '');
  const matches = changes.filter((rc) => configAddress(rc.address) === target);
  return matches.length === 1 ? matches[0]?.address : undefined;
}

/**
 * The image change each share (a member or an acceptance) of the plan refers to, by its address: its `image_id`
 * expression references an image resource, whose change is found by that address (one change of it: no count or
 * for_each). The policy then knows the image's visibility although its id is not known before it is made (rule
 * sharing).
 */
export function shareLinks(plan: PlanJson, changes: readonly PlanResourceChange[]): Map<string, string> {
  const links = new Map<string, string>();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const kind = tpoResources[resource.address.split('.')[0] ?? '']?.kind;
    if (kind !== 'member' && kind !== 'acceptance') continue;
    const image = imageChange(referencesOf(resource.expressions?.['image_id']), changes);
    if (image !== undefined) links.set(resource.address, image);
  }
  return links;
}

/**
 * The image changes each consumer (a server or volume) of the plan refers to, by its address: its `image_id`'s, and
 * each block device's `uuid`'s, in order (rule consumption: a server made from an image the plan makes).
 */
export function bootLinks(plan: PlanJson, changes: readonly PlanResourceChange[]): Map<string, BootLinks> {
  const links = new Map<string, BootLinks>();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const consumer = tpoConsumers[resource.address.split('.')[0] ?? ''];
    if (consumer === undefined) continue;
    const id = imageChange(referencesOf(resource.expressions?.[consumer.id]), changes);
    const blocks = consumer.blockDevices === undefined ? undefined : resource.expressions?.[consumer.blockDevices];
    const devices = isBlockList(blocks) ? blocks.map((block) => imageChange(block['uuid']?.references ?? [], changes)) : [];
    links.set(resource.address, { ...(id === undefined ? {} : { id }), devices });
  }
  return links;
}

/** The attributes each root-module resource's block sets, by address: whether an unknown value was declared. */
function configuredAttributes(plan: PlanJson): Map<string, ReadonlySet<string>> {
  return new Map(
    (plan.configuration?.root_module?.resources ?? []).map((r) => [r.address, new Set(Object.keys(r.expressions ?? {}))] as const),
  );
}

/** The properties each image resource's configuration declares as a constant, by address. */
function declaredProperties(plan: PlanJson): Map<string, Readonly<Record<string, unknown>>> {
  const declared = new Map<string, Readonly<Record<string, unknown>>>();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const value = attribute(resource.expressions?.['properties'])?.constant_value;
    if (typeof value === 'object' && value !== null) declared.set(resource.address, value as Record<string, unknown>);
  }
  return declared;
}

/**
 * The plan's changes as the catalog sees them: `before` what was last applied where the plan reports drift
 * (`drift`, by address), and each `os_*` property that the configuration declares (`declared`, by address) but
 * Glance does not have (`live`, by image id) decided as an update from Glance's value (TPO#1994) unless it is
 * Glance that changed (then only a note: the provider will not put it back).
 */
export function withLiveProperties(
  resourceChanges: readonly PlanResourceChange[],
  live: ReadonlyMap<string, Document>,
  declared: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map(),
  drift: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map(),
  configured: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  boots: ReadonlyMap<string, BootLinks> = new Map(),
): { changes: Change[]; notes: string[] } {
  const notes: string[] = [];
  const seen = resourceChanges.map((planned): PlanResourceChange => {
    const applied = drift.get(planned.address);
    // What was last applied, except the status: Glance's (the gate's deactivation is never in the state), which a
    // declared deactivation is decided against (./deactivation.ts).
    const status = planned.change.before?.['status'];
    const rc =
      applied === undefined || planned.change.before === null
        ? planned
        : { ...planned, change: { ...planned.change, before: { ...applied, ...(status === undefined ? {} : { status }) } } };
    const actions = rc.change.actions.join(',');
    const id = rc.change.before?.['id'];
    const image = typeof id === 'string' ? live.get(id) : undefined;
    if (tpoResources[rc.type]?.kind !== 'image' || (actions !== 'update' && actions !== 'no-op') || image === undefined) return rc;
    const wanted =
      declared.get(configAddress(rc.address)) ?? ((rc.change.after?.['properties'] ?? {}) as Readonly<Record<string, unknown>>);
    const has = (image['properties'] ?? {}) as Readonly<Record<string, string>>;
    const last = (rc.change.before?.['properties'] ?? {}) as Readonly<Record<string, unknown>>;
    const differ = Object.keys(wanted).filter(
      // Glance's own fields (os_hash_algo, os_hash_value, os_glance_*) come back in TPO's properties: never the user's.
      (key) => key.startsWith('os_') && !isGlanceField(key) && typeof wanted[key] === 'string' && has[key] !== wanted[key],
    );
    const glance = (key: string): string => (has[key] === undefined ? 'absent' : `"${has[key]}"`);
    // Changed by hand in Glance, still declared as applied: putting it back is no change of the catalog.
    for (const key of differ.filter((k) => last[k] === wanted[k]))
      notes.push(
        `${rc.address}: properties.${key} is ${glance(key)} in Glance (changed outside the catalog) but "${String(wanted[key])}" in the configuration; ` +
          `terraform-provider-openstack 3.4.0 will not put it back (TPO#1994): openstack image set --property ${key}=${String(wanted[key])} ${String(id)}`,
      );
    const edited = differ.filter((k) => last[k] !== wanted[k]);
    if (edited.length === 0) return rc;
    for (const key of edited)
      notes.push(
        `${rc.address}: properties.${key} is "${String(wanted[key])}" in the configuration but ${glance(key)} in Glance; ` +
          'terraform-provider-openstack 3.4.0 never applies a change of an os_* property (TPO#1994): decided as a change from what Glance has',
      );
    // Each edited property as `from` has it (left out where `from` has none).
    const side = (values: Readonly<Record<string, unknown>> | null, from: Readonly<Record<string, unknown>>): Record<string, unknown> => {
      const kept = Object.entries((values?.['properties'] ?? {}) as Record<string, unknown>).filter(([key]) => !edited.includes(key));
      const taken = edited.flatMap((key) => (from[key] === undefined ? [] : [[key, from[key]] as const]));
      return { ...values, properties: Object.fromEntries([...kept, ...taken]) };
    };
    return {
      ...rc,
      change: { ...rc.change, actions: ['update'], before: side(rc.change.before, has), after: side(rc.change.after, wanted) },
    };
  });
  return { changes: planChanges(seen, configured, boots), notes };
}

/** Decides a plan as the clouds that apply it; no API call when it changes nothing of the catalog's types. */
export async function decidePlan(plan: PlanJson, options: DecidePlanOptions = {}): Promise<PlanDecision> {
  // The catalog's resources, and each server or volume the plan makes (what it boots is decided).
  const resourceChanges = (plan.resource_changes ?? []).filter(
    (rc) =>
      rc.mode !== 'data' &&
      (tpoResources[rc.type] !== undefined ||
        (tpoConsumers[rc.type] !== undefined && ['create', 'replace'].includes(actionOf(rc.change.actions) ?? ''))),
  );
  const inConfiguration = cloudsOf(plan);
  const taken = resourceChanges.some((rc) => !inConfiguration.has(configAddress(rc.address)));
  const clouds = taken && options.stateProviders !== undefined ? cloudsOf(plan, options.stateProviders()) : inConfiguration;
  const declared = declaredProperties(plan);
  const configured = configuredAttributes(plan);
  const links = shareLinks(plan, resourceChanges);
  const boots = bootLinks(plan, resourceChanges);
  const drift = new Map(
    (plan.resource_drift ?? []).flatMap((d) => (d.change.before === null ? [] : [[d.address, d.change.before] as const])),
  );
  const fallback = cloudOfConfig(plan.configuration?.provider_config?.['openstack']);
  const cloudOf = (address: string): string | undefined =>
    options.cloud ?? (clouds.has(configAddress(address)) ? clouds.get(configAddress(address)) : fallback);
  const groups = new Map<string | undefined, PlanResourceChange[]>();
  for (const rc of resourceChanges) {
    const key = cloudOf(rc.address);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [rc]);
    else group.push(rc);
  }
  const catalog = options.catalog ?? new RunCatalog();
  const engine =
    groups.size === 0
      ? undefined
      : await PolicyEngine.load({ ...(options.overrides === undefined ? {} : { overrides: options.overrides }) });
  const decided: Change[] = [];
  const notes: string[] = [];
  const violations: Violation[] = [];
  for (const [cloud, group] of groups) {
    // Nothing to read when the group only keeps shares as they are.
    if (group.every((rc) => rc.change.actions.join(',') === 'no-op' && tpoResources[rc.type]?.kind !== 'image')) continue;
    const session = Session.forCloud(cloud);
    try {
      const [principal, images] = await Promise.all([session.identity(), catalog.documents(cloud ?? '(environment)', session)]);
      const live = new Map(images.map((image) => [String(image['id']), image]));
      const withStatus = withDeclaredDeactivation(group, live, options.deactivation ?? new Map(), configAddress);
      const found = withLiveProperties(withStatus, live, declared, drift, configured, boots);
      notes.push(...found.notes);
      const changes = found.changes.map((c) => {
        const image = links.get(configAddress(c.address));
        return image === undefined || c.after === null ? c : { ...c, after: { ...c.after, image_address: image } };
      });
      if (changes.length === 0) continue;
      decided.push(...changes);
      violations.push(...(engine as PolicyEngine).decide(buildEnvelope(principal, images, changes)).violations);
    } finally {
      await session.close();
    }
  }
  if (decided.length === 0) return { decision: undefined, changes: [], notes };
  return { decision: { allowed: !violations.some((v) => v.level === 'mandatory'), violations }, changes: decided, notes };
}
