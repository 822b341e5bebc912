/**
 * A resource's JSON Schema (schemas/<kind>.schema.json) is the source of truth: types, enums, required fields,
 * defaults, secrets (writeOnly), each field's wire name (x-wire), whether a change updates it in place or
 * replaces the resource (x-change) and whether the service keeps it (x-live). Validation, the field table and the diff are derived from it here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import stableStringify from 'fast-json-stable-stringify';

/**
 * The string formats the schemas use (`"format": "<name>"`), each with the test and what a failure says.
 * `glance-text`: Glance refuses a value with a 4-byte UTF-8 character when it writes the image
 * (glance/db/sqlalchemy/api.py `_image_update`, decorated with glance/common/utils.py `no_4byte_params`: a MySQL
 * utf8 column holds three bytes a character), so only at apply time; refused here, in check, instead.
 */
const formats: Readonly<Record<string, { readonly test: RegExp; readonly message: string }>> = {
  'glance-text': {
    // Any string whose code points all fit in 16 bits (the u flag reads a surrogate pair as one code point).
    test: /^[^\u{10000}-\u{10FFFF}]*$/u,
    message: 'has a character Glance refuses: one outside the Basic Multilingual Plane (4-byte UTF-8, such as an emoji)',
  },
};

/**
 * An ajv for this project's schemas (strict, JSON Schema 2020-12) that knows their extension keywords (x-wire,
 * x-change, x-outputs, x-live) and string formats: the resources' validator and the policy's envelope validator,
 * which refers to the resources' field definitions, both come from here.
 */
export function projectAjv(options: { readonly useDefaults?: boolean; readonly verbose?: boolean } = {}): Ajv2020 {
  const made = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, ...options });
  made.addVocabulary(['x-wire', 'x-change', 'x-outputs', 'x-live', 'x-account', 'x-accounts']);
  for (const [name, format] of Object.entries(formats)) made.addFormat(name, format.test);
  return made;
}

const ajv = projectAjv({ useDefaults: true, verbose: true });

/** How a change of a field is applied. */
export type ChangeMode = 'update' | 'replace';

/** One input field: its local (camelCase) name, its wire name, how a change applies, whether it is secret. */
export interface FieldSpec {
  readonly local: string;
  readonly wire: string | undefined;
  /**
   * Its key in a kind's accounts file instead of a wire name (`x-account`: a swift store's credentials, kept out of
   * Glance's database; the kind's `x-accounts` names the options that point at the file).
   */
  readonly account: string | undefined;
  readonly change: ChangeMode;
  readonly secret: boolean;
  /**
   * Whether the service keeps the field (default true). A field it does not keep (`x-live: false`: an image's
   * source and pins, a store's config folder) cannot be read back: a refresh keeps what the state says, and a
   * resource imported without it adopts the program's value instead of being replaced for it.
   */
  readonly live: boolean;
  /** A set (`uniqueItems`): its order is no change (Glance returns an image's tags in its own order). */
  readonly unordered: boolean;
  readonly description: string;
}

/** A loaded resource schema; `T` is the type of its checked inputs. */
export interface ResourceSchema<T = unknown> {
  /** The resource kind as users see it (`Image`). */
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  /** The outputs (`x-outputs`): what the service reports, and (`x-live: false`) what only this package records. */
  readonly outputs: readonly FieldSpec[];
  readonly validate: ValidateFunction;
  /** Field tables of the schema's $defs (per-kind options, for resources whose options depend on a kind). */
  readonly defs: Readonly<Record<string, readonly FieldSpec[]>>;
  /** Of a $def whose fields go to an accounts file (`x-accounts`): the options that name the file and the reference. */
  readonly accounts: Readonly<Record<string, AccountsFile>>;
  /** The JSON Schema document itself (for what is derived from it elsewhere: the Pulumi package schema). */
  readonly document: Readonly<Record<string, unknown>>;
  /** Phantom: ties the schema to the inputs type it checks. */
  readonly inputs?: T;
}

/** Where a kind's accounts file is named in its section: the option of the file's path and of its reference (section). */
export interface AccountsFile {
  readonly fileOption: string;
  readonly referenceOption: string;
}

type RawProperties = Record<
  string,
  {
    'x-wire'?: string;
    'x-account'?: string;
    'x-change'?: ChangeMode;
    'x-live'?: boolean;
    writeOnly?: boolean;
    uniqueItems?: boolean;
    description?: string;
  }
>;

interface RawSchema {
  title: string;
  properties: RawProperties;
  'x-outputs'?: RawProperties;
  $defs?: Record<string, { properties?: RawProperties; 'x-accounts'?: AccountsFile }>;
}

function fieldsOf(properties: RawProperties): FieldSpec[] {
  return Object.entries(properties).map(([local, spec]) => ({
    local,
    wire: spec['x-wire'],
    account: spec['x-account'],
    change: spec['x-change'] ?? 'replace',
    secret: spec.writeOnly === true,
    live: spec['x-live'] !== false,
    unordered: spec.uniqueItems === true,
    description: spec.description ?? '',
  }));
}

const loaded = new Map<string, ResourceSchema<never>>();

/** Loads and compiles schemas/<file> once per process. */
export function resourceSchema<T>(file: string): ResourceSchema<T> {
  const known = loaded.get(file);
  if (known !== undefined) return known;
  const raw = JSON.parse(readFileSync(fileURLToPath(new URL(`../../schemas/${file}`, import.meta.url)), 'utf8')) as RawSchema;
  const defs = Object.fromEntries(Object.entries(raw.$defs ?? {}).map(([name, def]) => [name, fieldsOf(def.properties ?? {})]));
  const schema = {
    title: raw.title,
    fields: fieldsOf(raw.properties),
    outputs: fieldsOf(raw['x-outputs'] ?? {}),
    defs,
    accounts: Object.fromEntries(
      Object.entries(raw.$defs ?? {}).flatMap(([name, def]) => (def['x-accounts'] === undefined ? [] : [[name, def['x-accounts']]])),
    ),
    document: { ...raw },
    validate: ajv.compile(raw),
  };
  loaded.set(file, schema);
  return schema;
}

/** One problem with an input: the field, the schema rule it breaks, and what to do. */
export interface InputProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** Bad input, raised before any API call: names the resource, each field and the rule. */
export class ResourceInputError extends Error {
  override readonly name = 'ResourceInputError';
  constructor(
    readonly resource: string,
    readonly problems: readonly InputProblem[],
  ) {
    super(`${resource}: ${problems.map((p) => `${p.field === '' ? '(inputs)' : p.field}: ${p.message} (rule: ${p.rule})`).join('; ')}`);
  }
}

function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function problemOf(e: ErrorObject): InputProblem {
  let field = fieldPath(e.instancePath);
  let message = e.message ?? 'is not valid';
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    const missing = String(params['missingProperty']);
    field = field === '' ? missing : `${field}.${missing}`;
    message = 'is required';
  } else if (e.keyword === 'additionalProperties') {
    const extra = String(params['additionalProperty']);
    field = field === '' ? extra : `${field}.${extra}`;
    message = 'is not a field of this resource';
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'propertyNames') {
    field = `${field}.${String(params['propertyName'])}`;
    message = 'is a name Glance reserves or does not allow for a property';
  } else if (e.keyword === 'const') {
    // A const carries its reason in its description (an http store cannot be the default...).
    const why = (e.parentSchema as { description?: string } | undefined)?.description;
    message = `must be ${JSON.stringify(params['allowedValue'])}${why === undefined ? '' : `: ${why}`}`;
  } else if (e.keyword === 'oneOf') {
    message = 'must be one of the documented forms';
  } else if (e.keyword === 'format') {
    message = formats[String(params['format'])]?.message ?? message;
  }
  return { field, rule: e.keyword, message };
}

/**
 * Validates inputs against the schema and returns them with defaults applied (a copy), or throws
 * ResourceInputError listing every problem. Called before any API call.
 */
export function checkInputs<T>(schema: ResourceSchema<T>, resourceName: string, inputs: unknown): T {
  const copy: unknown = structuredClone(inputs);
  if (schema.validate(copy)) return copy as T;
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const errors = schema.validate.errors ?? [];
  // The branches of a oneOf report their own errors; when the oneOf itself failed, say that once.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword !== 'oneOf' && [...oneOfPaths].some((p) => e.instancePath.startsWith(p) && e.schemaPath.includes('/oneOf/'))) continue;
    // A bad property name is reported once, by the propertyNames keyword, with the name.
    if (e.keyword !== 'propertyNames' && e.schemaPath.includes('/propertyNames/')) continue;
    const problem = problemOf(e);
    const key = `${problem.field}|${problem.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  throw new ResourceInputError(`${schema.title} "${resourceName}"`, problems);
}

/** What a change of inputs does: the fields that replace the resource and those updated in place. */
export interface InputDiff {
  readonly replaces: readonly string[];
  readonly updates: readonly string[];
}

/** Compares old and new inputs field by field (after defaults), classifying each changed field by its x-change. */
export function diffInputs<T extends object>(schema: ResourceSchema<T>, olds: T, news: T): InputDiff {
  const before = new Map<string, unknown>(Object.entries(olds));
  const after = new Map<string, unknown>(Object.entries(news));
  const replaces: string[] = [];
  const updates: string[] = [];
  // Keys in any order (fast-json-stable-stringify sorts them): an object the program declares and the same object
  // read back with a default added (a swift store's authVersion) or from the service differ in order, not in value.
  const canonical = (field: FieldSpec, value: unknown): string =>
    stableStringify(field.unordered && Array.isArray(value) ? [...(value as unknown[])].map(String).sort() : (value ?? null));
  for (const field of schema.fields) {
    if (canonical(field, before.get(field.local)) === canonical(field, after.get(field.local))) continue;
    (field.change === 'replace' ? replaces : updates).push(field.local);
  }
  return { replaces, updates };
}
