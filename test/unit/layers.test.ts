/**
 * The package's arrows point downwards only: client <- resources <- policy <- pulumi, cdktf, github <- cli <- the
 * GitHub Action (action/), and nothing under provider/ or action/ imports scripts/ (the checkout's toolchain, lab
 * and harness) or anything else outside them.
 * Read from the import statements of every source file, so a new file is checked without a list to update.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import t from 'tap';

const root = resolve(import.meta.dirname, '..', '..');
const provider = join(root, 'provider');

/** Each layer and the layers it may import (itself included). */
const allowed: Readonly<Record<string, readonly string[]>> = {
  client: ['client'],
  resources: ['client', 'resources'],
  policy: ['client', 'resources', 'policy'],
  pulumi: ['client', 'resources', 'policy', 'pulumi'],
  cdktf: ['client', 'resources', 'policy', 'cdktf'],
  github: ['client', 'resources', 'policy', 'github'],
  cli: ['client', 'resources', 'policy', 'pulumi', 'cdktf', 'github', 'cli'],
};

/** The module specifiers of a source file: static imports and re-exports, dynamic imports, import types. */
function specifiers(source: string): string[] {
  const found = [
    ...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1] ?? '');
}

const files = readdirSync(provider, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|mts|js)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(provider, f));

t.test('the import scanner finds static, re-exported, type-only and dynamic imports', (t) => {
  const sample = [
    "import { a } from '../../scripts/tools.js';",
    "import type { B } from './b.js';",
    "export * from './c.js';",
    "const d = await import('../d.js');",
    "import './e.js';",
  ].join('\n');
  t.same(specifiers(sample).sort(), ['../../scripts/tools.js', '../d.js', './b.js', './c.js', './e.js']);
  t.end();
});

t.test('nothing under provider/ imports scripts/ or any file outside provider/', (t) => {
  t.ok(files.length > 20, `the scan sees the sources (${files.length} files)`);
  const outside = files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s))
      .filter((target) => !target.startsWith(provider + sep))
      .map((target) => `${relative(root, file)} -> ${relative(root, target)}`),
  );
  t.same(outside, [], 'no relative import leaves provider/');
  t.end();
});

t.test('the GitHub Action (action/) imports the CLI and its own files, never scripts/', (t) => {
  const action = join(root, 'action');
  const sources = readdirSync(action)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(action, f));
  t.ok(sources.length >= 2, 'the scan sees the action sources');
  const outside = sources.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s))
      .filter((target) => !target.startsWith(action + sep) && !target.startsWith(join(provider, 'cli') + sep))
      .map((target) => `${relative(root, file)} -> ${relative(root, target)}`),
  );
  t.same(outside, [], 'only action/ and provider/cli/');
  t.end();
});

t.test('each layer imports only itself and the layers below it', (t) => {
  const upward = files.flatMap((file) => {
    const layer = relative(provider, file).split(sep)[0] ?? '';
    const may = allowed[layer] ?? [];
    return specifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(provider, resolve(dirname(file), s)).split(sep)[0] ?? '')
      .filter((target) => target in allowed && !may.includes(target))
      .map((target) => `${relative(root, file)} (${layer}) -> ${target}`);
  });
  t.same(upward, [], 'no import points upwards');
  t.end();
});

/** The bare (package) imports reached from `entry` through relative imports, with the file that makes each. */
function reachablePackages(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const s of specifiers(readFileSync(file, 'utf8'))) {
      if (!s.startsWith('.')) {
        if (!found.has(s)) found.set(s, relative(root, file));
        continue;
      }
      const target = resolve(dirname(file), s).replace(/\.js$/, '.ts');
      if (target.startsWith(provider + sep)) queue.push(target);
    }
  }
  return found;
}

t.test('one hand-written module of the CDKTF layer imports the CDK library (cdktn); the generated bindings aside', (t) => {
  const importers = files
    .filter((f) => !f.startsWith(join(provider, 'cdktf', 'openstack') + sep))
    .filter((f) => specifiers(readFileSync(f, 'utf8')).some((s) => s === 'cdktn' || s.startsWith('cdktn/') || s === 'constructs'))
    .map((f) => relative(root, f));
  t.same(importers, ['provider/cdktf/cdktn.ts'], 'only provider/cdktf/cdktn.ts');
  t.end();
});

t.test('the CLI and the gate never load cdktn: plan-check works for HCL users who never installed it', (t) => {
  for (const entry of ['cli/main.ts', 'cli/tofu-gate.ts']) {
    const packages = reachablePackages(join(provider, entry));
    t.ok(packages.has('commander') || entry !== 'cli/main.ts', `${entry}: the scan follows its imports`);
    const cdk = [...packages].filter(([name]) => name === 'cdktn' || name === 'constructs').map(([name, file]) => `${name} from ${file}`);
    t.same(cdk, [], `${entry} reaches no cdktn/constructs import`);
  }
  t.end();
});
