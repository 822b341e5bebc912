/**
 * Runs the real `pulumi` CLI on a program that this Node process hosts, the way Pulumi's Automation API runs an
 * inline program: a language-runtime gRPC server here, and `pulumi <command> --client=<address>` so the CLI asks
 * this process to run the program instead of starting `pulumi-language-nodejs`. The CLI's own flags and output
 * (`--yes`, `--json`, `--diff`) are unchanged.
 *
 * Why: `pulumi-language-nodejs` cannot be built on machines whose Go module proxy does not serve it (see
 * docs/pulumi.md); this path needs only `pulumi` and `pulumi-resource-pulumi-nodejs`, both of the pinned version.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { locateTool, repoRoot, toolEnv, type ToolStatus } from '../../scripts/tools.js';

const require = createRequire(import.meta.url);

/** The program: what a Pulumi.yaml project's main module would export as its default function. */
export type Program = () => Promise<Record<string, unknown> | undefined>;

interface LanguageServerLike {
  onPulumiExit(hasError: boolean): void;
}

/** Where and as which stack a command runs. */
export interface StackTarget {
  /** The project folder (its Pulumi.yaml). */
  readonly cwd: string;
  readonly stack: string;
  /** The state backend folder (a local file backend). */
  readonly stateDir: string;
  /** Extra environment for the CLI and the provider process it starts. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What a CLI run gave. */
export interface PulumiRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The default state folder of a project: `.pulumi-state/` beside its Pulumi.yaml. */
export function defaultStateDir(cwd: string = repoRoot): string {
  return join(cwd, '.pulumi-state');
}

/**
 * The environment of the CLI: the pinned tools first on PATH, offline, the local file backend, and a passphrase
 * for the stack's secrets (PULUMI_CONFIG_PASSPHRASE when set; the lab's documented default otherwise).
 */
async function pulumiEnv(target: StackTarget): Promise<NodeJS.ProcessEnv> {
  mkdirSync(target.stateDir, { recursive: true });
  const { dirs, vars } = await tools();
  const outer = { ...process.env, ...target.env };
  const base: NodeJS.ProcessEnv = { ...outer, ...vars, PATH: [dirs, outer['PATH'] ?? ''].filter((p) => p !== '').join(delimiter) };
  return {
    ...base,
    PULUMI_BACKEND_URL: pathToFileURL(target.stateDir).href,
    PULUMI_CONFIG_PASSPHRASE: base['PULUMI_CONFIG_PASSPHRASE'] ?? 'image-catalog-lab',
    PULUMI_SKIP_CONFIRMATIONS: 'true',
    // pulumi-resource-pulumi-nodejs finds @pulumi/pulumi from its working directory (the project's): a project
    // outside this checkout resolves it from here.
    NODE_PATH: [join(repoRoot, 'node_modules'), base['NODE_PATH'] ?? ''].filter((p) => p !== '').join(delimiter),
  };
}

interface Located {
  readonly pulumi: ToolStatus;
  /** The tools' folders, for PATH. */
  readonly dirs: string;
  /** The other variables the tools run with (offline pulumi, tofu's mirror). */
  readonly vars: NodeJS.ProcessEnv;
}

let located: Promise<Located> | undefined;

/** The pinned tools, found once per process (finding them probes every binary's version: about a second). */
function tools(): Promise<Located> {
  located ??= (async () => {
    const { PATH: dirs = '', ...vars } = await toolEnv({});
    return { pulumi: await locateTool('pulumi'), dirs: dirs.replace(new RegExp(`${delimiter}$`), ''), vars };
  })();
  return located;
}

/** Options of one CLI run. */
export interface RunOptions {
  /** Hosts this program for the run (`--client`); omit for commands that run no program. */
  readonly program?: Program;
  /** Copies the CLI's stdout/stderr to this process's as they arrive (default true). */
  readonly echo?: boolean;
}

async function hostProgram(program: Program): Promise<{ address: string; close: (hasError: boolean) => void }> {
  const { LanguageServer } = require('@pulumi/pulumi/automation/server.js') as {
    LanguageServer: new (program: Program) => LanguageServerLike & grpc.UntypedServiceImplementation;
  };
  const services = require('@pulumi/pulumi/proto/language_grpc_pb.js') as { LanguageRuntimeService: grpc.ServiceDefinition };
  const { grpcChannelOptions } = require('@pulumi/pulumi/runtime/settings.js') as { grpcChannelOptions: grpc.ChannelOptions };
  const server = new grpc.Server(grpcChannelOptions);
  const language = new LanguageServer(program);
  server.addService(services.LanguageRuntimeService, language);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err === null ? resolve(p) : reject(err)));
  });
  return {
    address: `127.0.0.1:${port}`,
    close: (hasError) => {
      language.onPulumiExit(hasError);
      server.forceShutdown();
    },
  };
}

/** Runs `pulumi <args>` for the target stack; with a program, hosts it for the run. */
export async function runPulumi(target: StackTarget, args: readonly string[], options: RunOptions = {}): Promise<PulumiRun> {
  const { pulumi } = await tools();
  if (!pulumi.ok) throw new Error(`pulumi ${pulumi.version} is needed: ${pulumi.reason}`);
  const env = await pulumiEnv(target);
  const host = options.program === undefined ? undefined : await hostProgram(options.program);
  const full = [
    ...args,
    '--stack',
    target.stack,
    '--non-interactive',
    ...(host === undefined ? [] : [`--client=${host.address}`, '--exec-kind', 'auto.inline']),
  ];
  const echo = options.echo ?? true;
  const child = spawn(pulumi.path, full, { cwd: target.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (echo) process.stdout.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (echo) process.stderr.write(chunk);
  });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  host?.close(code !== 0);
  return { code, stdout, stderr };
}

/** Selects the stack, creating it in the local backend when it does not exist yet. */
export async function selectStack(target: StackTarget): Promise<void> {
  const run = await runPulumi(target, ['stack', 'select', '--create'], { echo: false });
  if (run.code !== 0) throw new Error(`pulumi stack select --create ${target.stack} failed: ${run.stderr.trim() || run.stdout.trim()}`);
}
