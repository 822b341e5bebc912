/**
 * `npm run toolchain [-- tool ...]`: builds the pinned Go tools from their modules, through the module proxy
 * only, into the cache outside the repository. A tool already in the cache or on PATH at its pinned version is
 * skipped. Modules whose go.mod has replace directives cannot be `go install`ed at a version, so every tool is
 * built in a throwaway wrapper module that requires it (and carries over its non-local replaces).
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  binaryName,
  cacheRoot,
  locateTool,
  providerMirrorDir,
  repoRoot,
  tofuCliConfigPath,
  toolCachePath,
  toolNames,
  toolSpec,
  versions,
} from './tools.js';

class BuildError extends Error {
  constructor(
    readonly tool: string,
    message: string,
    /** `unavailable`: the module proxy refuses the pinned module version; nothing this machine can fix. */
    readonly kind: 'failed' | 'unavailable' = 'failed',
  ) {
    super(`${tool}: ${message}`);
  }
}

interface Captured {
  readonly code: number;
  readonly output: string;
}

/** Runs a command, keeping its output for the error message instead of flooding the terminal. */
function capture(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function goOrFail(tool: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { code, output } = await capture('go', args, cwd, env);
  if (code !== 0) {
    const refused = /403 Forbidden|This module version is not available/.test(output);
    throw new BuildError(tool, `go ${args.join(' ')} failed (exit ${code}):\n${output.trim()}`, refused ? 'unavailable' : 'failed');
  }
  return output;
}

/** `replace` lines of a module's go.mod whose target is another module (local paths do not travel). */
function portableReplaces(goMod: string): string[] {
  const out: string[] = [];
  const lines = goMod.split('\n');
  let inBlock = false;
  for (const raw of lines) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === 'replace (') {
      inBlock = true;
      continue;
    }
    if (inBlock && line === ')') {
      inBlock = false;
      continue;
    }
    const body = inBlock ? line : line.startsWith('replace ') ? line.slice('replace '.length).trim() : '';
    if (body === '' || !body.includes('=>')) continue;
    const [from, to] = body.split('=>').map((s) => s.trim());
    if (from === undefined || to === undefined || to.startsWith('.') || to.startsWith('/')) continue;
    out.push(`${from.split(/\s+/).join('@')}=${to.split(/\s+/).join('@')}`);
  }
  return out;
}

function checkGo(): Promise<void> {
  return capture('go', ['env', 'GOVERSION'], repoRoot, process.env).then(
    ({ code, output }) => {
      if (code !== 0) throw new BuildError('go', 'the Go toolchain is needed to build the tools: install Go ' + versions.go.minimum + '+');
      const match = /go(\d+)\.(\d+)/.exec(output);
      const [wantMajor, wantMinor] = versions.go.minimum.split('.').map(Number);
      if (
        match === null ||
        Number(match[1]) < (wantMajor ?? 1) ||
        (Number(match[1]) === wantMajor && Number(match[2]) < (wantMinor ?? 0))
      ) {
        throw new BuildError('go', `found ${output.trim()}, need Go ${versions.go.minimum}+`);
      }
    },
    () => {
      throw new BuildError('go', `the Go toolchain is not on PATH: install Go ${versions.go.minimum}+ (only needed to build the tools)`);
    },
  );
}

/**
 * Builds one tool, first with Go's checksum database. The proxy reachable here serves some pinned versions that
 * its checksum-database mirror does not know (404 on the lookup); for those the build is repeated with GOSUMDB
 * off, trusting the module proxy alone, and says so.
 */
async function build(name: string): Promise<void> {
  // No toolchain download, no workspace, static binaries.
  const env: NodeJS.ProcessEnv = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOWORK: 'off' };
  try {
    await buildWith(name, env);
  } catch (err) {
    if (!(err instanceof BuildError) || !/verifying .*sumdb.* 404 Not Found/s.test(err.message)) throw err;
    process.stdout.write(
      `toolchain: ${name}: the checksum database does not know a module it needs (404); building with GOSUMDB=off, trusting the module proxy\n`,
    );
    await buildWith(name, { ...env, GOSUMDB: 'off' });
  }
}

/** Builds one tool in a wrapper module and moves the binary into the cache atomically. */
async function buildWith(name: string, env: NodeJS.ProcessEnv): Promise<void> {
  const spec = toolSpec(name);
  const moduleVersion = spec.moduleVersion ?? `v${spec.version}`;
  const work = mkdtempSync(join(tmpdir(), `image-catalog-build-${name}-`));
  try {
    await goOrFail(name, ['mod', 'init', 'image-catalog.local/build/' + name.replaceAll('-', '_')], work, env);
    const download = await goOrFail(name, ['mod', 'download', '-json', `${spec.module}@${moduleVersion}`], work, env);
    const info = JSON.parse(download) as { GoMod?: string; Error?: string };
    if (info.Error !== undefined) throw new BuildError(name, info.Error);
    const edits = [`-require=${spec.module}@${moduleVersion}`];
    for (const [mod, ver] of Object.entries(spec.require ?? {})) edits.push(`-require=${mod}@${ver}`);
    if (info.GoMod !== undefined) for (const r of portableReplaces(readFileSync(info.GoMod, 'utf8'))) edits.push(`-replace=${r}`);
    await goOrFail(name, ['mod', 'edit', ...edits], work, env);
    // `go get` of the package resolves and records every dependency the build needs (go.sum included).
    await goOrFail(name, ['get', `${spec.package}@${moduleVersion}`], work, env);
    for (const [mod, ver] of Object.entries(spec.require ?? {})) await goOrFail(name, ['get', `${mod}@${ver}`], work, env);
    const out = join(work, binaryName(name));
    const ldflags = ['-s', '-w', ...(spec.ldflags === undefined ? [] : [spec.ldflags.replaceAll('{version}', spec.version)])].join(' ');
    await goOrFail(name, ['build', '-trimpath', '-ldflags', ldflags, '-o', out, spec.package], work, env);
    const target = toolCachePath(name);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(out, target);
    writeFileSync(
      join(dirname(target), `.${name}.built.json`),
      JSON.stringify({ module: spec.module, moduleVersion, builtAt: new Date().toISOString() }) + '\n',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A tofu CLI configuration with the filesystem mirror only: no `direct {}`, so no registry is ever asked. */
function writeTofuConfig(): void {
  const mirrored = toolNames.map(toolSpec).flatMap((s) => (s.mirror === undefined ? [] : [s.mirror]));
  const include = mirrored.flatMap((m) => [m, m.replace(/^registry\.opentofu\.org\//, 'registry.terraform.io/')]);
  const config = [
    '# Written by npm run toolchain: providers come from the local mirror only.',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(providerMirrorDir())}`,
    `    include = ${JSON.stringify(include)}`,
    '  }',
    '}',
    '',
  ].join('\n');
  mkdirSync(providerMirrorDir(), { recursive: true });
  writeFileSync(tofuCliConfigPath(), config);
  // tofu resolves registry.terraform.io sources too (cdktf writes them): mirror the same binary there.
  for (const name of toolNames) {
    const spec = toolSpec(name);
    if (spec.mirror === undefined) continue;
    const alias = toolCachePath(name).replace(
      `${providerMirrorDir()}/registry.opentofu.org/`,
      `${providerMirrorDir()}/registry.terraform.io/`,
    );
    if (existsSync(toolCachePath(name)) && !existsSync(alias)) {
      mkdirSync(dirname(alias), { recursive: true });
      copyFileSync(toolCachePath(name), alias);
      chmodSync(alias, 0o755);
    }
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      [
        'usage: npm run toolchain [-- TOOL ...]',
        '',
        'Builds the Go tools pinned in scripts/versions.json from their modules (Go module proxy only) into',
        `${join(cacheRoot(), 'tools')} (set IMAGE_CATALOG_CACHE to move it). Tools already there or on PATH at`,
        'the pinned version are skipped. With TOOL names, only those are built.',
        '',
        `tools: ${toolNames.join(', ')}`,
        '',
      ].join('\n'),
    );
    return 0;
  }
  const wanted = argv.length > 0 ? argv : toolNames;
  for (const name of wanted) toolSpec(name);
  const started = Date.now();
  let checkedGo = false;
  let failed = 0;
  for (const name of wanted) {
    const spec = toolSpec(name);
    const status = await locateTool(name);
    if (status.ok) {
      process.stdout.write(`toolchain: ${name} ${spec.version} present (${status.source}: ${status.path})\n`);
      continue;
    }
    try {
      if (!checkedGo) {
        await checkGo();
        checkedGo = true;
      }
      process.stdout.write(
        `toolchain: ${name} ${spec.version} building from ${spec.module}@${spec.moduleVersion ?? 'v' + spec.version} ...\n`,
      );
      const t0 = Date.now();
      await build(name);
      const after = await locateTool(name);
      if (!after.ok) throw new BuildError(name, `built, but the binary does not report version ${spec.version}: ${after.reason}`);
      process.stdout.write(`toolchain: ${name} ${spec.version} built in ${seconds(Date.now() - t0)} -> ${after.path}\n`);
    } catch (err) {
      failed += 1;
      const message = err instanceof Error ? err.message : String(err);
      const label = err instanceof BuildError && err.kind === 'unavailable' ? 'UNAVAILABLE' : 'FAILED';
      process.stderr.write(`toolchain: ${label} ${message.startsWith(name) ? message : `${name}: ${message}`}\n`);
    }
  }
  if (wanted.some((n) => toolSpec(n).mirror !== undefined)) writeTofuConfig();
  process.stdout.write(`toolchain: ${failed === 0 ? 'done' : `${failed} tool(s) failed`} in ${seconds(Date.now() - started)}\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
