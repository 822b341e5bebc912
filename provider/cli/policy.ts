/**
 * `image-catalog policy eval|test`. `eval` is called by other tools: its output (the decision JSON) and exit
 * codes (0 allowed, 1 blocked, 2 unusable arguments) are a stable contract.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readOverrideFile, type PolicyDataOverride } from '../policy/data.js';
import { blocked, formatDecision, type Decision } from '../policy/decision.js';
import { PolicyEngine } from '../policy/engine.js';
import { CloudConfigError, ImageServiceError } from '../client/errors.js';
import { Session } from '../client/session.js';
import { PolicyBundleError, PolicyDataError, PolicyEvaluationError } from '../policy/errors.js';

/** Thrown for arguments the command cannot use: exit 2. */
export class UsageError extends Error {}

/** A session with `cloud` (else OS_CLOUD / OS_*); a cloud that cannot be configured is a usage error (exit 2). */
export function cloudSession(cloud?: string): Session {
  try {
    return Session.forCloud(cloud);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Whether a failure lies in what a command was given rather than in the command (exit 2): a cloud that cannot be
 * configured, reached or listed, bad policy data, a live catalog the policy cannot read.
 */
export function isUnusableInput(err: unknown): err is Error {
  return (
    err instanceof ImageServiceError ||
    err instanceof CloudConfigError ||
    err instanceof PolicyDataError ||
    err instanceof PolicyEvaluationError
  );
}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--input ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    // Not JSON is a document the policy cannot read: that blocks (exit 1), like any other bad envelope.
    return { $unreadable: (err as Error).message };
  }
}

/** The policy data overrides of `--data` files; an unreadable or invalid one is a usage error. */
export function readOverrides(files: readonly string[]): PolicyDataOverride[] {
  const overrides: PolicyDataOverride[] = [];
  for (const file of files) {
    try {
      overrides.push(readOverrideFile(file));
    } catch (err) {
      if (err instanceof PolicyDataError) throw new UsageError(err.message);
      throw new UsageError(`--data ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  return overrides;
}

export async function evalCommand(options: { input: string; data?: string[] }): Promise<{ decision: Decision; code: 0 | 1 }> {
  const overrides = readOverrides(options.data ?? []);
  const input = readInput(options.input);
  let engine: PolicyEngine;
  try {
    engine = await PolicyEngine.load({ overrides });
  } catch (err) {
    if (err instanceof PolicyDataError) throw new UsageError(err.message);
    if (err instanceof PolicyBundleError) {
      return {
        decision: blocked(
          '(bundle)',
          [{ field: '', message: err.message }],
          'Reinstall image-catalog, or run npm run policy:build in a checkout.',
        ),
        code: 1,
      };
    }
    throw err;
  }
  const decision =
    typeof input === 'object' && input !== null && '$unreadable' in input
      ? blocked(
          '(envelope)',
          [{ field: '', message: `--input ${options.input} is not JSON: ${String(input.$unreadable)}` }],
          'Pass the envelope as JSON.',
        )
      : engine.decide(input);
  return { decision, code: decision.allowed ? 0 : 1 };
}

/** Registers `policy eval` and `policy test`. */
export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('The catalog policy bundle (Rego compiled to Wasm, evaluated in-process).');

  policy
    .command('eval')
    .description(
      'Decide a change envelope (schemas/policy-input.schema.json) and print the decision as JSON: ' +
        '{allowed, violations: [{rule, level, address, field, message, remediation}]}. ' +
        'Exit 0 when allowed, 1 when blocked (a mandatory violation, an envelope that does not fit its schema, a bundle that fails to load), ' +
        '2 for unusable arguments.',
    )
    .requiredOption('--input <file>', 'the envelope as JSON ("-" for standard input)')
    .option(
      '--data <file>',
      'policy data overrides (JSON or YAML), merged over policies/data.json; repeatable',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option('--format <format>', 'json (default, the stable contract) or text (one block per violation)', 'json')
    .action(async (options: { input: string; data?: string[]; format: string }) => {
      if (options.format !== 'json' && options.format !== 'text') throw new UsageError(`--format ${options.format}: use json or text`);
      const { decision, code } = await evalCommand(options);
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(decision, null, 2)}\n` : formatDecision(decision));
      process.exitCode = code;
    });

  policy
    .command('test')
    .description(
      'Run Rego tests with `opa test` (the opa CLI on PATH; in a checkout of image-catalog, npm run toolchain builds it): ' +
        'by default the policies/ folder of the current directory. Extra arguments go to opa test.',
    )
    .allowUnknownOption()
    .option('--dir <dir>', 'the folder of Rego policies and their tests', 'policies')
    .argument('[opa-args...]')
    .action((args: string[], options: { dir: string }) => {
      if (!existsSync(options.dir)) throw new UsageError(`--dir ${options.dir}: no such folder`);
      const ran = spawnSync('opa', ['test', ...args, options.dir], { stdio: 'inherit' });
      if (ran.error !== undefined)
        throw new UsageError(`opa is not on PATH (${ran.error.message}): install OPA 1.x, or run npm run toolchain in a checkout`);
      process.exitCode = ran.status ?? 1;
    });
}
