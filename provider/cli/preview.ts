/**
 * `image-catalog preview`: previews a Pulumi project through the Automation API, turns every step of this
 * package's resources (deletes included, which the providers cannot see in a preview) into one envelope per
 * cloud that applies them, and decides each as a whole. The path the pull-request check uses.
 *
 * The steps come from the engine's events (each resource's planned step, with its old outputs and new inputs).
 * During that preview the providers only report (IMAGE_CATALOG_POLICY_MODE=report), so the plan is complete
 * and the decision here is the one that counts. Exit codes: 0 allowed, 1 blocked, 2 the preview itself failed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EngineEvent, StepEventMetadata } from '@pulumi/pulumi/automation/index.js';
import type { Command } from 'commander';
import { loadAutomation } from './pulumi-sdk.js';
import { policyModeVariable } from '../policy/data.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import type { Change } from '../policy/envelope.js';
import type { Program, StackTarget } from '../pulumi/automation.js';
import { UsageError } from './policy.js';
import { stackTarget, withStackOptions, type StackOptions } from './stack-options.js';

/** The result of a whole-plan decision. */
export interface PlanDecision {
  /** One decision per cloud that applies changes ('(stack default)' for the stack's cloud). */
  readonly decisions: readonly { readonly cloud: string; readonly changes: number; readonly decision: Decision }[];
  readonly allowed: boolean;
}

/** Runs the preview and decides its plan (`existing`: the stack must exist; else it is made, as pulumi preview would). */
export async function previewPlan(target: StackTarget, program: Program, options: { existing?: boolean } = {}): Promise<PlanDecision> {
  // Loaded here, not with the CLI: @pulumi/pulumi takes about a second to load, which no other command needs.
  const { asThePlugin, decidePlanned, openStack, planChanges, runStack, warmUp } = await loadAutomation();
  const stack = await openStack({ ...target, env: { ...target.env, [policyModeVariable]: 'report' } }, program, options);
  const steps: StepEventMetadata[] = [];
  const collect = (event: EngineEvent): void => {
    const step = event.resourcePreEvent?.metadata;
    if (step !== undefined) steps.push(step);
  };
  // While the engine previews: the stack's config (a pulumi CLI call) and the runtime the decision needs.
  const config = stack.getAllConfig();
  const warm = warmUp();
  // The plan is decided below, per cloud, as a whole: the preview itself only reports.
  const run = await runStack(stack, 'preview', { onEvent: collect, decidePlan: false });
  await warm;
  if (!run.ok) {
    const why = run.errors.map((e) => e.message).join('\n') || (run.failure ?? 'unknown failure');
    throw new Error(`pulumi preview failed:\n${why}`);
  }
  const decisions = await asThePlugin(
    stack,
    async () => {
      const byCloud = new Map<string, Change[]>();
      for (const { cloud, change } of await planChanges(steps)) {
        const key = cloud ?? '';
        byCloud.set(key, [...(byCloud.get(key) ?? []), change]);
      }
      const decided = [];
      for (const [cloud, changes] of byCloud) {
        decided.push({
          cloud: cloud === '' ? '(stack default)' : cloud,
          changes: changes.length,
          decision: await decidePlanned(cloud === '' ? undefined : cloud, changes),
        });
      }
      return decided;
    },
    config,
  );
  return { decisions, allowed: decisions.every((d) => d.decision.allowed) };
}

/** The program module's default export (the inline program); a usage error when there is none. */
export async function loadProgram(file: string): Promise<Program> {
  if (!existsSync(file)) throw new UsageError(`--program ${file}: no such file`);
  const main = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  if (typeof main !== 'function') throw new UsageError(`--program ${file}: its default export is not a function (the program)`);
  return main as Program;
}

/** Registers `preview`. */
export function registerPreview(program: Command): void {
  withStackOptions(program.command('preview'))
    .description(
      'Preview a Pulumi project (Automation API) and decide its whole plan (creates, updates, replaces and deletes) with the catalog policy, ' +
        'one envelope per cloud that applies changes. Exit 0 when allowed, 1 when blocked, 2 when the preview cannot run.',
    )
    .option('--program <file>', 'the program module whose default export is the program (default: <cwd>/index.ts)')
    .option('--format <format>', 'text (default) or json (the decisions)', 'text')
    .action(async (options: StackOptions & { program?: string; format: string }) => {
      const target = stackTarget(options);
      const program = await loadProgram(resolve(target.cwd, options.program ?? 'index.ts'));
      let plan: PlanDecision;
      try {
        plan = await previewPlan(target, program);
      } catch (err) {
        if (err instanceof UsageError) throw err;
        process.stderr.write(`${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      else if (plan.decisions.length === 0) process.stdout.write('no change of an image-catalog resource: nothing to decide\n');
      else
        for (const d of plan.decisions)
          process.stdout.write(`# ${d.changes} change(s) applied by cloud ${d.cloud}\n${formatDecision(d.decision)}\n`);
      process.exitCode = plan.allowed ? 0 : 1;
    });
}
