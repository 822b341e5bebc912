/**
 * The line of the field a violation is about, for annotations GitHub shows only inside a pull request's diff
 * hunks: the edited line, not the constructor's. A Pulumi program is parsed with TypeScript's own parser (the
 * project's `typescript`, else this package's when it has one; without it the declaring line stands): from the
 * `new Image(...)` (or `new VersionLine(...)`) at the declaring position, the object literal's property path of the
 * field (a wire name mapped to the program's name), a version line's child found by its version in `versions`. An
 * HCL resource block: the line of the attribute (or of the key inside `properties = { ... }`). A Pulumi YAML
 * program: the line of the key under the resource's `properties` ({@link yamlFieldLine}).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as ts from 'typescript';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { SourcePosition } from '../resources/source.js';

/** TypeScript's compiler API: the project's, else this package's; undefined when neither can be loaded. */
export function loadTypeScript(projectDir: string): typeof ts | undefined {
  for (const from of [join(projectDir, 'package.json'), import.meta.url]) {
    try {
      return createRequire(from)('typescript') as typeof ts;
    } catch {
      // Not installed there: the next place, else the declaring line.
    }
  }
  return undefined;
}

/** What is looked for: the field's path in the program's names, and a version line's child's version. */
export interface FieldQuery {
  /** `['properties', 'hw_vif_model']`, `['minDisk']`. */
  readonly path: readonly string[];
  /**
   * Another path of the same field, tried when `path` is not written (a share's `image` for its `imageId`; a
   * version line's `osVersion` for its `properties.os_version`).
   */
  readonly alternative?: readonly string[];
  /** The resource's version when it is a version line's child (`1.1` of `line-v1.1`). */
  readonly version?: string;
}

/** The 1-based line of the field in the call at `position`, or undefined when it cannot be found there. */
export function fieldLine(typescript: typeof ts, position: SourcePosition, query: FieldQuery): number | undefined {
  let text: string;
  try {
    text = readFileSync(position.file, 'utf8');
  } catch {
    return undefined;
  }
  const source = typescript.createSourceFile(position.file, text, typescript.ScriptTarget.Latest, true);
  const at = source.getPositionOfLineAndCharacter(position.line - 1, Math.max(0, position.column - 1));
  // The `new` the position names (V8 reports the column of `new`), else the innermost one around it.
  const around: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (node.getStart(source) > at || node.getEnd() <= at) return;
    if (typescript.isNewExpression(node)) around.push(node);
    typescript.forEachChild(node, visit);
  };
  visit(source);
  const call = around.find((n) => n.getStart(source) === at) ?? around.at(-1);
  // The resource's fields: Pulumi's (name, args, opts) or CDKTF's (scope, id, props), the object literals.
  const objects: ts.ObjectLiteralExpression[] = [];
  for (const argument of call?.arguments ?? []) if (typescript.isObjectLiteralExpression(argument)) objects.push(argument);
  if (objects.length === 0) return undefined;
  const line = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const property = (object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined =>
    object.properties.find(
      (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
        (typescript.isPropertyAssignment(p) || typescript.isShorthandPropertyAssignment(p)) &&
        (typescript.isIdentifier(p.name) || typescript.isStringLiteral(p.name)) &&
        p.name.text === name,
    );
  /**
   * The line of `path` in `object`: `exact`, only where the whole path is written; else also where it may come
   * from a value this cannot read (an identifier, an object with a spread): that key's line.
   */
  const find = (object: ts.ObjectLiteralExpression, path: readonly string[], exact: boolean): number | undefined => {
    const [head, ...rest] = path;
    if (head === undefined) return undefined;
    const found = property(object, head);
    if (found === undefined) return undefined;
    if (rest.length === 0) return line(found);
    const value = typescript.isPropertyAssignment(found) ? found.initializer : undefined;
    if (value !== undefined && typescript.isObjectLiteralExpression(value)) {
      const inner = find(value, rest, exact);
      if (inner !== undefined || exact) return inner;
      return value.properties.some((p) => typescript.isSpreadAssignment(p)) ? line(found) : undefined;
    }
    return exact ? undefined : line(found);
  };
  // A version line's child: its entry in `versions` first (its own values), then the line's shared ones.
  const entries = objects.flatMap((object): ts.ObjectLiteralExpression[] => {
    if (query.version === undefined) return [];
    const versions = property(object, 'versions');
    const list = versions !== undefined && typescript.isPropertyAssignment(versions) ? versions.initializer : undefined;
    if (list === undefined || !typescript.isArrayLiteralExpression(list)) return [];
    return list.elements.filter((e): e is ts.ObjectLiteralExpression => {
      if (!typescript.isObjectLiteralExpression(e)) return false;
      const v = property(e, 'version');
      return (
        v !== undefined &&
        typescript.isPropertyAssignment(v) &&
        typescript.isStringLiteral(v.initializer) &&
        v.initializer.text === query.version
      );
    });
  });
  const scopes = [...entries, ...objects];
  const paths = [query.path, ...(query.alternative === undefined ? [] : [query.alternative])];
  for (const exact of [true, false])
    for (const path of paths)
      for (const scope of scopes) {
        const found = find(scope, path, exact);
        if (found !== undefined) return found;
      }
  return entries[0] === undefined ? undefined : line(entries[0]);
}

/**
 * The line of `key` (the path's last key, else its first) inside the HCL block that starts at `blockLine`: an
 * attribute (`min_disk_gb = 10`) or a key of a map (`os_version = "24.04"` inside `properties = { ... }`).
 */
export function hclFieldLine(text: string, blockLine: number, keys: readonly string[]): number | undefined {
  const lines = text.split('\n');
  let depth = 0;
  const found = new Map<string, number>();
  for (let i = blockLine - 1; i < lines.length; i++) {
    const content = lines[i] ?? '';
    for (const key of keys)
      if (!found.has(key) && new RegExp(`^\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*=`).test(content)) found.set(key, i + 1);
    depth += (content.match(/\{/g) ?? []).length - (content.match(/\}/g) ?? []).length;
    if (depth <= 0 && i > blockLine - 1) break;
  }
  return found.get(keys[keys.length - 1] ?? '') ?? found.get(keys[0] ?? '');
}

/**
 * The 1-based line of a resource's field in a Pulumi YAML program (Pulumi.yaml): the resource's key under
 * `resources` is its name, or, for a version line's child (`rocky-v1.1`, `rocky-v1.1-share-consumer`), the
 * VersionLine's whose name it starts with; in it, the field's key under `properties` (for a line's child, first in
 * its entry of `versions`, then among the line's own fields); else that version's entry, else the resource's key.
 * Undefined when the resource is not declared in the file.
 */
export function yamlFieldLine(text: string, name: string, query: FieldQuery | undefined): number | undefined {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  const resources = document.get('resources', true);
  if (!isMap(resources)) return undefined;
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return range === undefined ? undefined : counter.linePos(range[0]).line;
  };
  const keyOf = (pair: { key: unknown }): string => (isScalar(pair.key) ? String(pair.key.value) : '');
  const version = query?.version;
  const pair =
    resources.items.find((p) => keyOf(p) === name) ??
    (version === undefined ? undefined : resources.items.find((p) => name.startsWith(`${keyOf(p)}-v${version}`)));
  if (pair === undefined) return undefined;
  const properties = isMap(pair.value) ? pair.value.get('properties', true) : undefined;
  const versions = isMap(properties) ? properties.get('versions', true) : undefined;
  const entry =
    version === undefined || !isSeq(versions)
      ? undefined
      : versions.items.find((item) => isMap(item) && String(item.get('version')) === version);
  /** The line of the key at `path` below `node`. */
  const find = (node: unknown, path: readonly string[]): number | undefined => {
    let at = node;
    let key: unknown;
    for (const part of path) {
      if (!isMap(at)) return undefined;
      const found = at.items.find((p) => keyOf(p) === part);
      if (found === undefined) return undefined;
      key = found.key;
      at = found.value;
    }
    return lineOf(key);
  };
  for (const place of [entry, properties])
    for (const path of [query?.path, query?.alternative])
      if (place !== undefined && path !== undefined) {
        const line = find(place, path);
        if (line !== undefined) return line;
      }
  return lineOf(entry) ?? lineOf(pair.key);
}
