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
import { formatDecision, type Decision } from '../policy/decision.js';
import type { Change, ChangeAction } from '../policy/envelope.js';
import { openStack, runStack, type Program, type StackTarget } from '../pulumi/automation.js';
import { kindOfType } from '../pulumi/tokens.js';
import { UsageError } from './policy.js';
import { stackTarget, withStackOptions, type StackOptions } from './stack-options.js';

/** Pulumi's step ops as envelope actions (replace steps come as several; one replace per URN). */
function actionOf(op: string): ChangeAction | undefined {
  if (op === 'create') return 'create';
  if (op === 'update') return 'update';
  if (op === 'delete') return 'delete';
  if (op === 'replace' || op === 'create-replacement' || op === 'delete-replaced') return 'replace';
  return undefined;
}

/** The result of a whole-plan decision. */
export interface PlanDecision {
  /** One decision per cloud that applies changes ('(stack default)' for the stack's cloud). */
  readonly decisions: readonly { readonly cloud: string; readonly changes: number; readonly decision: Decision }[];
  readonly allowed: boolean;
}

/** Runs the preview and decides its plan. */
export async function previewPlan(target: StackTarget, program: Program): Promise<PlanDecision> {
  const stack = await openStack({ ...target, env: { ...target.env, IMAGE_CATALOG_POLICY_MODE: 'report' } }, program);
  const config = await stack.getAllConfig();
  const runtime = await import('../pulumi/runtime.js');
  runtime.configure({ get: (key) => config[key]?.value });

  const steps: StepEventMetadata[] = [];
  const collect = (event: EngineEvent): void => {
    const step = event.resourcePreEvent?.metadata;
    if (step !== undefined) steps.push(step);
  };
  // The plan is decided below, per cloud, as a whole: the preview itself only reports.
  const run = await runStack(stack, 'preview', { onEvent: collect, decidePlan: false });
  if (!run.ok) {
    const why = run.errors.map((e) => e.message).join('\n') || (run.failure ?? 'unknown failure');
    throw new Error(`pulumi preview failed:\n${why}`);
  }

  // One change per URN: a replace comes as several steps (create-replacement, replace, delete-replaced), and the
  // old state (the image replaced, whose name the replacement may keep) is on some of them only.
  const planned = new Map<string, { action: ChangeAction; type: string; old?: StepEventMetadata['old']; new?: StepEventMetadata['new'] }>();
  for (const step of steps) {
    const action = actionOf(step.op);
    if (action === undefined) continue;
    const known = planned.get(step.urn);
    const old = known?.old ?? step.old;
    const next = known?.new ?? step.new;
    planned.set(step.urn, {
      action: known?.action ?? action,
      type: step.type,
      ...(old === undefined ? {} : { old }),
      ...(next === undefined ? {} : { new: next }),
    });
  }
  const byCloud = new Map<string, Change[]>();
  for (const [urn, step] of planned) {
    const { action } = step;
    const kind = kindOfType(step.new?.type ?? step.old?.type ?? step.type);
    if (kind === undefined) continue;
    const olds = action === 'create' ? undefined : (step.old?.outputs as Record<string, unknown> | undefined);
    const news = action === 'delete' ? undefined : (step.new?.inputs as Record<string, unknown> | undefined);
    const { cloud, change } = await runtime.planChange(kind, action, step.old?.id, olds, news, urn);
    const key = cloud ?? '';
    byCloud.set(key, [...(byCloud.get(key) ?? []), change]);
  }
  const decisions = [];
  for (const [cloud, changes] of byCloud) {
    decisions.push({
      cloud: cloud === '' ? '(stack default)' : cloud,
      changes: changes.length,
      decision: await runtime.decideAs(cloud === '' ? undefined : cloud, changes),
    });
  }
  return { decisions, allowed: decisions.every((d) => d.decision.allowed) };
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
      const cwd = target.cwd;
      const file = resolve(cwd, options.program ?? 'index.ts');
      if (!existsSync(file)) throw new UsageError(`--program ${file}: no such file`);
      const main = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
      if (typeof main !== 'function') throw new UsageError(`--program ${file}: its default export is not a function (the program)`);
      let plan: PlanDecision;
      try {
        plan = await previewPlan(target, main as Program);
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
