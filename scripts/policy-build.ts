/**
 * `npm run policy:build [-- --check]`: compiles policies/catalog to Wasm with `opa build -t wasm` (entrypoint
 * catalog/main/decision) into policies/build/catalog.wasm, the bundle that ships in the package so end users
 * need no Go, and each rule's package METADATA (title, description, remediation) into policies/build/rules.json,
 * which the SARIF report's rule list is made of. The build is checked against opa-wasm's capabilities, so a
 * builtin the Node SDK lacks fails here and not at run time. With --check it only compares: exit 1 when either
 * shipped file is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundlePath, entrypoint } from '../provider/policy/engine.js';
import { rulesPath, type CatalogRule } from '../provider/policy/rules.js';
import { locateTool, repoRoot } from './tools.js';

/** What `opa inspect -a --format json` prints, as far as it is read here. */
interface Inspected {
  readonly annotations?: readonly {
    readonly annotations: { scope?: string; title?: string; description?: string; custom?: { id?: string; remediation?: string } };
    readonly location: { file: string; row: number };
  }[];
}

/** Each catalog rule's package METADATA (the annotations that carry custom.id), in id order. */
function rulesOf(inspected: Inspected): CatalogRule[] {
  return (inspected.annotations ?? [])
    .filter((a) => a.annotations.scope === 'package' && a.annotations.custom?.id !== undefined)
    .map(({ annotations: a, location }) => ({
      id: a.custom?.id ?? '',
      title: a.title ?? '',
      description: a.description ?? '',
      remediation: a.custom?.remediation ?? '',
      source: { file: `policies/${location.file}`, line: location.row },
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function main(check: boolean): Promise<number> {
  const opa = await locateTool('opa');
  if (!opa.ok) {
    process.stderr.write(`policy:build: opa ${opa.version} is needed: ${opa.reason}\n`);
    return 1;
  }
  // The package exports no package.json: find its folder from its main entry.
  const entry = createRequire(import.meta.url).resolve('@open-policy-agent/opa-wasm');
  const marker = '/@open-policy-agent/opa-wasm/';
  const sdk = JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), 'capabilities.json'), 'utf8')) as {
    builtins: { name: string }[];
  };
  const work = mkdtempSync(join(tmpdir(), 'image-catalog-policy-'));
  try {
    // This opa's capabilities (Rego v1 and its other features), with the builtins cut down to the SDK's list.
    const current = spawnSync(opa.path, ['capabilities', '--current'], { encoding: 'utf8' });
    const own = JSON.parse(current.stdout) as { builtins: { name: string }[] };
    // rego.metadata.* are rewritten into constants at compile time: no run-time support needed.
    const supported = new Set([...sdk.builtins.map((b) => b.name), 'rego.metadata.chain', 'rego.metadata.rule']);
    const capabilities = join(work, 'capabilities.json');
    writeFileSync(capabilities, JSON.stringify({ ...own, builtins: own.builtins.filter((b) => supported.has(b.name)) }));
    const tarball = join(work, 'bundle.tar.gz');
    // Bundle mode (-b) from policies/: the module embeds file names (for error locations), and only in bundle mode
    // are they relative, so the shipped module does not depend on where the checkout lives.
    const args = [
      'build',
      '-b',
      '-t',
      'wasm',
      '-e',
      entrypoint,
      '--capabilities',
      capabilities,
      '--ignore',
      '*_test.rego',
      '-o',
      tarball,
      'catalog',
    ];
    const built = spawnSync(opa.path, args, { encoding: 'utf8', cwd: join(repoRoot, 'policies') });
    if (built.status !== 0) {
      process.stderr.write(`policy:build: opa build failed:\n${built.stderr}${built.stdout}`);
      return 1;
    }
    const unpacked = spawnSync('tar', ['-xzf', tarball, '-C', work, '/policy.wasm'], { encoding: 'utf8' });
    if (unpacked.status !== 0) {
      process.stderr.write(`policy:build: the bundle has no policy.wasm: ${unpacked.stderr}`);
      return 1;
    }
    const inspected = spawnSync(opa.path, ['inspect', '-a', '--format', 'json', 'catalog'], {
      encoding: 'utf8',
      cwd: join(repoRoot, 'policies'),
      maxBuffer: 64 * 1024 * 1024,
    });
    if (inspected.status !== 0) {
      process.stderr.write(`policy:build: opa inspect failed:\n${inspected.stderr}`);
      return 1;
    }
    const outputs = [
      { path: bundlePath, bytes: readFileSync(join(work, 'policy.wasm')) },
      { path: rulesPath, bytes: Buffer.from(`${JSON.stringify(rulesOf(JSON.parse(inspected.stdout) as Inspected), null, 2)}\n`) },
    ];
    const stale = outputs.filter((o) => !existsSync(o.path) || !readFileSync(o.path).equals(o.bytes));
    if (check) {
      process.stdout.write(
        stale.length === 0
          ? 'policy:build: the shipped bundle and rule list are current\n'
          : `policy:build: ${stale.map((o) => o.path).join(', ')} stale: run npm run policy:build and commit it\n`,
      );
      return stale.length === 0 ? 0 : 1;
    }
    for (const o of stale) {
      mkdirSync(dirname(o.path), { recursive: true });
      writeFileSync(o.path, o.bytes);
    }
    for (const o of outputs)
      process.stdout.write(
        `policy:build: ${o.path} ${stale.includes(o) ? 'written' : 'unchanged'} (${o.bytes.length} bytes, opa ${opa.version})\n`,
      );
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.includes('--check'));
