/**
 * The files of a Pulumi project this package writes (`adopt`, `convert`): the shipped examples' project file,
 * manifest and compiler settings with the project's name, and a program, in TypeScript (its literals and comments
 * in the house style) or as a Pulumi YAML document whose resources carry their notes as comments.
 */
import { readFileSync } from 'node:fs';
import { Document as YamlDocument, parse as parseYaml, stringify as stringifyYaml, type Scalar, type YAMLMap } from 'yaml';

/** A string as a single-quoted TypeScript literal (the house style). */
export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

/** An expression of a written program, as it is (a literal() of it is its text, not a quoted string). */
export class Expression {
  constructor(readonly text: string) {}
}

/** A value as TypeScript source (keys quoted only where they must be; an {@link Expression} as its text). */
export function literal(value: unknown, indent: string): string {
  if (value instanceof Expression) return value.text;
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.some((v) => typeof v === 'object' && v !== null)) return `[${value.map((v) => literal(v, indent)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const key = (k: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quote(k));
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}`;
}

/** A TypeScript doc comment, one line of `lines` each (an empty one a blank comment line). */
export function docComment(lines: readonly string[]): string {
  return ['/**', ...lines.map((l) => ` *${l === '' ? '' : ` ${l}`}`), ' */'].join('\n');
}

/** A file of an example the package ships (`pulumi/package.json`, `yaml/Pulumi.yaml`). */
export function exampleFile(path: string): string {
  return readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8');
}

/** One resource of a Pulumi YAML program: its name, its declaration, the notes said above it. */
export interface YamlResource {
  readonly name: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly notes: readonly string[];
}

/**
 * A Pulumi YAML program (Pulumi.yaml) with the shipped YAML example's runtime and provider plugin; `secrets` the
 * stack config keys it reads as secrets (`${key}` in a value).
 */
export function yamlDocument(
  project: string,
  description: string,
  header: readonly string[],
  resources: readonly YamlResource[],
  secrets: readonly string[] = [],
): string {
  const example = parseYaml(exampleFile('yaml/Pulumi.yaml')) as Record<string, unknown>;
  const document = new YamlDocument(
    {
      name: project,
      description,
      runtime: example['runtime'],
      plugins: example['plugins'],
      ...(secrets.length === 0 ? {} : { config: Object.fromEntries(secrets.map((k) => [k, { type: 'string', secret: true }])) }),
      resources: Object.fromEntries(resources.map((r) => [r.name, r.value])),
    },
    // One object used twice (every version's imported source) is written twice, not as a YAML alias.
    { aliasDuplicateObjects: false },
  );
  document.commentBefore = header.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
  const notes = new Map(resources.map((r) => [r.name, r.notes]));
  for (const pair of (document.get('resources') as YAMLMap).items) {
    const key = pair.key as Scalar;
    const said = notes.get(String(key.value)) ?? [];
    if (said.length > 0) key.commentBefore = said.map((n) => ` ${n}`).join('\n');
  }
  return document.toString({ lineWidth: 0 });
}

/** The files of a Pulumi project: `program` is index.ts (typescript) or the whole Pulumi.yaml (yaml). */
export function pulumiProjectFiles(
  language: 'typescript' | 'yaml',
  project: string,
  description: string,
  program: string,
): Record<string, string> {
  const example = JSON.parse(exampleFile('pulumi/package.json')) as Record<string, unknown>;
  if (language === 'yaml')
    return {
      'Pulumi.yaml': program,
      // What `npm install` needs for the provider plugin Pulumi.yaml names: the example's dependencies.
      'package.json': `${JSON.stringify({ name: project, private: true, description, dependencies: example['dependencies'], allowScripts: example['allowScripts'] }, null, 2)}\n`,
    };
  return {
    // The shipped example's project file (its runtime, the provider plugin from node_modules), with this project's name.
    'Pulumi.yaml': stringifyYaml({
      ...(parseYaml(exampleFile('pulumi/Pulumi.yaml')) as Record<string, unknown>),
      name: project,
      description,
    }),
    // The shipped example project's manifest and compiler settings (its dependencies, typecheck script and
    // allowScripts), with this project's name.
    'package.json': `${JSON.stringify({ ...example, name: project, description }, null, 2)}\n`,
    'tsconfig.json': exampleFile('pulumi/tsconfig.json'),
    'index.ts': program,
  };
}
