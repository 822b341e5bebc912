/**
 * What package.json promises a user, checked against the tree: one export per layer whose compiled file, types
 * and sources line up; the source condition the checkout runs under is the one tsconfig and the bootstrap use;
 * the runtime files the code reads ship; every exact npm pin says why (scripts/versions.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { sourceCondition } from '../../scripts/paths.js';
import { repoRoot, versions } from '../../scripts/tools.js';

interface Manifest {
  readonly exports: Record<string, Record<string, string> | string>;
  readonly files: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

const read = (file: string): unknown => JSON.parse(readFileSync(join(repoRoot, file), 'utf8'));
const manifest = read('package.json') as Manifest;

t.test('each layer export maps its source under the source condition and its compiled file and types under dist/', (t) => {
  const layers = Object.keys(manifest.exports).filter((k) => k !== './package.json');
  t.same(layers.sort(), ['./cdktf', './client', './github', './policy', './pulumi', './resources'], 'one export per layer');
  for (const layer of layers) {
    const entry = manifest.exports[layer];
    const name = layer.slice(2);
    t.same(
      entry,
      {
        types: `./dist/${name}/index.d.ts`,
        [sourceCondition]: `./provider/${name}/index.ts`,
        default: `./dist/${name}/index.js`,
      },
      `${layer}: types, source, compiled`,
    );
    t.ok(existsSync(join(repoRoot, 'provider', name, 'index.ts')), `${layer}: its source index exists`);
  }
  t.end();
});

t.test('the checkout type-checks under the same source condition the bootstrap sets', (t) => {
  const tsconfig = read('tsconfig.json') as { compilerOptions: { customConditions?: string[] } };
  t.same(tsconfig.compilerOptions.customConditions, [sourceCondition]);
  t.end();
});

t.test('the files the code reads at run time ship in the package', (t) => {
  for (const file of [
    'policies/build/catalog.wasm',
    'policies/build/rules.json',
    'policies/data.json',
    'schemas/*.schema.json',
    'dist/',
    'bin/image-catalog.js',
  ])
    t.ok(manifest.files.includes(file), `files lists ${file}`);
  t.end();
});

t.test('every exact npm pin has its reason in scripts/versions.json, and every reason names a pinned package', (t) => {
  const node = read('scripts/node/package.json') as Manifest;
  const all = { ...manifest.dependencies, ...manifest.devDependencies, ...node.dependencies };
  const exact = Object.entries(all)
    .filter(([, range]) => /^\d/.test(range))
    .map(([name]) => name)
    .sort();
  t.same(Object.keys(versions.npm).sort(), exact, 'the pinned packages and the reasons match');
  t.end();
});
