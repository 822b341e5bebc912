/**
 * The options every command about one stack of a Pulumi project takes (--cwd, --stack, --state-dir), and the
 * target they name.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { StackTarget } from '../pulumi/automation.js';
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
