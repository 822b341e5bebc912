/**
 * Moves a stack made by the dynamic providers of release 0.1 (`pulumi-nodejs:dynamic/image-catalog:Image`, ...)
 * to the provider plugin (`image-catalog:index:Image`, ...) without touching a resource: the stack's state is
 * exported, each resource of this package gets its new type token and URN (children and dependencies follow),
 * its inputs and outputs lose the serialized provider code (`__provider`) and the layer's `resourceName`, and it
 * points at a default `image-catalog` provider whose settings are the ones the dynamic providers had
 * (`image-catalog:cloud`, `:clouds`, `:policy`); then the state is imported back. The images, shares and stores in
 * Glance are not called. The next `pulumi preview` with the new release shows no change.
 */
import { randomUUID } from 'node:crypto';
import { configKeys, instanceKey, kindOfType, legacyTypeToken, packageName, typeToken } from './tokens.js';
import { hasMarkOutput, kinds, markOutput } from '../resources/kinds.js';
import { newInstanceKey } from '../resources/mark.js';

/** A resource of an exported deployment (`pulumi stack export`), as far as the migration reads it. */
interface StateResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  deletedWith?: string;
  [key: string]: unknown;
}

/** An exported deployment (`{version, deployment: {resources, ...}}`). */
export interface ExportedDeployment {
  version: number;
  deployment: { resources?: StateResource[]; pending_operations?: unknown[]; [key: string]: unknown };
}

/** What a migration did. */
export interface MigrationReport {
  /** The resources moved, by their new URN. */
  readonly moved: readonly string[];
  /** The default provider the moved resources now use. */
  readonly provider: string | undefined;
}

const dynamicProviderType = 'pulumi:providers:pulumi-nodejs';

/** `urn:pulumi:<stack>::<project>::...`: the stack and project of a URN. */
function urnPrefix(urn: string): string {
  return urn.split('::').slice(0, 2).join('::');
}

/** A URN with every dynamic type token of this package (its own and its parents') replaced by the plugin's. */
function migrateUrn(urn: string): string {
  return kinds.reduce((text, kind) => text.split(legacyTypeToken(kind)).join(typeToken(kind)), urn);
}

/** The provider's settings as the dynamic providers' default provider held them (`image-catalog:<key>`). */
function settingsOf(dynamicProvider: StateResource | undefined): Record<string, unknown> {
  const inputs = dynamicProvider?.inputs ?? {};
  return Object.fromEntries(
    configKeys.flatMap((key) => (`${packageName}:${key}` in inputs ? [[key, inputs[`${packageName}:${key}`]]] : [])),
  );
}

function strip(bag: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (bag === undefined) return undefined;
  return Object.fromEntries(Object.entries(bag).filter(([key]) => key !== '__provider' && key !== 'resourceName'));
}

/**
 * The deployment moved to the plugin (pure: the input is not changed). Refuses a deployment with pending
 * operations (an interrupted update: `pulumi refresh` or `pulumi cancel` first).
 */
export function migrateDeployment(exported: ExportedDeployment): { deployment: ExportedDeployment; report: MigrationReport } {
  const resources = exported.deployment.resources ?? [];
  if ((exported.deployment.pending_operations ?? []).length > 0)
    throw new Error('the stack has pending operations (an interrupted update): run `pulumi refresh` first, then migrate');
  const legacy = resources.filter((r) => kindOfType(r.type) !== undefined && r.type.startsWith('pulumi-nodejs:dynamic/'));
  if (legacy.length === 0) return { deployment: exported, report: { moved: [], provider: undefined } };

  const oldProviderRefs = new Set(legacy.map((r) => r.provider).filter((p): p is string => p !== undefined));
  const oldProviders = resources.filter(
    (r) => r.type === dynamicProviderType && [...oldProviderRefs].some((ref) => ref.startsWith(`${r.urn}::`)),
  );
  const [first] = legacy;
  const providerUrn = `${urnPrefix(first?.urn ?? '')}::pulumi:providers:${packageName}::default`;
  const existing = resources.find((r) => r.urn === providerUrn);
  // The provider's stack instance key (provider/resources/mark.ts), made now as its check would make it.
  const settings = { ...settingsOf(oldProviders[0]), [instanceKey]: newInstanceKey() };
  const provider: StateResource = existing ?? {
    urn: providerUrn,
    custom: true,
    id: randomUUID(),
    type: `pulumi:providers:${packageName}`,
    inputs: settings,
    outputs: settings,
  };
  const providerRef = `${provider.urn}::${provider.id ?? ''}`;

  const moved: string[] = [];
  const migrated = resources.map((r): StateResource => {
    const isLegacy = legacy.includes(r);
    const next: StateResource = { ...r, urn: migrateUrn(r.urn) };
    if (r.parent !== undefined) next.parent = migrateUrn(r.parent);
    if (r.dependencies !== undefined) next.dependencies = r.dependencies.map(migrateUrn);
    if (r.deletedWith !== undefined) next.deletedWith = migrateUrn(r.deletedWith);
    if (r.propertyDependencies !== undefined) {
      const deps = Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map(migrateUrn)] as const);
      next.propertyDependencies = Object.fromEntries(isLegacy ? deps.filter(([k]) => k !== '__provider' && k !== 'resourceName') : deps);
    }
    if (isLegacy) {
      const kind = kindOfType(r.type);
      next.type = kind === undefined ? r.type : typeToken(kind);
      const inputs = strip(r.inputs);
      // 0.1 marked no record: a moved image or store carries no creation mark (no update to rewrite one).
      const stripped = strip(r.outputs);
      const outputs = stripped === undefined || kind === undefined || !hasMarkOutput(kind) ? stripped : { [markOutput]: null, ...stripped };
      if (inputs !== undefined) next.inputs = inputs;
      if (outputs !== undefined) next.outputs = outputs;
      next.provider = providerRef;
      moved.push(next.urn);
    }
    return next;
  });
  // The new provider goes where the first old one was (before every resource that uses it); an old provider no
  // resource uses any more goes.
  const stillUsed = (p: StateResource): boolean => migrated.some((r) => r.provider?.startsWith(`${p.urn}::`) === true);
  const out: StateResource[] = [];
  for (const r of migrated) {
    if (oldProviders.some((p) => p.urn === r.urn)) {
      if (existing === undefined && !out.includes(provider)) out.push(provider);
      if (stillUsed(r)) out.push(r);
      continue;
    }
    out.push(r);
  }
  if (!out.includes(provider) && existing === undefined) out.splice(1, 0, provider);
  return {
    deployment: { ...exported, deployment: { ...exported.deployment, resources: out } },
    report: { moved, provider: provider.urn },
  };
}
