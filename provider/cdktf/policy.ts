/**
 * The catalog policy at synth time: what synth can know, decided with the same Wasm bundle as every other entry
 * point. Each CatalogImage whose name the applying cloud does not see yet is a create, with the image document as
 * its after: naming, required metadata, public visibility by a non-admin principal and version order against the
 * live catalog are decided here. Mandatory violations fail synth as error annotations on the construct (its path,
 * the rule, the field, the remediation); advisory ones are warnings, and so is every one when
 * IMAGE_CATALOG_POLICY_MODE=report (the pull-request check, which decides the plan). Updates, replaces and deletes are known only
 * from a plan: the apply gate (./gate.ts) decides them, and it remains the authority.
 *
 * Loading the bundle and asking Keystone and Glance are asynchronous and an Aspect is not, so the app calls
 * `await checkCatalog(app)` after declaring its constructs and before `app.synth()`: it reads, for each cloud the
 * images are applied with, the principal and the live catalog, then adds the Aspect to every stack.
 */
import { annotateConstruct } from './annotate.js';
import { Session } from '../client/session.js';
import { RunCatalog } from '../policy/changes.js';
import { overridesFromEnv, reportOnly } from '../policy/data.js';
import type { Violation } from '../policy/decision.js';
import { PolicyEngine, type EngineOptions } from '../policy/engine.js';
import { buildEnvelope, type Change, type Document, type Principal } from '../policy/envelope.js';
import { imageDescriptor } from '../resources/image/image.js';
import { Aspects, TerraformStack, type IAspect, type IConstruct } from './cdktn.js';
import { CatalogImage } from './image.js';
import { OpenstackProvider } from './openstack/provider/index.js';

/** Options of {@link checkCatalog}. */
export interface CheckCatalogOptions {
  /** Policy data overrides (merged over the bundled data, in order); default: the files IMAGE_CATALOG_POLICY_DATA names. */
  readonly overrides?: EngineOptions['overrides'];
}

/** What one cloud looks like to the policy. */
interface CloudView {
  readonly principal: Principal;
  readonly images: readonly Document[];
}

/**
 * The clouds.yaml cloud of each image: its provider's, else its stack's default provider's, else the
 * environment's (undefined). Each stack's construct tree is searched for its default provider once per call.
 */
function cloudsOfImages(images: readonly CatalogImage[]): Map<CatalogImage, string | undefined> {
  const defaults = new Map<TerraformStack, OpenstackProvider | undefined>();
  const stackDefault = (stack: TerraformStack): OpenstackProvider | undefined => {
    if (!defaults.has(stack))
      defaults.set(
        stack,
        stack.node.findAll().find((c): c is OpenstackProvider => c instanceof OpenstackProvider && c.alias === undefined),
      );
    return defaults.get(stack);
  };
  return new Map(images.map((image) => [image, (image.provider ?? stackDefault(TerraformStack.of(image)))?.cloud]));
}

const environment = '(environment)';

/** The Aspect: on each stack, decides its CatalogImages' creates as their clouds, and annotates the violations. */
export class CatalogPolicyAspect implements IAspect {
  constructor(
    private readonly engine: PolicyEngine,
    private readonly clouds: ReadonlyMap<string, CloudView>,
  ) {}

  visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const images = node.node.findAll().filter((c): c is CatalogImage => c instanceof CatalogImage);
    const groups = new Map<string, CatalogImage[]>();
    for (const [image, cloud] of cloudsOfImages(images)) {
      const key = cloud ?? environment;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [image]);
      else group.push(image);
    }
    for (const [key, group] of groups) {
      const view = this.clouds.get(key);
      if (view === undefined) {
        for (const image of group)
          annotateConstruct(
            image,
            'error',
            `cloud ${key} was not read before synth: call await checkCatalog(app) after declaring every construct`,
          );
        continue;
      }
      const byPath = new Map(group.map((image) => [image.node.path, image]));
      // The names this cloud's project already has: those images are updates or no-ops, decided by the gate.
      const known = new Set(view.images.filter((live) => live['owner'] === view.principal.project_id).map((live) => live['name']));
      const changes: Change[] = group
        .filter((image) => !known.has(image.name))
        .map((image) => ({
          address: image.node.path,
          kind: 'image',
          action: 'create',
          before: null,
          after: imageDescriptor.document(image.inputs),
        }));
      if (changes.length === 0) continue;
      const decision = this.engine.decide(buildEnvelope(view.principal, view.images, changes));
      for (const violation of decision.violations) annotate(byPath.get(violation.address) ?? node, violation);
    }
  }
}

/** One violation on its construct: `[rule] field: message (fix: remediation)`. */
function annotate(construct: IConstruct, v: Violation): void {
  const text = `catalog policy ${v.level} [${v.rule}]${v.field === '' ? '' : ` ${v.field}`}: ${v.message} (fix: ${v.remediation})`;
  // Reporting only (the pull-request check): synth goes on, and the plan's decision is the one that counts.
  annotateConstruct(construct, v.level === 'mandatory' && !reportOnly() ? 'error' : 'warning', text);
}

/**
 * Prepares the synth-time policy for `app`: the bundle, and for every cloud its CatalogImages are applied with,
 * the principal (from its token) and the live catalog; then adds {@link CatalogPolicyAspect} to every stack.
 * Call after declaring every construct, before `app.synth()`.
 */
export async function checkCatalog(app: IConstruct, options: CheckCatalogOptions = {}): Promise<void> {
  const images = app.node.findAll().filter((c): c is CatalogImage => c instanceof CatalogImage);
  const keys = [...new Set([...cloudsOfImages(images).values()].map((cloud) => cloud ?? environment))];
  const catalog = new RunCatalog();
  const [engine, views] = await Promise.all([
    PolicyEngine.load({ overrides: options.overrides ?? overridesFromEnv() }),
    Promise.all(
      keys.map(async (key): Promise<[string, CloudView]> => {
        const session = Session.forCloud(key === environment ? undefined : key);
        try {
          const [principal, documents] = await Promise.all([session.identity(), catalog.documents(key, session)]);
          return [key, { principal, images: documents }];
        } finally {
          await session.close();
        }
      }),
    ),
  ]);
  const aspect = new CatalogPolicyAspect(engine, new Map(views));
  for (const stack of app.node.findAll().filter((c) => TerraformStack.isStack(c))) Aspects.of(stack).add(aspect);
}
