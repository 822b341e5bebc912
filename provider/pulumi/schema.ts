/**
 * The Pulumi package schema of the `image-catalog` provider, derived from schemas/<kind>.schema.json: each kind's
 * fields become the resource's input properties (types, descriptions, defaults, required, writeOnly -> secret), its
 * `x-outputs` and its inputs its output properties. The plugin's GetSchema serves it and `npm run build` writes
 * it to schema.json; neither is written by hand.
 */
import { kindSchemas, kinds, type Kind } from '../resources/kinds.js';
import { lookupFunctions } from '../resources/lookup.js';
import { versionLineSchema } from '../resources/versionLine.js';
import { componentToken, configKeys, functionToken, idNames, packageName, tokenModule, typeNames, typeToken } from './tokens.js';

/** A Pulumi schema type or property spec. */
type Spec = Record<string, unknown>;
type JsonSchema = Readonly<Record<string, unknown>>;

const any = { $ref: 'pulumi.json#/Any' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The object types a kind's fields need (a oneOf of objects becomes one object type). */
const objectTypes: Record<string, Spec> = {};

function scalar(type: unknown): string | undefined {
  const types = (Array.isArray(type) ? (type as unknown[]) : [type]).filter((t) => t !== 'null');
  const [first] = types;
  if (types.length !== 1 || typeof first !== 'string') return undefined;
  return first === 'integer' || first === 'number' || first === 'boolean' || first === 'string' ? first : undefined;
}

/** The Pulumi type of one JSON Schema property; `name` names an object type it needs. */
function typeOf(schema: JsonSchema, name: string): Spec {
  const oneOf = schema['oneOf'] as JsonSchema[] | undefined;
  if (oneOf !== undefined && oneOf.every((branch) => branch['type'] === 'object')) {
    // A choice of objects: one object type with every branch's fields (the resource's schema checks the choice).
    const properties: Record<string, Spec> = {};
    for (const branch of oneOf)
      for (const [field, spec] of Object.entries((branch['properties'] ?? {}) as Record<string, JsonSchema>))
        properties[field] = property(spec, `${name}${field[0]?.toUpperCase() ?? ''}${field.slice(1)}`);
    const token = `${packageName}:${tokenModule}:${name}`;
    objectTypes[token] = { type: 'object', description: text(schema['description']), properties };
    return { $ref: `#/types/${token}` };
  }
  const title = schema['title'];
  if (schema['type'] === 'object' && typeof title === 'string' && schema['properties'] !== undefined) {
    // A named part of a component (`$defs/version`, titled LineVersionFields): an object type of its own.
    const token = `${packageName}:${tokenModule}:${title.replace(/Fields$/, '')}`;
    const fields = schema['properties'] as Record<string, JsonSchema>;
    objectTypes[token] = {
      type: 'object',
      description: text(schema['description']),
      properties: Object.fromEntries(
        Object.entries(fields).map(([field, spec]) => [
          field,
          property(spec, `${title.replace(/Fields$/, '')}${field[0]?.toUpperCase() ?? ''}${field.slice(1)}`),
        ]),
      ),
      required: schema['required'] ?? [],
    };
    return { $ref: `#/types/${token}` };
  }
  const enumValues = schema['enum'] as unknown[] | undefined;
  if (enumValues !== undefined) return { type: typeof enumValues[0] === 'number' ? 'number' : 'string' };
  const type = schema['type'];
  if (type === 'array') return { type: 'array', items: typeOf((schema['items'] ?? {}) as JsonSchema, name) };
  if (type === 'object') {
    const values = schema['additionalProperties'];
    if (typeof values === 'object' && values !== null) return { type: 'object', additionalProperties: typeOf(values as JsonSchema, name) };
    return any;
  }
  const simple = scalar(type);
  return simple === undefined ? any : { type: simple };
}

function property(schema: JsonSchema, name: string): Spec {
  const description = [
    text(schema['description']),
    Array.isArray(schema['enum']) ? `One of: ${(schema['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return {
    ...typeOf(schema, name),
    ...(description === '' ? {} : { description }),
    ...(schema['default'] !== undefined && scalar(schema['type']) !== undefined ? { default: schema['default'] } : {}),
    ...(schema['writeOnly'] === true ? { secret: true } : {}),
  };
}

const cloudProperty = {
  type: 'string',
  description:
    "The clouds.yaml cloud that applies this resource (a name, resolved at run time; default: the provider's cloud, then OS_CLOUD / OS_*).",
};

const regionProperty = {
  type: 'string',
  description:
    "The region of the cloud this resource lives in (its image endpoint there; default: the cloud's region_name). Another region is another resource: a change replaces it.",
};

/** The Pulumi property name of a schema field (`id` is every resource's own: an image's is `imageId`, a store's `storeId`). */
export function pulumiName(kind: Kind, field: string): string {
  return field === 'id' ? (idNames[kind] ?? field) : field;
}

function resourceSpec(kind: Kind): Spec {
  const document = kindSchemas[kind]().document;
  const fields = document['properties'] as Record<string, JsonSchema>;
  const outputs = (document['x-outputs'] ?? {}) as Record<string, JsonSchema>;
  const required = ((document['required'] ?? []) as string[]).map((f) => pulumiName(kind, f));
  const inputProperties: Record<string, Spec> = { cloud: cloudProperty, region: regionProperty };
  for (const [field, spec] of Object.entries(fields))
    inputProperties[pulumiName(kind, field)] = property(spec, `${typeNames[kind]}${field[0]?.toUpperCase()}${field.slice(1)}`);
  const properties: Record<string, Spec> = { ...inputProperties };
  for (const [field, spec] of Object.entries(outputs)) properties[pulumiName(kind, field)] = property(spec, field);
  return {
    description: text(document['description']),
    inputProperties,
    requiredInputs: required,
    properties,
    required: [...required, ...Object.keys(outputs).map((f) => pulumiName(kind, f))],
  };
}

/** A component's schema with its `$ref`s inlined: its own (`#/$defs/version`) and a kind's (`image.schema.json#/properties/source`). */
function inlined(node: unknown, root: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((n) => inlined(n, root));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as JsonSchema)['$ref'];
  if (typeof ref === 'string') {
    const [file = '', pointer = ''] = ref.split('#');
    const base = file === '' ? root : kindSchemas[file.replace(/\.schema\.json$/, '') as Kind]().document;
    let target: unknown = base;
    for (const key of pointer.split('/').slice(1)) target = (target as JsonSchema)[key];
    if (target === undefined) throw new Error(`schema: $ref ${ref} points at nothing`);
    return inlined(target, base);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlined(v, root)]));
}

/** The VersionLine component (`isComponent`: the plugin's Construct builds it), from schemas/versionLine.schema.json. */
function componentSpec(): Spec {
  const document = inlined(versionLineSchema().document, versionLineSchema().document) as JsonSchema;
  const fields = document['properties'] as Record<string, JsonSchema>;
  const outputs = (document['x-outputs'] ?? {}) as Record<string, JsonSchema>;
  const inputProperties = Object.fromEntries(
    Object.entries(fields).map(([field, spec]) => [field, property(spec, `VersionLine${field[0]?.toUpperCase() ?? ''}${field.slice(1)}`)]),
  );
  return {
    isComponent: true,
    description: text(document['description']),
    inputProperties,
    requiredInputs: document['required'] ?? [],
    properties: Object.fromEntries(Object.entries(outputs).map(([field, spec]) => [field, property(spec, field)])),
    required: Object.keys(outputs),
  };
}

/** The output property names of a kind's resource (its inputs, `cloud`, and what the service reports). */
export function outputProperties(kind: Kind): string[] {
  return Object.keys(resourceSpec(kind)['properties'] as Record<string, unknown>);
}

/** The package schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/). */
export function pulumiSchema(version: string): Spec {
  const resources = {
    ...Object.fromEntries(kinds.map((kind) => [typeToken(kind), resourceSpec(kind)])),
    [componentToken('versionLine')]: componentSpec(),
  };
  const settings = {
    cloud: { type: 'string', description: 'The clouds.yaml cloud of every resource that names none (default: OS_CLOUD / OS_*).' },
    clouds: {
      type: 'string',
      secret: true,
      description: 'A clouds.yaml document (YAML) the cloud names are looked up in before the clouds.yaml files; set it as a secret.',
    },
    policy: { type: 'string', description: 'Policy data overrides (JSON) merged over the bundled policies/data.json.' },
  } satisfies Record<(typeof configKeys)[number], Spec>;
  return {
    name: packageName,
    displayName: 'Image Catalog',
    version,
    description:
      'Golden-image catalogs as code for an OpenStack-Glance-compatible Image Service: images, shares and storage backends, with the catalog policy decided before every apply.',
    keywords: ['openstack', 'glance', 'images', 'policy', 'category/infrastructure'],
    license: 'Apache-2.0',
    meta: { moduleFormat: '(.*)' },
    config: { variables: settings },
    provider: { description: 'The image-catalog provider: which cloud acts, and policy data overrides.', inputProperties: settings },
    resources,
    types: { ...objectTypes },
    functions: Object.fromEntries(
      Object.entries(lookupFunctions).map(([name, f]) => [
        functionToken(name as keyof typeof lookupFunctions),
        { description: f.description, inputs: functionSpec(f.schema.inputs), outputs: functionSpec(f.schema.outputs) },
      ]),
    ),
  };
}

/** A function's inputs or outputs from a JSON Schema object. */
function functionSpec(schema: JsonSchema): Spec {
  const fields = schema['properties'] as Record<string, JsonSchema>;
  return {
    properties: Object.fromEntries(Object.entries(fields).map(([field, spec]) => [field, property(spec, field)])),
    required: schema['required'],
  };
}
