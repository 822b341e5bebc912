/**
 * `npm run build:action [-- --check]`: bundles the GitHub Action (action/main.ts, which runs `image-catalog
 * pr-check`) with esbuild into action/bundle/, committed so that a workflow using the action installs nothing:
 * ESM for Node 24, split so each layer's code loads only when its command needs it. @pulumi/pulumi, cdktn and
 * constructs stay out: the project under check brings them (action/main.ts resolves them from its folder). The
 * bundle sits two folders below the repository root, as dist/<layer>/ does in the package, so the files the code
 * reads relative to itself (policies/, schemas/, package.json) are found. With --check it only compares: exit 1
 * when the committed bundle is not what the sources build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './tools.js';

export const bundleDir = join(repoRoot, 'action', 'bundle');

/** The bundle's files (name -> text), built in memory. */
export async function buildAction(): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'image-catalog-action-'));
  try {
    await build({
      absWorkingDir: repoRoot,
      entryPoints: { main: 'action/main.ts' },
      outdir: out,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      conditions: ['image-catalog-source'],
      external: ['@pulumi/pulumi', '@pulumi/pulumi/*', 'cdktn', 'constructs'],
      // Some bundled dependencies are CommonJS and call require(): give the ESM bundle one.
      banner: {
        js: "import { createRequire as __imageCatalogRequire } from 'node:module';\nconst require = __imageCatalogRequire(import.meta.url);",
      },
      legalComments: 'linked',
      logLevel: 'warning',
    });
    return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The committed bundle's files (name -> text). */
export function committedAction(): Map<string, string> {
  if (!existsSync(bundleDir)) return new Map();
  return new Map(readdirSync(bundleDir).map((name) => [name, readFileSync(join(bundleDir, name), 'utf8')]));
}

/** Whether two bundles are the same files with the same texts. */
export function sameBundle(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, text]) => b.get(name) === text);
}

async function main(check: boolean): Promise<number> {
  const fresh = await buildAction();
  const current = sameBundle(fresh, committedAction());
  if (check) {
    process.stdout.write(
      current
        ? 'build:action: action/bundle is current\n'
        : 'build:action: action/bundle is stale: run npm run build:action and commit it\n',
    );
    return current ? 0 : 1;
  }
  if (!current) {
    rmSync(bundleDir, { recursive: true, force: true });
    mkdirSync(bundleDir, { recursive: true });
    for (const [name, text] of fresh) writeFileSync(join(bundleDir, name), text);
  }
  const bytes = [...fresh.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
  process.stdout.write(`build:action: action/bundle ${current ? 'unchanged' : 'written'} (${fresh.size} files, ${bytes} bytes)\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) process.exitCode = await main(process.argv.includes('--check'));
