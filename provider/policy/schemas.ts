/**
 * The policy's two JSON Schemas (schemas/policy-input.schema.json, schemas/policy-data.schema.json), compiled
 * once with ajv, and their errors turned into `field: message` lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { kinds } from '../resources/kinds.js';
import { projectAjv } from '../resources/schema.js';

// The envelope's documents refer to the resources' own field definitions (one enum of disk formats, ...).
const ajv = projectAjv();
let resourcesAdded = false;

function read(file: string): object {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../schemas/${file}`, import.meta.url)), 'utf8')) as object;
}

function compile(file: string): ValidateFunction {
  if (!resourcesAdded) {
    for (const kind of kinds) ajv.addSchema(read(`${kind}.schema.json`));
    resourcesAdded = true;
  }
  return ajv.compile(read(file));
}

let inputValidator: ValidateFunction | undefined;
let dataValidator: ValidateFunction | undefined;
let catalogValidator: ValidateFunction | undefined;
const catalogChecked = new WeakMap<readonly unknown[], readonly ErrorObject[]>();

function catalogErrors(images: readonly unknown[]): readonly ErrorObject[] {
  const known = catalogChecked.get(images);
  if (known !== undefined) return known;
  inputValidator ??= compile('policy-input.schema.json');
  const { $id } = inputValidator.schema as { $id: string };
  catalogValidator ??= ajv.compile({ type: 'array', items: { $ref: `${$id}#/$defs/catalogImage` } });
  const errors = catalogValidator(images)
    ? []
    : (catalogValidator.errors ?? []).map((e) => ({ ...e, instancePath: `/catalog/images${e.instancePath}` }));
  catalogChecked.set(images, errors);
  return errors;
}

/**
 * Validator of the change envelope. The live catalog (thousands of images, the same array for every decision
 * of a run) is checked once per array and remembered; the rest of the envelope is checked every time.
 */
export function validateInput(value: unknown): readonly ErrorObject[] {
  inputValidator ??= compile('policy-input.schema.json');
  const images = (value as { catalog?: { images?: unknown } } | null)?.catalog?.images;
  if (!Array.isArray(images)) return inputValidator(value) ? [] : (inputValidator.errors ?? []);
  const envelope = value as { catalog: Record<string, unknown> };
  const rest = inputValidator({ ...envelope, catalog: { ...envelope.catalog, images: [] } }) ? [] : (inputValidator.errors ?? []);
  return [...rest, ...catalogErrors(images)];
}

/** Validator of the policy data. */
export function validateData(value: unknown): readonly ErrorObject[] {
  dataValidator ??= compile('policy-data.schema.json');
  return dataValidator(value) ? [] : (dataValidator.errors ?? []);
}

/** `/changes/0/after/name` -> `changes[0].after.name`. */
export function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

/**
 * The errors that say most: ajv reports every failed branch of a oneOf; keep the deepest ones (the branch
 * the document came closest to) and say what was allowed.
 */
export function describeErrors(errors: readonly ErrorObject[]): { field: string; message: string }[] {
  const deepest = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if' || e.keyword === 'allOf' || e.keyword === 'not') continue;
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    if (!deepest.has(key)) deepest.set(key, e);
  }
  const out = [...deepest.values()].map((e) => {
    let field = fieldOf(e.instancePath);
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties')
      message = `has an unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    if (e.keyword === 'enum')
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      field = field === '' ? missing : `${field}.${missing}`;
      message = 'is required';
    }
    return { field: field === '' ? '(document)' : field, message };
  });
  return out.length > 0 ? out : [{ field: '(document)', message: 'does not fit the schema' }];
}
