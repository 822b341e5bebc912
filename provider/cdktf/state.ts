/**
 * A stack's local Terraform state as the gate finds it before a run: a deploy killed while tofu wrote its state
 * leaves a 0-byte (or cut-off) file beside tofu's own backup. tofu would stop on it with a parse error; the gate and
 * `npm run start:cdktf` stop before it and say the way back instead.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { synthesizedConfig } from './declared.js';

/** The local backend's state file of the stack folder `dir` (cdk.tf.json `terraform.backend.local.path`), if it has one. */
export function localStatePath(dir: string): string | undefined {
  let path: unknown;
  try {
    path = synthesizedConfig(dir)?.terraform?.backend?.local?.path;
  } catch {
    return undefined;
  }
  return typeof path === 'string' ? resolve(dir, path) : undefined;
}

/** What a state file holds, when it is one: its serial and how many resources. */
function describeState(file: string): { serial: number; resources: number } | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { serial?: unknown; resources?: unknown };
    if (typeof state.serial !== 'number') return undefined;
    return { serial: state.serial, resources: Array.isArray(state.resources) ? state.resources.length : 0 };
  } catch {
    return undefined;
  }
}

/**
 * Why the local state `file` cannot be used (empty, or not a state), with the way back: tofu's backup
 * (`<file>.backup`) when it is a state, else starting from an empty state and importing; undefined when the file is
 * absent (a first deploy) or readable.
 */
export function localStateProblem(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const empty = statSync(file).size === 0;
  if (!empty && describeState(file) !== undefined) return undefined;
  const what = empty ? 'is empty (0 bytes)' : 'is not a Terraform state (cut off, or not JSON)';
  const backup = `${file}.backup`;
  const kept = existsSync(backup) ? describeState(backup) : undefined;
  const way =
    kept === undefined
      ? `there is no backup of it: move it away (mv ${file} ${file}.broken) to start from an empty state, then import the ` +
        'images it held (tofu import openstack_images_image_v2.<name> <image id>)'
      : `tofu's backup ${backup} holds the state before that run (serial ${kept.serial}, ${kept.resources} resource(s)): ` +
        `put it back (cp ${backup} ${file}) and run again; what the interrupted run made after it is not in it`;
  return `the state ${file} ${what}: most likely a deploy was killed while tofu wrote it. Nothing was run; ${way}`;
}
