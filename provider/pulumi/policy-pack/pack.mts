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
import { ResourceInputError } from '../../resources/schema.js';
import { configure, decideAs, packChange } from '../runtime.js';
import { kindOfType, type Kind } from '../tokens.js';

/** One message to report, at its level. */
interface PackViolation {
  readonly level: 'mandatory' | 'advisory';
  readonly message: string;
}

/** Decides one resource. */
async function decideResource(kind: Kind, args: ResourceValidationArgs): Promise<PackViolation[]> {
  const cloud = args.getConfig<{ cloud?: string }>().cloud;
  configure({ get: (key) => (key === 'image-catalog:cloud' ? cloud : undefined) });
  let planned;
  try {
    // A pack's props are not plain objects (structuredClone refuses them): a JSON copy is.
    planned = await packChange(kind, args.urn, JSON.parse(JSON.stringify(args.props)) as Record<string, unknown>);
  } catch (err) {
    if (err instanceof ResourceInputError) return [{ level: 'mandatory', message: err.message }];
    throw err;
  }
  const decision = await decideAs(planned.cloud, [planned.change]);
  return decision.violations.map((v) => ({
    level: v.level,
    message: `${v.rule}: ${v.field === '' ? '' : `${v.field}: `}${v.message}\nfix: ${v.remediation}`,
  }));
}

// One decision per resource serves both policies.
const decisions = new Map<string, Promise<PackViolation[]>>();

function policy(level: 'mandatory' | 'advisory'): ResourceValidationPolicy {
  return {
    name: `image-catalog-${level}`,
    description: `The ${level} rules of the image-catalog policy bundle (naming, versioning, immutability, public visibility, required metadata).`,
    enforcementLevel: level,
    configSchema: {
      properties: {
        cloud: { type: 'string', description: 'The clouds.yaml cloud of resources that name none (default: OS_CLOUD / OS_*).' },
      },
    },
    validateResource: async (args, reportViolation) => {
      const kind = kindOfType(args.type);
      if (kind === undefined) return;
      let decided = decisions.get(args.urn);
      if (decided === undefined) {
        decided = decideResource(kind, args);
        decisions.set(args.urn, decided);
      }
      for (const violation of await decided) if (violation.level === level) reportViolation(violation.message);
    },
  };
}

new PolicyPack('image-catalog', { policies: [policy('mandatory'), policy('advisory')] });
