/** Runs the project's own commands the way a user does, capturing what they print. */
import { spawn } from 'node:child_process';
import { repoRoot } from '../../scripts/tools.js';

/** Exit code and output of one command. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cmd args` in the repository root; never rejects for a non-zero exit (tests assert the code). */
export function runCommand(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = repoRoot): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** `npm run lab -- ...` without npm's own noise. */
export function lab(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  return runCommand(process.execPath, ['--import', 'tsx', 'scripts/lab.ts', ...args], env);
}
