/**
 * The Go-built tools the project drives: where they live, which version each must be, and how to find them.
 * scripts/versions.json is the one place that pins them; everything here is derived from it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { offlineEnv, providerMirrorDir, toolBinDir } from './paths.js';

const run = promisify(execFile);

/** One pinned tool as declared in scripts/versions.json. */
export interface ToolSpec {
  /** Release version without a leading `v` (`1.18.2`). */
  readonly version: string;
  /** Go module path. */
  readonly module: string;
  /** Module version to fetch when it is not `v{version}` (a pseudo-version for untagged modules). */
  readonly moduleVersion?: string;
  /** Import path of the main package. */
  readonly package: string;
  /** Extra requirements for the wrapper module (modules whose go.mod replaces them with local paths). */
  readonly require?: Readonly<Record<string, string>>;
  /** Linker flags; `{version}` is substituted. */
  readonly ldflags?: string;
  /** Filesystem-mirror address (`host/namespace/type`) for Terraform providers. */
  readonly mirror?: string;
  /** File name of the built binary when it is not the tool's name; `{version}` is substituted. */
  readonly binary?: string;
  /** How to ask a binary its version: arguments and a regexp whose first group is the version. */
  readonly probe?: { readonly args: readonly string[]; readonly pattern: string };
  readonly why?: string;
}

interface VersionsFile {
  readonly go: { readonly minimum: string };
  readonly tools: Readonly<Record<string, ToolSpec>>;
  /** Why each exact npm pin (package.json, scripts/node/package.json) is what it is, by package name. */
  readonly npm: Readonly<Record<string, string>>;
}

/** Repository root (this file lives in scripts/). */
export const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** The parsed scripts/versions.json. */
export const versions: VersionsFile = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'versions.json'), 'utf8')) as VersionsFile;

/** Tool names in build order: opa before regal (shared build cache). */
export const toolNames = Object.keys(versions.tools);

/** Looks a tool up by name; throws for a name that versions.json does not pin. */
export function toolSpec(name: string): ToolSpec {
  const spec = versions.tools[name];
  if (spec === undefined) throw new Error(`unknown tool "${name}": scripts/versions.json pins ${toolNames.join(', ')}`);
  return spec;
}

export { cacheRoot, providerMirrorDir, toolBinDir, tofuCliConfigPath } from './paths.js';

/** Where a tool's binary is placed in the cache. */
export function toolCachePath(name: string): string {
  const spec = toolSpec(name);
  if (spec.mirror !== undefined) {
    return join(providerMirrorDir(), spec.mirror, spec.version, `${process.platform}_${goArch()}`, binaryName(name));
  }
  return join(toolBinDir(name), binaryName(name));
}

/** File name of a tool's binary. */
export function binaryName(name: string): string {
  const spec = toolSpec(name);
  return spec.binary === undefined ? name : spec.binary.replaceAll('{version}', spec.version);
}

/** Go's name for this machine's architecture. */
export function goArch(): string {
  const map: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return map[process.arch] ?? process.arch;
}

/** A tool found, with where and at which version; or why it was not. */
export type ToolStatus =
  | { readonly name: string; readonly ok: true; readonly version: string; readonly path: string; readonly source: 'cache' | 'PATH' }
  | { readonly name: string; readonly ok: false; readonly version: string; readonly reason: string };

/** Asks a binary its version with the tool's probe; undefined when it does not answer. */
export async function probeVersion(name: string, path: string): Promise<string | undefined> {
  const spec = toolSpec(name);
  if (spec.probe === undefined) return existsSync(path) ? spec.version : undefined;
  try {
    const { stdout, stderr } = await run(path, [...spec.probe.args], {
      timeout: 20_000,
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: 'true', CHECKPOINT_DISABLE: '1' },
    });
    const match = new RegExp(spec.probe.pattern, 'm').exec(`${stdout}\n${stderr}`);
    return match?.[1];
  } catch {
    return undefined;
  }
}

function whichOnPath(file: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, file);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Finds a tool at its pinned version: the cache first, then PATH. A binary on PATH at another version does
 * not count (the project pins versions so every machine runs the same ones).
 */
export async function locateTool(name: string): Promise<ToolStatus> {
  const spec = toolSpec(name);
  const cached = toolCachePath(name);
  if (existsSync(cached)) {
    const found = await probeVersion(name, cached);
    if (found === spec.version) return { name, ok: true, version: found, path: cached, source: 'cache' };
  }
  if (spec.mirror === undefined) {
    const onPath = whichOnPath(binaryName(name));
    if (onPath !== undefined) {
      const found = await probeVersion(name, onPath);
      if (found === spec.version) return { name, ok: true, version: found, path: onPath, source: 'PATH' };
      return {
        name,
        ok: false,
        version: spec.version,
        reason: `${onPath} is version ${found ?? 'unknown'}, not ${spec.version}; run npm run toolchain`,
      };
    }
  }
  return { name, ok: false, version: spec.version, reason: 'not built: run npm run toolchain' };
}

/**
 * Environment for running the tools: their folders first on PATH, pulumi kept offline, tofu pointed at the
 * provider mirror.
 */
export async function toolEnv(base: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  const dirs = new Set<string>();
  for (const name of toolNames) {
    const status = await locateTool(name);
    if (status.ok && toolSpec(name).mirror === undefined) dirs.add(dirname(status.path));
  }
  return {
    ...base,
    PATH: [...dirs, base['PATH'] ?? ''].join(delimiter),
    ...offlineEnv(),
  };
}
