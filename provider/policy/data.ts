/**
 * Policy data: policies/data.json (levels and parameters of every rule), with a stack's overrides merged over
 * it and the result validated by schemas/policy-data.schema.json. A bad override is an error naming its source
 * and field, never a silent default.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { PolicyChange } from './envelope.js';
import { shippedPolicyDataPath } from '../resources/shipped.js';
import { PolicyDataError } from './errors.js';
import { describeErrors, validateData } from './schemas.js';

/** The policy data document; its shape is schemas/policy-data.schema.json (passed through to the policy as is). */
export interface PolicyData {
  readonly image_catalog: Readonly<Record<string, unknown>>;
}

/** One override: where it came from (for errors) and its value (a partial policy data document). */
export interface PolicyDataOverride {
  readonly source: string;
  readonly value: unknown;
}

/** Path of the shipped defaults. */
export const defaultDataPath = shippedPolicyDataPath;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The leaf values two documents set differently (objects key by key; anything else as a whole), by dotted path. */
export function policyDifferences(source: string, base: unknown, head: unknown, path = ''): PolicyChange[] {
  if (isPlainObject(base) && isPlainObject(head)) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    return keys.flatMap((key) => policyDifferences(source, base[key], head[key], path === '' ? key : `${path}.${key}`));
  }
  if (isPlainObject(base) && head === undefined) return policyDifferences(source, base, {}, path);
  if (isPlainObject(head) && base === undefined) return policyDifferences(source, {}, head, path);
  if (JSON.stringify(base) === JSON.stringify(head)) return [];
  return [{ source, field: path === '' ? '(document)' : path, base: base ?? null, head: head ?? null }];
}

/**
 * What each override changes of the policy data in force, one line a value (`image_catalog.rules.immutability.level:
 * "disabled" (default "mandatory") from stack config image-catalog:policy`): local runs print them, so an override
 * is never applied unsaid. Throws PolicyDataError for a bad override, as loading does.
 */
export function describeOverrides(overrides: readonly PolicyDataOverride[]): string[] {
  const lines: string[] = [];
  let data = loadPolicyData();
  overrides.forEach((override, i) => {
    const next = loadPolicyData(overrides.slice(0, i + 1));
    for (const d of policyDifferences(override.source, data, next))
      lines.push(`${d.field}: ${JSON.stringify(d.head)} (was ${JSON.stringify(d.base)}) from ${override.source}`);
    data = next;
  });
  return lines;
}

/** Deep merge: objects merge key by key, anything else (arrays included) replaces. */
export function mergeData(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = Object.hasOwn(base, key) ? mergeData(base[key], value) : value;
  return out;
}

/**
 * Keys that name an object's prototype, not a field: JSON.parse keeps `__proto__` as a key, and an assignment of
 * it would set the merged object's prototype instead (the field then vanished from validation, or was blamed on
 * another field).
 */
const prototypeKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Every prototype key in a document, by dotted path. */
function prototypeKeyPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => prototypeKeyPaths(v, `${path}[${i}]`));
  if (!isPlainObject(value)) return [];
  return Object.keys(value).flatMap((key) => {
    const at = path === '' ? key : `${path}.${key}`;
    return prototypeKeys.has(key) ? [at] : prototypeKeyPaths(value[key], at);
  });
}

function checked(value: unknown, source: string): PolicyData {
  const errors = validateData(value);
  if (errors.length > 0)
    throw new PolicyDataError(
      source,
      describeErrors(errors).map((e) => `${e.field}: ${e.message}`),
    );
  return value as PolicyData;
}

/** Reads an override file: JSON, or YAML (a Pulumi stack's config is YAML). */
export function readOverrideFile(path: string): PolicyDataOverride {
  return parseOverride(readFileSync(path, 'utf8'), path);
}

/** An override's text as a document: JSON when `source` ends in .json, else YAML. */
export function parseOverride(text: string, source: string): PolicyDataOverride {
  let value: unknown;
  try {
    value = source.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new PolicyDataError(source, [`(document): is not ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`]);
  }
  return { source, value };
}

/**
 * The variable that makes an entry point report violations instead of enforcing them (`report`): the Pulumi plugin
 * during a whole-plan preview and the CDKTF synth-time check under the pull-request check, whose caller decides
 * the whole plan itself.
 */
export const policyModeVariable = 'IMAGE_CATALOG_POLICY_MODE';

/** Whether `env` asks for reporting only. */
export function reportOnly(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[policyModeVariable] === 'report';
}

/** Where the CDKTF layer (synth-time check and apply gate) takes policy data overrides from: files, ':'-separated. */
export const policyDataVariable = 'IMAGE_CATALOG_POLICY_DATA';

/** The overrides named by IMAGE_CATALOG_POLICY_DATA (none when it is unset). */
export function overridesFromEnv(env: NodeJS.ProcessEnv = process.env): PolicyDataOverride[] {
  const files = (env[policyDataVariable] ?? '').split(':').filter((f) => f !== '');
  return files.map((file) => readOverrideFile(file));
}

/** The defaults with every override merged over them in order, each step validated. */
export function loadPolicyData(overrides: readonly PolicyDataOverride[] = []): PolicyData {
  let data: unknown = checked(JSON.parse(readFileSync(defaultDataPath, 'utf8')), 'policies/data.json');
  for (const override of overrides) {
    if (!isPlainObject(override.value))
      throw new PolicyDataError(override.source, ['(document): must be an object like {"image_catalog": {...}}']);
    const prototypes = prototypeKeyPaths(override.value);
    if (prototypes.length > 0)
      throw new PolicyDataError(
        override.source,
        prototypes.map((path) => `${path}: is not a field of policy data (a prototype key, never merged)`),
      );
    data = checked(mergeData(data, override.value), override.source);
  }
  return data as PolicyData;
}
