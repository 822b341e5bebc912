/**
 * `image-catalog preview`: previews a Pulumi project through the Automation API and decides its whole plan (every
 * step of this package's resources, deletes included, which the providers cannot see in a preview) as `up` does
 * before it applies anything: one envelope per cloud that applies changes, each change built by the provider
 * runtime's one change builder. The path the pull-request check uses. With `--refresh`, the state is read from the
 * Image Service first, so drift (a hand edit) is in the plan and putting it back is decided.
 * Exit codes: 0 allowed, 1 blocked, 2 the preview itself failed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { loadAutomation } from './pulumi-sdk.js';
import { formatDecision, type Decision } from '../policy/decision.js';
import type { PlanStep, Program, StackTarget } from '../pulumi/automation.js';
import { isYamlProject } from '../pulumi/project.js';
import type { LoggedChange } from '../policy/summary.js';
import { UsageError } from './policy.js';
import { stackFailure, stackTarget, withStackOptions, type StackOptions } from './stack-options.js';

/** The result of a whole-plan decision. */
export interface PlanDecision {
  /** One decision per cloud that applies changes ('(environment)' when none is named: OS_*). */
  readonly decisions: readonly {
    readonly cloud: string;
    readonly changes: number;
    /** The changes decided, as logged (names and lifecycles). */
    readonly logged: readonly LoggedChange[];
    readonly decision: Decision;
    /** The URN of each change's resource, by its address (where the program declares it). */
    readonly urns: Readonly<Record<string, string>>;
  }[];
  /** Creates refused because another resource owns what they would make (a store, a name), each with the ways out. */
  readonly refused: readonly string[];
  readonly allowed: boolean;
  /** Each resource's step (URN, type, the engine's op): an adopted project's first preview is imports and sames only. */
  readonly steps: readonly PlanStep[];
}

/**
 * Runs the preview and decides its plan (`existing`: the stack must exist; else it is made, as pulumi preview
 * would; `refresh`: read the state from the Image Service first; `policy`: the stack config image-catalog:policy
 * to decide with instead of the stack's own, as JSON text or undefined for none: a base commit's).
 */
export async function previewPlan(
  target: StackTarget,
  /** The program (undefined: the project's own, a Pulumi YAML one). */
  program: Program | undefined,
  options: { existing?: boolean; refresh?: boolean; policy?: { readonly value: string | undefined } } = {},
): Promise<PlanDecision> {
  // Loaded here, not with the CLI: @pulumi/pulumi takes about a second to load, which no other command needs.
  const { openStack, previewStack } = await loadAutomation();
  const stack = await openStack(target, program, options.existing === true ? { existing: true } : {});
  const policy = options.policy;
  const config = stack.getAllConfig().then((all) => {
    if (policy === undefined) return all;
    const rest = Object.fromEntries(Object.entries(all).filter(([key]) => key !== 'image-catalog:policy'));
    return policy.value === undefined ? rest : { ...rest, 'image-catalog:policy': { value: policy.value, secret: false } };
  });
  config.catch(() => undefined);
  const run = await previewStack(
    stack,
    {
      ...(options.refresh === true ? { refresh: true } : {}),
      // What a local preview decides with is said; pr-check decides with the base commit's data and says so itself.
      ...(options.policy === undefined ? { onNotice: (line: string) => process.stderr.write(`image-catalog preview: ${line}\n`) } : {}),
    },
    config,
  );
  if (run.plan === undefined) {
    const why = run.errors.map((e) => e.message).join('\n') || (run.failure ?? 'unknown failure');
    throw new Error(`pulumi preview failed:\n${why}`);
  }
  const decisions = run.plan.decisions.map((d) => ({
    cloud: d.cloud,
    changes: d.changes.length,
    logged: d.changes,
    decision: d.decision,
    urns: Object.fromEntries(d.urns),
  }));
  return { decisions, refused: run.plan.refused, allowed: run.plan.allowed, steps: run.plan.steps };
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
      'Preview a Pulumi project (Automation API; TypeScript, or Pulumi YAML through pulumi-language-yaml) and decide its whole plan (creates, updates, replaces and deletes) with the catalog policy, ' +
        'one envelope per cloud that applies changes. Exit 0 when allowed, 1 when blocked, 2 when the preview cannot run.',
    )
    .option(
      '--program <file>',
      'the program module whose default export is the program (default: <cwd>/index.ts; a Pulumi YAML project needs none)',
    )
    .option('--format <format>', "text (default) or json (the decisions, and each resource's step: URN, type, op)", 'text')
    .option('--refresh', 'read every resource from the Image Service first, so that drift (a hand edit) is in the plan')
    .action(async (options: StackOptions & { program?: string; format: string; refresh?: boolean }) => {
      const target = stackTarget(options);
      // A Pulumi YAML project is its own program (pulumi-language-yaml runs it); a Node one is loaded here.
      const program = isYamlProject(target.cwd) ? undefined : await loadProgram(resolve(target.cwd, options.program ?? 'index.ts'));
      let plan: PlanDecision;
      try {
        // The stack must exist: a mistyped --stack must not make one in the backend (pulumi preview refuses it too).
        plan = await previewPlan(target, program, { existing: true, refresh: options.refresh === true });
      } catch (err) {
        if (err instanceof UsageError) throw err;
        process.stderr.write(`image-catalog preview: ${stackFailure(err)}\n`);
        process.exitCode = 2;
        return;
      }
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      else {
        // The plan's steps by op (an adopted project's first preview: imports only, which decide nothing).
        const ops = new Map<string, number>();
        for (const step of plan.steps) ops.set(step.op, (ops.get(step.op) ?? 0) + 1);
        process.stdout.write(`plan: ${[...ops].map(([op, n]) => `${String(n)} ${op}`).join(', ') || 'no resource'}\n`);
        if (plan.decisions.length === 0) process.stdout.write('no change of an image-catalog resource to decide\n');
        for (const d of plan.decisions) {
          // Each change decided: what happens to which resource (and the image name it brings or removes).
          const listed = d.logged
            .map((c) => `  ${c.action.padEnd(7)} ${c.address}${c.name === undefined ? '' : ` (${c.name})`}\n`)
            .join('');
          process.stdout.write(`# ${d.changes} change(s) applied by cloud ${d.cloud}\n${listed}${formatDecision(d.decision)}\n`);
        }
        for (const refusal of plan.refused) process.stdout.write(`refused: ${refusal}\n`);
      }
      process.exitCode = plan.allowed ? 0 : 1;
    });
}
