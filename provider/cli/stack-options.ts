/**
 * The options every command about one stack of a Pulumi project takes (--cwd, --stack, --state-dir), and the
 * target they name.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { StackTarget } from '../pulumi/automation.js';
import { essential } from '../pulumi/cli-failure.js';
import { UsageError } from './policy.js';

export interface StackOptions {
  readonly cwd: string;
  readonly stack: string;
  readonly stateDir?: string;
}

/** Adds --cwd, --stack and --state-dir. */
export function withStackOptions(command: Command): Command {
  return command
    .option('--cwd <dir>', 'the project folder (its Pulumi.yaml)', '.')
    .option('--stack <name>', 'the stack', 'dev')
    .option('--state-dir <dir>', 'a local file backend folder (default: the backend of PULUMI_BACKEND_URL or pulumi login)');
}

/** The stack the options name; a folder without Pulumi.yaml is a usage error. */
export function stackTarget(options: StackOptions): StackTarget {
  const cwd = resolve(options.cwd);
  if (!existsSync(join(cwd, 'Pulumi.yaml'))) throw new UsageError(`--cwd ${options.cwd}: no Pulumi.yaml there`);
  return { cwd, stack: options.stack, ...(options.stateDir === undefined ? {} : { stateDir: resolve(options.stateDir) }) };
}

/**
 * A failure of the pulumi CLI about a stack as a user reads it: its error lines, and the way on for what a first
 * user meets (no backend known, no such stack, no passphrase for its secrets).
 */
export function stackFailure(err: unknown): string {
  const message = essential(err instanceof Error ? err.message : String(err));
  const hint = /PULUMI_ACCESS_TOKEN|pulumi login/.test(message)
    ? "\n(the stack's backend: --state-dir DIR for a local folder, PULUMI_BACKEND_URL, or pulumi login)"
    : /no stack named/.test(message)
      ? '\n(the stack must exist in that backend: pulumi stack ls lists them, pulumi stack init makes one)'
      : /passphrase/i.test(message)
        ? "\n(the stack's secrets need its passphrase: PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)"
        : '';
  return `${message}${hint}`;
}
