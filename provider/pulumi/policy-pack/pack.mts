/**
 * The image-catalog policy bundle as a CrossGuard policy pack (loaded through ./index.js). For each resource of
 * this package, the change as a policy pack can see it (../runtime.ts packChange: new inputs only, a live image
 * of the same name makes it an update) is decided by the same Wasm bundle as the providers, with the principal of
 * the cloud that applies it and the live catalog. Two policies report the mandatory and the advisory violations.
 *
 * Pack config `cloud` (or OS_CLOUD / OS_*) names the cloud of resources that name none: the stack's
 * `image-catalog:cloud` is not visible to a pack.
 */
import { PolicyPack, type ResourceValidationArgs, type ResourceValidationPolicy } from '@pulumi/policy';
import { ruleIds } from '../../policy/decision.js';
import { ResourceInputError } from '../../resources/schema.js';
import { ProviderRuntime } from '../runtime.js';
import { kindOfType, type Kind } from '../tokens.js';

/** One message to report, at its level. */
interface PackViolation {
  readonly level: 'mandatory' | 'advisory';
  readonly message: string;
}

/** What the pack's process keeps: one runtime per pack cloud (one for a whole run), one decision per resource. */
class PackHost {
  private readonly runtimes = new Map<string, ProviderRuntime>();
  /** One decision per resource serves both policies. */
  readonly decisions = new Map<string, Promise<PackViolation[]>>();

  runtimeFor(cloud: string | undefined): ProviderRuntime {
    let runtime = this.runtimes.get(cloud ?? '');
    if (runtime === undefined) {
      runtime = new ProviderRuntime({ config: { get: (key) => (key === 'image-catalog:cloud' ? cloud : undefined) } });
      this.runtimes.set(cloud ?? '', runtime);
    }
    return runtime;
  }
}

const host = new PackHost();

/** Decides one resource. */
async function decideResource(kind: Kind, args: ResourceValidationArgs): Promise<PackViolation[]> {
  const runtime = host.runtimeFor(args.getConfig<{ cloud?: string }>().cloud);
  let planned;
  try {
    // A pack's props are not plain objects (structuredClone refuses them): a JSON copy is.
    planned = await runtime.packChange(kind, args.urn, JSON.parse(JSON.stringify(args.props)) as Record<string, unknown>);
  } catch (err) {
    if (err instanceof ResourceInputError) return [{ level: 'mandatory', message: err.message }];
    throw err;
  }
  const decision = await runtime.decideAs(planned.cloud, [planned.change]);
  return decision.violations.map((v) => ({
    level: v.level,
    message: `${v.rule}: ${v.field === '' ? '' : `${v.field}: `}${v.message}\nfix: ${v.remediation}`,
  }));
}

function policy(level: 'mandatory' | 'advisory'): ResourceValidationPolicy {
  return {
    name: `image-catalog-${level}`,
    description: `The ${level} rules of the image-catalog policy bundle (${ruleIds.join(', ')}).`,
    enforcementLevel: level,
    configSchema: {
      properties: {
        cloud: { type: 'string', description: 'The clouds.yaml cloud of resources that name none (default: OS_CLOUD / OS_*).' },
      },
    },
    validateResource: async (args, reportViolation) => {
      const kind = kindOfType(args.type);
      if (kind === undefined) return;
      let decided = host.decisions.get(args.urn);
      if (decided === undefined) {
        decided = decideResource(kind, args);
        host.decisions.set(args.urn, decided);
      }
      for (const violation of await decided) if (violation.level === level) reportViolation(violation.message);
    },
  };
}

new PolicyPack('image-catalog', { policies: [policy('mandatory'), policy('advisory')] });
