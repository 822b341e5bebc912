/**
 * `image-catalog plan-check <plan.json>`: the catalog policy for anyone who runs tofu or terraform with
 * terraform-provider-openstack directly (HCL included): the plan's image, share and acceptance changes, and each
 * server or volume it makes from an image (`tofu show -json <planfile>`), decided by ../cdktf/decide.ts, each as the cloud that applies it (its provider
 * configuration's `cloud`, or --cloud for all), against what Glance has. Exit 0 allowed, 1 blocked, 2 unusable
 * input or no decision (fail closed).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { decidePlan, type PlanJson } from '../cdktf/decide.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import { readOverrides, UsageError } from './policy.js';

/** A plan's JSON; anything else is a usage error. */
export function readPlan(file: string): PlanJson {
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
  if (typeof plan !== 'object' || plan === null || !('format_version' in plan)) {
    throw new UsageError(`${file}: not a plan's JSON (no format_version); give the output of tofu show -json <planfile>`);
  }
  const changes = (plan as { resource_changes?: unknown }).resource_changes;
  if (changes !== undefined && !Array.isArray(changes)) throw new UsageError(`${file}: resource_changes is not a list`);
  return plan as PlanJson;
}

/** Decides a plan file: the decision (undefined when no change of the catalog's types), its notes and the exit code. */
export async function planCheck(options: {
  plan: string;
  cloud?: string;
  data?: string[];
}): Promise<{ decision: Decision | undefined; changes: number; notes: readonly string[]; code: 0 | 1 }> {
  const plan = readPlan(options.plan);
  const overrides = readOverrides(options.data ?? []);
  let decided: Awaited<ReturnType<typeof decidePlan>>;
  try {
    decided = await decidePlan(plan, { overrides, ...(options.cloud === undefined ? {} : { cloud: options.cloud }) });
  } catch (err) {
    // No token, no catalog, no bundle: the plan is not decided, which is not "allowed" and not "blocked" either.
    throw new UsageError(`could not decide the plan (nothing is allowed without a decision): ${(err as Error).message}`);
  }
  const code = decided.decision === undefined || decided.decision.allowed ? 0 : 1;
  return { decision: decided.decision, changes: decided.changes.length, notes: decided.notes, code };
}

/** Registers `plan-check`. */
export function registerPlanCheck(program: Command): void {
  program
    .command('plan-check')
    .argument('<plan>', "the plan's JSON: tofu show -json <planfile> > plan.json (or - for standard input)")
    .description(
      "Decide a Terraform/OpenTofu plan's image, share and acceptance changes, and the servers and volumes it makes from images " +
        '(terraform-provider-openstack: a revoked image or one past its end of life is refused, a deprecated one warned), with the catalog policy, ' +
        'as the cloud that applies them (its token is the principal; the live catalog is what it sees). Exit 0 allowed, 1 blocked, 2 unusable input or no decision (no token, no catalog).',
    )
    .option(
      '--cloud <name>',
      "the clouds.yaml cloud that applies every change (default: the cloud of each resource's provider configuration, else OS_CLOUD / OS_*)",
    )
    .option('--data <file...>', 'policy data overrides (YAML or JSON), merged over the bundled policies/data.json')
    .option('--format <format>', 'text (default) or json (the decision)', 'text')
    .action(async (plan: string, options: { cloud?: string; data?: string[]; format: string }) => {
      const checked = await planCheck({ plan, ...options });
      if (options.format === 'json') {
        const report = { changes: checked.changes, notes: checked.notes, decision: checked.decision ?? null };
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        process.stdout.write(checked.notes.map((note) => `note: ${note}\n`).join(''));
        process.stdout.write(
          checked.decision === undefined
            ? 'no change of an image, share or acceptance, and no server or volume made from an image, in this plan: nothing to decide\n'
            : `# ${checked.changes} change(s) of the catalog and of what is made from it in this plan\n${formatDecision(checked.decision)}`,
        );
      }
      process.exitCode = checked.code;
    });
}
