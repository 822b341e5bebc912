/**
 * `npm run policy:build [-- --check]`: compiles policies/catalog to Wasm with `opa build -t wasm` (entrypoint
 * catalog/main/decision) into policies/build/catalog.wasm, the bundle that ships in the package so end users
 * need no Go. The build is checked against opa-wasm's capabilities, so a builtin the Node SDK lacks fails here
 * and not at run time. With --check it only compares: exit 1 when the shipped module is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundlePath, entrypoint } from '../provider/policy/engine.js';
import { locateTool, repoRoot } from './tools.js';

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
    const fresh = readFileSync(join(work, 'policy.wasm'));
    const shipped = existsSync(bundlePath) ? readFileSync(bundlePath) : undefined;
    const upToDate = shipped !== undefined && shipped.equals(fresh);
    if (check) {
      process.stdout.write(
        upToDate
          ? 'policy:build: the shipped bundle is current\n'
          : `policy:build: ${bundlePath} is stale: run npm run policy:build and commit it\n`,
      );
      return upToDate ? 0 : 1;
    }
    if (!upToDate) {
      mkdirSync(dirname(bundlePath), { recursive: true });
      writeFileSync(bundlePath, fresh);
    }
    process.stdout.write(`policy:build: ${bundlePath} ${upToDate ? 'unchanged' : 'written'} (${fresh.length} bytes, opa ${opa.version})\n`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.includes('--check'));
