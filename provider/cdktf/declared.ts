/**
 * What cdk.tf.json tells about each resource: its construct path (cdktn's `//.metadata.path`) and, for this
 * package's constructs, the line that declares it (`//.image_catalog_declared_at`, `file:line:column` with the file
 * relative to the app's folder). cdktn 0.24 keeps no construct stack trace, so the constructs record the line
 * themselves (../resources/source.ts); Terraform ignores `//` keys, so the plan is not changed by it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { declaredAt, formatPosition, parsePosition, type SourcePosition } from '../resources/source.js';

/** The `//` key the constructs write their declaring position under. */
export const declarationKey = 'image_catalog_declared_at';

/**
 * The `//` key a CatalogImage writes its declared deactivation under (true: revoked), which
 * terraform-provider-openstack has no attribute for: the gate decides and applies it (./deactivation.ts).
 */
export const deactivationKey = 'image_catalog_deactivated';

/** Records on `resource` (a Terraform element) where the construct being built is declared. */
export function markDeclaration(resource: { addOverride(path: string, value: unknown): void }): void {
  const position = declaredAt();
  if (position === undefined) return;
  resource.addOverride(`//.${declarationKey}`, formatPosition({ ...position, file: relative(process.cwd(), position.file) }));
}

/** One resource of a synthesized stack. */
export interface SynthesizedResource {
  /** The construct path (`catalog/ubuntu-base/image`). */
  readonly path?: string;
  /** The declaring line, the file absolute (resolved against `appDir`). */
  readonly declaredAt?: SourcePosition;
}

/** The parts of a synthesized cdk.tf.json this package reads. */
export interface SynthesizedConfig {
  readonly terraform?: { readonly backend?: { readonly local?: { readonly path?: unknown } } };
  readonly provider?: { readonly openstack?: readonly { readonly cloud?: unknown }[] };
  /** cdktn's moved blocks (`moveFromId`, `moveTo`): addresses. */
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  readonly resource?: Readonly<
    Record<
      string,
      Readonly<
        Record<
          string,
          Readonly<Record<string, unknown>> & {
            '//'?: { metadata?: { path?: string }; [declarationKey]?: string; [deactivationKey]?: boolean };
          }
        >
      >
    >
  >;
}

/** The stack folder `dir`'s cdk.tf.json, undefined without one (HCL). */
export function synthesizedConfig(dir: string): SynthesizedConfig | undefined {
  const file = resolve(dir, 'cdk.tf.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SynthesizedConfig) : undefined;
}

/** Each resource of the stack folder `dir`'s cdk.tf.json by address (`type.name`); empty without one (HCL). */
export function synthesizedResources(dir: string, appDir: string = process.cwd()): Map<string, SynthesizedResource> {
  const found = new Map<string, SynthesizedResource>();
  const config = synthesizedConfig(dir);
  if (config === undefined) return found;
  for (const [type, resources] of Object.entries(config.resource ?? {}))
    for (const [name, body] of Object.entries(resources)) {
      const path = body['//']?.metadata?.path;
      const at = body['//']?.[declarationKey];
      const position = at === undefined ? undefined : parsePosition(at);
      found.set(`${type}.${name}`, {
        ...(path === undefined ? {} : { path }),
        ...(position === undefined ? {} : { declaredAt: { ...position, file: resolve(appDir, position.file) } }),
      });
    }
  return found;
}
