/**
 * `image-catalog plan-check <plan.json>`: the catalog policy for anyone who runs tofu or terraform with
 * terraform-provider-openstack directly (HCL included): the plan's image, share and acceptance changes
 * (`tofu show -json <planfile>`, ../cdktf/plan.ts) decided as one envelope, with the principal of the cloud that
 * applies them and the live catalog it sees. Exit 0 allowed, 1 blocked, 2 unusable input.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { planChanges, type PlanResourceChange } from '../cdktf/plan.js';
import { Session } from '../client/session.js';
import { RunCatalog } from '../policy/changes.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import { PolicyEngine } from '../policy/engine.js';
import { buildEnvelope } from '../policy/envelope.js';
import { readOverrides, UsageError } from './policy.js';

/** The resource changes of a plan's JSON; anything else is a usage error. */
function readPlan(file: string): PlanResourceChange[] {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${(err as Error).message}); give the output of tofu show -json <planfile>`);
  }
  const changes = (plan as { resource_changes?: unknown } | null)?.resource_changes;
  if (typeof plan !== 'object' || plan === null || !('format_version' in plan)) {
    throw new UsageError(`${file}: not a plan's JSON (no format_version); give the output of tofu show -json <planfile>`);
  }
  return Array.isArray(changes) ? (changes as PlanResourceChange[]) : [];
}

/** Decides a plan file: the decision (undefined when no change of the catalog's types) and the exit code. */
export async function planCheck(options: {
  plan: string;
  cloud?: string;
  data?: string[];
}): Promise<{ decision: Decision | undefined; changes: number; code: 0 | 1 }> {
  const changes = planChanges(readPlan(options.plan));
  if (changes.length === 0) return { decision: undefined, changes: 0, code: 0 };
  const overrides = readOverrides(options.data ?? []);
  const session = Session.forCloud(options.cloud);
  try {
    const [engine, principal, images] = await Promise.all([
      PolicyEngine.load({ overrides }),
      session.identity(),
      new RunCatalog().documents(options.cloud ?? '(environment)', session),
    ]);
    const decision = engine.decide(buildEnvelope(principal, images, changes));
    return { decision, changes: changes.length, code: decision.allowed ? 0 : 1 };
  } finally {
    await session.close();
  }
}

/** Registers `plan-check`. */
export function registerPlanCheck(program: Command): void {
  program
    .command('plan-check')
    .argument('<plan>', "the plan's JSON: tofu show -json <planfile> > plan.json (or - for standard input)")
    .description(
      "Decide a Terraform/OpenTofu plan's image, share and acceptance changes (terraform-provider-openstack) with the catalog policy, " +
        'as the cloud that applies them (its token is the principal; the live catalog is what it sees). Exit 0 allowed, 1 blocked, 2 unusable input.',
    )
    .option('--cloud <name>', 'the clouds.yaml cloud that applies the plan (default: OS_CLOUD / OS_*)')
    .option('--data <file...>', 'policy data overrides (YAML or JSON), merged over the bundled policies/data.json')
    .option('--format <format>', 'text (default) or json (the decision)', 'text')
    .action(async (plan: string, options: { cloud?: string; data?: string[]; format: string }) => {
      const checked = await planCheck({ plan, ...options });
      if (options.format === 'json')
        process.stdout.write(`${JSON.stringify({ changes: checked.changes, decision: checked.decision ?? null }, null, 2)}\n`);
      else if (checked.decision === undefined)
        process.stdout.write('no change of an image, share or acceptance in this plan: nothing to decide\n');
      else process.stdout.write(`# ${checked.changes} change(s) of the catalog in this plan\n${formatDecision(checked.decision)}`);
      process.exitCode = checked.code;
    });
}
