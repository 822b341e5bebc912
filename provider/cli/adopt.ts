/**
 * `image-catalog adopt`: reads the live catalog of one owner and writes a project that manages it, in TypeScript or
 * Pulumi YAML (a Pulumi project), HCL (terraform-provider-openstack with import blocks) or a CDK Terrain app (the
 * same resources through the bindings, with importFrom): the images whose names
 * share a family as one `VersionLine` when the line declares each of them exactly as Glance has it
 * (./adopt-line.ts; its versions and memberships with their import ids; in HCL and CDKTF each version its own resource),
 * every other image as an `Image` with its import id, its fields as Glance has them and `source: { imported: true }`
 * (Glance does not keep where the data came from), one `ImageMember` per membership with its import id, and above
 * each resource the rules the audit finds it breaking (and, for a family left as plain images, why it is not a
 * line). The stores whose StorageBackend fragments are in the config folder it is given become StorageBackends with
 * their import ids in a Pulumi program, and every other store is said (./adopt-store.ts). One list of entries
 * (programEntries) is rendered in each language. Its first preview (or plan) holds imports only. */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { imageDocument, snapshotImages, type ImageWire } from '../client/images.js';
import { membersOfImages, type MemberWire } from '../client/members.js';
import type { Session } from '../client/session.js';
import { judgeCatalog, type Finding } from '../policy/audit.js';
import { PolicyEngine } from '../policy/engine.js';
import type { PolicyDataOverride } from '../policy/data.js';
import { utcToday } from '../resources/day.js';
import { componentToken, idNames, packageName, typeToken } from '../pulumi/tokens.js';
import { creationMark, imageInputsFromLive, isUndeclaredProperty } from '../resources/image/image.js';
import { tpoRelease, tpoResources } from '../cdktf/plan.js';
import { arrangeImages, type AdoptedImage, type AdoptedLine, type FamilyProposal } from './adopt-line.js';
import {
  readStores,
  reloadCommandOption,
  secretConfigKey,
  type AdoptedStore,
  type StoreAdoption,
  type StoreOptions,
} from './adopt-store.js';
import { cloudSession, isUnusableInput, readOverrides, UsageError } from './policy.js';
import {
  docComment,
  exampleFile,
  Expression,
  literal,
  pulumiProjectFiles,
  quote,
  yamlDocument,
  type YamlResource,
} from './project-files.js';

const languages = ['typescript', 'yaml', 'hcl', 'cdktf'] as const;
/** A language adopt writes a program in. */
export type Language = (typeof languages)[number];

/** Whether `language` writes a Pulumi project (VersionLines and StorageBackends there; HCL and CDKTF have neither). */
function isPulumiLanguage(language: string): boolean {
  return language === 'typescript' || language === 'yaml';
}

/** What adopt read. */
export interface Adoption {
  readonly cloud: string;
  readonly owner: string;
  readonly today: string;
  readonly images: readonly AdoptedImage[];
  /** The images whose names share a family, each as a line or as plain images with the reason (../adopt-line.ts). */
  readonly families: readonly FamilyProposal[];
  /** The images no family takes. */
  readonly others: readonly AdoptedImage[];
  /** Images of the owner left out: in a status an import cannot take (queued, saving, importing, killed, ...). */
  readonly skipped: readonly ImageWire[];
  /** The stores: those written as StorageBackends, and what is said of the others (./adopt-store.ts). */
  readonly stores: StoreAdoption;
}

/** A resource name from an image name: lower case, dashes for the rest; unique within `taken`. */
export function resourceName(name: string | null, id: string, taken: Set<string>): string {
  const base =
    (name ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || `image-${id.slice(0, 8)}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${String(n)}`;
  taken.add(candidate);
  return candidate;
}

/** A TypeScript identifier from a resource name. */
function variableName(resource: string): string {
  const camel = resource.replace(/[-.]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  return /^[0-9]/.test(camel) ? `image${camel}` : camel;
}

/** The inputs an adopted image is declared with: every field Glance keeps, as it has it, and the imported source. */
export function adoptedInputs(live: ImageWire): Record<string, unknown> {
  const inputs = imageInputsFromLive(live);
  const order = [
    'name',
    'diskFormat',
    'containerFormat',
    'visibility',
    'minDisk',
    'minRam',
    'isProtected',
    'isHidden',
    'isDeactivated',
    'tags',
  ];
  const sorted: Record<string, unknown> = {};
  for (const key of order) if (inputs[key] !== undefined) sorted[key] = inputs[key];
  const properties = (inputs['properties'] ?? {}) as Record<string, string>;
  sorted['properties'] = Object.fromEntries(
    Object.keys(properties)
      .sort()
      .map((k) => [k, properties[k]]),
  );
  sorted['source'] = { imported: true };
  return sorted;
}

/** What a member's status says, in a comment of the program. */
const answers: Readonly<Record<MemberWire['status'], string>> = {
  accepted: 'has accepted the share',
  rejected: 'has rejected the share',
  pending: 'has not answered the share yet',
};

/** Whether a stack instance made the image (it carries the catalog's creation mark): a program manages it already. */
export function madeByAStack(image: AdoptedImage): boolean {
  return typeof imageDocument(image.live).properties[creationMark] === 'string';
}

/** What the program's comments say of an image: made by a stack, and the audit's findings. */
function findingNotes(image: AdoptedImage): string[] {
  return [
    ...(madeByAStack(image)
      ? [
          `${image.live.name ?? image.live.id}: made by a stack of the catalog (its creation mark): if that stack still holds it, importing it here makes two programs manage one image (leave it out with --include, or remove it from that stack's state first); if that stack's state is gone, this program takes it over`,
        ]
      : []),
    ...findingsOf(image),
  ];
}

/** The audit's findings of an image, as the program's comments say them. */
function findingsOf(image: AdoptedImage): string[] {
  return image.findings.flatMap((f) =>
    f.problems.map((p) => `audit: ${f.level} ${f.rule}: ${image.live.name ?? image.live.id}: ${p.message.replaceAll('\n', ' ')}`),
  );
}

/** One resource of the written program, whatever the language: its name, what it declares, the notes above it. */
export type ProgramEntry =
  | { readonly kind: 'line'; readonly resource: string; readonly args: Record<string, unknown>; readonly notes: readonly string[] }
  | {
      readonly kind: 'image';
      readonly resource: string;
      readonly inputs: Record<string, unknown>;
      readonly importId: string;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'store';
      readonly resource: string;
      /** The StorageBackend's inputs under their Pulumi names (`storeId`), without the secret options. */
      readonly inputs: Record<string, unknown>;
      /** Each secret option the fragment sets, and the stack config key (a secret) the program reads it from. */
      readonly secrets: readonly { readonly option: string; readonly key: string }[];
      readonly importId: string;
      /** Whether the stores are read with a cloud of their own (an admin's): the program's `stores` provider. */
      readonly ownProvider: boolean;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'member';
      readonly resource: string;
      /** The Image entry's resource name. */
      readonly image: string;
      readonly memberProjectId: string;
      readonly importId: string;
      readonly notes: readonly string[];
    };

/** The args a VersionLine of an adopted line is written with (the consumers' statuses go into comments). */
export function lineArgs(line: AdoptedLine): Record<string, unknown> {
  const { consumers, ...rest } = line;
  const family: Record<string, unknown> = { ...rest };
  delete family['name'];
  return { ...family, ...(consumers.length > 0 ? { consumers: consumers.map(({ projectId, name }) => ({ projectId, name })) } : {}) };
}

/** An adopted image as an `Image` entry and its memberships as `ImageMember` entries, with their import ids. */
function imageEntries(image: AdoptedImage, taken: Set<string>, reason: string[]): ProgramEntry[] {
  const resource = resourceName(image.live.name ?? null, image.live.id, taken);
  return [
    { kind: 'image', resource, inputs: adoptedInputs(image.live), importId: image.live.id, notes: [...reason, ...findingNotes(image)] },
    ...image.members.map((member): ProgramEntry => ({
      kind: 'member',
      resource: resourceName(`${resource}-share-${member.member_id.slice(0, 8)}`, member.member_id, taken),
      image: resource,
      memberProjectId: member.member_id,
      importId: `${image.live.id}/${member.member_id}`,
      notes: [`${member.member_id} ${answers[member.status]} (its acceptance is the member project's own to declare)`],
    })),
  ];
}

/** Whether no version of an adopted line is its latest (Glance tags none `<family>@latest`). */
function withoutLatest(line: AdoptedLine): boolean {
  return line.versions.every((v) => v.excludeFromLatest === true);
}

/** A line as a `VersionLine` entry: the line's notes, each version's findings, each consumer's statuses. */
function lineEntry(line: AdoptedLine, images: readonly AdoptedImage[]): ProgramEntry {
  return {
    kind: 'line',
    resource: line.name,
    args: lineArgs(line),
    notes: [
      `${line.name}: ${images.length} version${images.length === 1 ? '' : 's'} as one line (current: the one Glance has visible and undeprecated)`,
      ...(withoutLatest(line)
        ? [
            `${line.name}: no image is tagged ${line.name}@latest, so every version is written excludeFromLatest and the line has no latest channel; drop excludeFromLatest from the version consumers should get (an update of its tags)`,
          ]
        : []),
      ...images.flatMap(findingNotes),
      ...line.consumers.map(
        (c) =>
          `consumer ${c.projectId}: ${Object.entries(c.statuses)
            .map(([version, status]) => `v${version} ${status}`)
            .join(', ')} (its acceptance is the consumer's own to declare: LineAcceptance)`,
      ),
    ],
  };
}

/** An adopted store as a `StorageBackend` entry (a Pulumi program's): its inputs, its secret options, its import id. */
function storeEntry(store: AdoptedStore, ownProvider: boolean, taken: Set<string>): ProgramEntry {
  const { id, ...rest } = store.inputs;
  return {
    kind: 'store',
    resource: resourceName(`store-${store.live.id}`, store.live.id, taken),
    inputs: { [idNames.store ?? 'id']: id, ...rest },
    secrets: store.secrets.map((option) => ({ option, key: secretConfigKey(store.live.id, option) })),
    importId: store.live.id,
    ownProvider,
    notes: [
      ...(store.owner === undefined
        ? []
        : [
            `store ${store.live.id}: made by a stack of the catalog (its fragment's mark ${store.owner}): if that stack still holds it, importing it here makes two programs manage one store (leave it out with --stores); if that stack's state is gone, this program takes it over (its next change claims the fragment)`,
          ]),
      ...store.secrets.map(
        (option) =>
          `options.${option}: a secret the fragment holds: set it with pulumi config set --secret ${secretConfigKey(store.live.id, option)}`,
      ),
    ],
  };
}

/**
 * The resources of the program an adoption writes, in order, with their notes: the same for every language. A
 * language without a VersionLine (`pulumi` false: HCL, CDKTF) gets a line's versions as plain entries, each
 * saying its line, and no store (the header says them).
 */
export function programEntries(adoption: Adoption, pulumi = true): ProgramEntry[] {
  const taken = new Set<string>(['adopted', 'stores']);
  const familyEntries = (f: FamilyProposal): ProgramEntry[] => {
    if (!('line' in f))
      return f.images.flatMap((image, i) =>
        imageEntries(
          image,
          taken,
          pulumi && i === 0 ? [`${f.family}: not written as a VersionLine: ${f.reason.replaceAll('\n', ' ')}`] : [],
        ),
      );
    if (pulumi) return [lineEntry(f.line, f.images)];
    return f.images.flatMap((image) =>
      imageEntries(image, taken, [`a version of the line ${f.family} (no VersionLine in this language: each version is its own resource)`]),
    );
  };
  const ownProvider = adoption.stores.cloud !== adoption.cloud;
  return [
    ...(pulumi ? adoption.stores.written.map((store) => storeEntry(store, ownProvider, taken)) : []),
    ...adoption.families.flatMap(familyEntries),
    ...adoption.others.flatMap((image) => imageEntries(image, taken, [])),
  ];
}

/** What the written project says it is (its Pulumi.yaml and package.json description). */
function adoptionDescription(adoption: Adoption): string {
  return `The images of project ${adoption.owner} (cloud ${adoption.cloud}), adopted by image-catalog adopt on ${adoption.today}.`;
}

/**
 * An adopted image as terraform-provider-openstack's `openstack_images_image_v2` declares it: each attribute of
 * `tpoResources` the catalog does not leave to the service, with the value Glance has (its properties as adopt
 * declares them), and what `ignore_changes` keeps from being a change (the provider's own download cache, the
 * properties no program declares). For the HCL configuration and the CDKTF app alike.
 */
function tpoImage(
  live: ImageWire,
  properties: Readonly<Record<string, string>>,
): {
  readonly values: readonly (readonly [string, unknown])[];
  readonly ignored: readonly string[];
  readonly notes: readonly string[];
} {
  const image = tpoResources['openstack_images_image_v2'];
  const values = Object.entries(image?.wire ?? {})
    .filter(([attribute]) => !(image?.assigned ?? []).includes(attribute))
    .map(([attribute, wire]) => [attribute, wire === 'properties' ? properties : live[wire]] as const)
    .filter(([, value]) => value !== undefined && value !== null);
  const undeclared = Object.keys(imageDocument(live).properties).filter(isUndeclaredProperty).sort();
  return {
    values,
    ignored: ['image_cache_path', ...undeclared.map((k) => `properties[${JSON.stringify(k)}]`)],
    notes: live.status === 'deactivated' ? ['deactivated in Glance (revoked): terraform-provider-openstack has no attribute for it'] : [],
  };
}

/**
 * What the program says of the stores it does not declare: those adopt did not write (./adopt-store.ts) and, in
 * HCL and CDKTF, the StorageBackend fragments it found (neither can import one).
 */
function storeNotes(adoption: Adoption, language: Language): string[] {
  if (isPulumiLanguage(language)) return [...adoption.stores.notes];
  const why =
    language === 'hcl'
      ? 'terraform-provider-openstack has no resource for a Glance store'
      : 'the CDKTF StorageBackend is a terraform_data, and an import of one fills no input (hashicorp/terraform#32683: the next plan would change it)';
  const fragments = adoption.stores.written.map((s) => `${s.live.id} (${s.live.type})`);
  return fragments.length === 0
    ? []
    : [
        `stores: the StorageBackend fragments of ${fragments.join(', ')} are not written here: ${why}; adopt them into a Pulumi program (adopt --language typescript with the same --store options)`,
      ];
}

/** What the program's header says, whatever the language (one line a sentence group). */
function headerText(adoption: Adoption, language: Language): string[] {
  const stores = storeNotes(adoption, language);
  return [...headerBody(adoption, language), ...(stores.length === 0 ? [] : ['', ...stores])];
}

function headerBody(adoption: Adoption, language: Language): string[] {
  const count = `${adoption.images.length} image${adoption.images.length === 1 ? '' : 's'}`;
  const seen = `The images of project ${adoption.owner} as cloud ${JSON.stringify(adoption.cloud)} saw them on ${adoption.today}, written by`;
  if (language === 'cdktf')
    return [
      seen,
      `\`image-catalog adopt\` (${count}). Each resource is imported (\`importFrom\`): the first \`cdktn diff\` holds imports`,
      'only, and `cdktn deploy` (TERRAFORM_BINARY_NAME=image-catalog-tofu: the gate decides each plan) imports them;',
      'remove the importFrom calls after it.',
      '',
      "Glance does not keep where an image's data came from, so no imageSourceUrl or localFilePath is written: the",
      'data is what Glance has. A new version is a CatalogImage (or a VersionLine) beside these, decided by the gate',
      'before its apply (docs/cdktf.md, docs/adopt.md).',
    ];
  if (language === 'hcl')
    return [
      seen,
      `\`image-catalog adopt\` (${count}). Each resource has its import block: the first \`tofu plan\` holds imports only`,
      '(decide it with `image-catalog plan-check`), its apply imports them; remove the import blocks after it.',
      '',
      "Glance does not keep where an image's data came from, so no image_source_url or local_file_path is written: the",
      'data is what Glance has. A new version is a new openstack_images_image_v2 resource with its data, decided by',
      'the policy through `image-catalog plan-check` before its apply (docs/adopt.md).',
    ];
  const provider = language === 'typescript' ? '`{ provider }`' : '`options: { provider: ${adopted} }`';
  return [
    seen,
    `\`image-catalog adopt\` (${count}). Each resource carries its import id: the first \`pulumi up\` imports them (its`,
    'preview holds imports only), and from then on this program manages them (the policy decides every change, a',
    'published image is immutable). Remove the import ids after that run.',
    '',
    "Glance does not keep where an image's data came from: each image's source is `{ imported: true }`, data that",
    'was there before the catalog managed it (docs/adopt.md). Declare the real file or url when you know it: no',
    `change. A new version is a version added to its VersionLine, or a new Image with ${provider}.`,
  ];
}

/** A store entry's inputs with each secret option as `read(key)` gives it (the program reads it from its stack config). */
function storeInputs(e: Extract<ProgramEntry, { kind: 'store' }>, read: (key: string) => unknown): Record<string, unknown> {
  const options = (e.inputs['options'] ?? {}) as Record<string, unknown>;
  return { ...e.inputs, options: { ...options, ...Object.fromEntries(e.secrets.map((s) => [s.option, read(s.key)])) } };
}

/** The program (index.ts) of an adoption: pure. */
export function typescriptProgram(adoption: Adoption): string {
  const entries = programEntries(adoption);
  const variables = new Map(entries.map((e) => [e.resource, variableName(e.resource)]));
  const comments = (notes: readonly string[]): string[] => notes.map((n) => `  // ${n}`);
  const stores = entries.flatMap((e) => (e.kind === 'store' ? [e] : []));
  const blocks = entries.map((e) => {
    if (e.kind === 'store')
      return [
        ...comments(e.notes),
        `  new StorageBackend(${quote(e.resource)}, ${literal(
          storeInputs(e, (key) => new Expression(`config.requireSecret(${quote(key)})`)),
          '  ',
        )}, { provider: ${e.ownProvider ? 'storesProvider' : 'provider'}, import: ${quote(e.importId)} });`,
      ].join('\n');
    if (e.kind === 'line')
      return [...comments(e.notes), `  new VersionLine(${quote(e.resource)}, ${literal(e.args, '  ')}, { provider });`].join('\n');
    if (e.kind === 'image')
      return [
        ...comments(e.notes),
        `  const ${variables.get(e.resource) ?? ''} = new Image(${quote(e.resource)}, ${literal(e.inputs, '  ')}, { provider, import: ${quote(e.importId)} });`,
      ].join('\n');
    return [
      ...comments(e.notes),
      `  new ImageMember(\n    ${quote(e.resource)},\n    { image: ${variables.get(e.image) ?? ''}, memberProjectId: ${quote(e.memberProjectId)} },\n    { provider, import: ${quote(e.importId)} },\n  );`,
    ].join('\n');
  });
  const used = new Set(entries.map((e) => e.kind));
  const imports = [
    ...(used.has('image') ? ['Image'] : []),
    ...(used.has('member') ? ['ImageMember'] : []),
    'Provider',
    ...(used.has('store') ? ['StorageBackend'] : []),
    ...(used.has('line') ? ['VersionLine'] : []),
  ];
  const secrets = stores.some((e) => e.secrets.length > 0);
  const preamble = [
    ...(secrets ? [`import * as pulumi from '@pulumi/pulumi';`] : []),
    `import { ${imports.join(', ')} } from 'image-catalog/pulumi';`,
  ];
  const declarations = [
    "  // The cloud adopt read with: an import reads with its provider's cloud.",
    `  const provider = new Provider('adopted', { cloud: ${quote(adoption.cloud)} });`,
    ...(stores.some((e) => e.ownProvider)
      ? [
          '  // The cloud adopt read the stores with (an admin: /v2/info/stores/detail is admin only).',
          `  const storesProvider = new Provider('stores', { cloud: ${quote(adoption.stores.cloud)} });`,
        ]
      : []),
    ...(secrets
      ? [
          '  // The secret options of the stores, from the stack config (pulumi config set --secret).',
          '  const config = new pulumi.Config();',
        ]
      : []),
  ];
  return `${docComment(headerText(adoption, 'typescript'))}
${preamble.join('\n')}

export default function catalog(): Promise<Record<string, unknown>> {
${declarations.join('\n')}

${blocks.join('\n\n')}
  return Promise.resolve({});
}
`;
}

/** The Pulumi YAML program of an adoption (Pulumi.yaml): the same resources as {@link typescriptProgram}, as data. */
export function yamlProgram(adoption: Adoption, project: string): string {
  const provider = '${adopted}';
  const entries = programEntries(adoption);
  const stores = entries.flatMap((e) => (e.kind === 'store' ? [e] : []));
  const resources: YamlResource[] = [
    {
      name: 'adopted',
      value: { type: `pulumi:providers:${packageName}`, properties: { cloud: adoption.cloud } },
      notes: ["The cloud adopt read with: an import reads with its provider's cloud."],
    },
    ...(stores.some((e) => e.ownProvider)
      ? [
          {
            name: 'stores',
            value: { type: `pulumi:providers:${packageName}`, properties: { cloud: adoption.stores.cloud } },
            notes: ['The cloud adopt read the stores with (an admin: /v2/info/stores/detail is admin only).'],
          },
        ]
      : []),
    ...entries.map((e): YamlResource => {
      if (e.kind === 'store')
        return {
          name: e.resource,
          notes: e.notes,
          value: {
            type: typeToken('store'),
            properties: storeInputs(e, (key) => `\${${key}}`),
            options: { provider: e.ownProvider ? '${stores}' : provider, import: e.importId },
          },
        };
      if (e.kind === 'line')
        return {
          name: e.resource,
          notes: e.notes,
          value: { type: componentToken('versionLine'), properties: e.args, options: { provider } },
        };
      if (e.kind === 'image')
        return {
          name: e.resource,
          notes: e.notes,
          value: { type: typeToken('image'), properties: e.inputs, options: { provider, import: e.importId } },
        };
      return {
        name: e.resource,
        notes: e.notes,
        value: {
          type: typeToken('member'),
          properties: { imageId: `\${${e.image}.imageId}`, memberProjectId: e.memberProjectId },
          options: { provider, import: e.importId },
        },
      };
    }),
  ];
  return yamlDocument(
    project,
    adoptionDescription(adoption),
    headerText(adoption, 'yaml'),
    resources,
    stores.flatMap((e) => e.secrets.map((s) => s.key)),
  );
}

/** A value as HCL (`${` and `%{` escaped: an adopted value is data, never a template). */
function hcl(value: unknown, indent: string): string {
  if (typeof value === 'string')
    return JSON.stringify(value)
      .replaceAll('${', () => '$${')
      .replaceAll('%{', () => '%%{');
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => hcl(v, indent)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const width = Math.max(...entries.map(([k]) => JSON.stringify(k).length));
  return `{\n${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k).padEnd(width)} = ${hcl(v, `${indent}  `)}`).join('\n')}\n${indent}}`;
}

/** An HCL identifier from a resource name (`ubuntu-24.04-base-v1.0` -> `ubuntu-24_04-base-v1_0`). */
function hclName(resource: string): string {
  const name = resource.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

/**
 * The HCL configuration of an adoption (main.tf) for terraform-provider-openstack: each image an
 * `openstack_images_image_v2` with its attributes as Glance has them (the attributes of `tpoResources`), each
 * membership an `openstack_images_image_access_v2`, each with an `import` block; a family kept as a line is its
 * versions (HCL has no VersionLine; the notes say which line). `lifecycle.ignore_changes` keeps the provider's own
 * `image_cache_path` and the properties other tools put on an image (`owner_specified.*`) from being changes: the
 * plan holds imports only.
 */
export function hclProgram(adoption: Adoption): string {
  const byId = new Map(adoption.images.map((i) => [i.live.id, i]));
  const blocks = programEntries(adoption, false).map((e) => {
    const comments = (notes: readonly string[]): string[] => notes.map((n) => `# ${n}`);
    if (e.kind === 'line' || e.kind === 'store') throw new Error(`adopt: ${e.resource}: a ${e.kind} in an HCL configuration`);
    const address = `${e.kind === 'image' ? 'openstack_images_image_v2' : 'openstack_images_image_access_v2'}.${hclName(e.resource)}`;
    const importBlock = `import {\n  to = ${address}\n  id = ${hcl(e.importId, '')}\n}`;
    if (e.kind === 'member')
      return [
        ...comments(e.notes),
        importBlock,
        `resource "openstack_images_image_access_v2" "${hclName(e.resource)}" {\n  image_id  = openstack_images_image_v2.${hclName(e.image)}.id\n  member_id = ${hcl(e.memberProjectId, '  ')}\n}`,
      ].join('\n');
    const tpo = tpoImage((byId.get(e.importId) as AdoptedImage).live, (e.inputs['properties'] ?? {}) as Record<string, string>);
    const width = Math.max(...tpo.values.map(([a]) => a.length));
    return [
      ...comments([...e.notes, ...tpo.notes]),
      importBlock,
      `resource "openstack_images_image_v2" "${hclName(e.resource)}" {`,
      ...tpo.values.map(([a, v]) => `  ${a.padEnd(width)} = ${hcl(v, '  ')}`),
      '  lifecycle {',
      "    # The provider's own download cache, the properties other tools put on the image and the catalog's marks: never a change.",
      `    ignore_changes = [${tpo.ignored.join(', ')}]`,
      '  }',
      '}',
    ].join('\n');
  });
  return `${headerText(adoption, 'hcl')
    .map((l) => (l === '' ? '#' : `# ${l}`))
    .join('\n')}

terraform {
  required_providers {
    openstack = {
      source  = "${tpoRelease.source}"
      version = "${tpoRelease.version}"
    }
  }
}

# The cloud adopt read with: the imports read with it.
provider "openstack" {
  cloud = ${hcl(adoption.cloud, '')}
}

${blocks.join('\n\n')}
`;
}

/** A terraform-provider-openstack attribute as its CDK Terrain binding names it (`min_disk_gb` -> `minDiskGb`). */
function bindingName(attribute: string): string {
  return attribute.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The CDK Terrain app of an adoption (main.ts): the resources of {@link hclProgram} through the package's
 * terraform-provider-openstack bindings, each with `importFrom` (cdktn writes the import blocks), the same notes
 * and `ignoreChanges`, in a stack that requires the gate (`cdktn deploy` with `TERRAFORM_BINARY_NAME=image-catalog-tofu`).
 */
export function cdktfProgram(adoption: Adoption): string {
  const byId = new Map(adoption.images.map((i) => [i.live.id, i]));
  const variables = new Map<string, string>();
  const blocks = programEntries(adoption, false).map((e) => {
    const comments = (notes: readonly string[]): string[] => notes.map((n) => `    // ${n}`);
    if (e.kind === 'line' || e.kind === 'store') throw new Error(`adopt: ${e.resource}: a ${e.kind} in a CDKTF app`);
    const variable = variableName(e.resource);
    variables.set(e.resource, variable);
    if (e.kind === 'member')
      return [
        ...comments(e.notes),
        `    new openstack.imagesImageAccessV2.ImagesImageAccessV2(this, ${quote(e.resource)}, {`,
        `      imageId: ${variables.get(e.image) ?? ''}.id,`,
        `      memberId: ${quote(e.memberProjectId)},`,
        `    }).importFrom(${quote(e.importId)});`,
      ].join('\n');
    const tpo = tpoImage((byId.get(e.importId) as AdoptedImage).live, (e.inputs['properties'] ?? {}) as Record<string, string>);
    return [
      ...comments([...e.notes, ...tpo.notes]),
      `    const ${variable} = new openstack.imagesImageV2.ImagesImageV2(this, ${quote(e.resource)}, {`,
      ...tpo.values.map(([attribute, v]) => `      ${bindingName(attribute)}: ${literal(v, '      ')},`),
      "      // The provider's own download cache, the properties other tools put on the image and the catalog's marks: never a change.",
      `      lifecycle: { ignoreChanges: ${literal(tpo.ignored, '      ')} },`,
      '    });',
      `    ${variable}.importFrom(${quote(e.importId)});`,
    ].join('\n');
  });
  // The app's imports, as text the app will hold (this module loads none of them: the CLI never loads cdktn).
  const appImports = [
    ['{ App, TerraformStack }', 'cdktn'],
    ['type { Construct }', 'constructs'],
    ['{ OpenstackProvider, checkCatalog, openstack, requireGate }', 'image-catalog/cdktf'],
  ]
    .map(([names, module]) => ['import', names, 'from', quote(module ?? '')].join(' ') + ';')
    .join('\n');
  return `${docComment(headerText(adoption, 'cdktf'))}
${appImports}

class Adopted extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Applied only through the image-catalog gate, which decides each plan with the catalog policy first.
    requireGate(this);
    // The cloud adopt read with: the imports read with it.
    new OpenstackProvider(this, 'adopted', { cloud: ${quote(adoption.cloud)} });

${blocks.join('\n\n')}
  }
}

const app = new App();
new Adopted(app, 'catalog');
await checkCatalog(app);
app.synth();
`;
}

/** The files of the written project, by name, in `language`. */
export function projectFiles(adoption: Adoption, project: string, language: Language = 'typescript'): Record<string, string> {
  const description = adoptionDescription(adoption);
  if (language === 'hcl') return { 'main.tf': hclProgram(adoption) };
  if (language === 'cdktf')
    return {
      'main.ts': cdktfProgram(adoption),
      // The shipped CDKTF example's app settings, manifest and compiler settings, with this project's name.
      'cdktf.json': exampleFile('cdktf/cdktf.json'),
      'package.json': `${JSON.stringify({ ...(JSON.parse(exampleFile('cdktf/package.json')) as Record<string, unknown>), name: project, description }, null, 2)}\n`,
      'tsconfig.json': exampleFile('cdktf/tsconfig.json'),
    };
  return pulumiProjectFiles(
    language,
    project,
    description,
    language === 'yaml' ? yamlProgram(adoption, project) : typescriptProgram(adoption),
  );
}

/** Reads what to adopt: the owner's images (all visibilities, hidden ones), their memberships, the audit's findings. */
export async function readAdoption(
  session: Session,
  options: {
    cloud: string;
    owner?: string;
    include?: RegExp;
    overrides?: readonly PolicyDataOverride[];
    /** Where the stores are read (default: `session` as `cloud`) and where their fragments are (./adopt-store.ts). */
    stores?: Partial<StoreOptions> & { session?: Session };
  },
): Promise<Adoption> {
  const { session: storeSession, ...storeOptions } = options.stores ?? {};
  const stores = readStores(storeSession ?? session, { cloud: options.cloud, ...storeOptions });
  const token = await session.token();
  const owner = options.owner === undefined || options.owner === token.projectName ? (token.projectId ?? '') : options.owner;
  const [engine, listed] = await Promise.all([PolicyEngine.load({ overrides: options.overrides ?? [] }), snapshotImages(session)]);
  const owned = listed
    .filter((image) => image['owner'] === owner && (options.include === undefined || options.include.test(image.name ?? '')))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
  const finished = (image: ImageWire): boolean => image.status === 'active' || image.status === 'deactivated';
  const mine = owned.filter(finished);
  const today = utcToday();
  const { findings } = judgeCatalog(engine, await session.identity(), listed.map(imageDocument), { owner }, today);
  const members = await membersOfImages(
    session,
    mine.filter((live) => live['visibility'] === 'shared').map((live) => live.id),
  );
  const findingsOf = new Map<string, Finding[]>();
  for (const f of findings) findingsOf.set(f.image.id, [...(findingsOf.get(f.image.id) ?? []), f]);
  const images: AdoptedImage[] = mine.map((live) => ({
    live,
    members: members.get(live.id) ?? [],
    findings: findingsOf.get(live.id) ?? [],
  }));
  return {
    cloud: options.cloud,
    owner,
    today,
    images,
    ...arrangeImages(images, today),
    skipped: owned.filter((image) => !finished(image)),
    stores: await stores,
  };
}

/** What adopt's output says of the stores: those written (and their secrets to set), and the others. */
function storeReport(adoption: Adoption, language: Language): string {
  const written = isPulumiLanguage(language) ? adoption.stores.written : [];
  const secrets = written.flatMap((s) => s.secrets.map((option) => secretConfigKey(s.live.id, option)));
  return (
    (written.length === 0
      ? ''
      : `adopt: ${written.length} StorageBackend${written.length === 1 ? '' : 's'} (${written.map((s) => s.live.id).join(', ')}) with their import ids, read with cloud ${JSON.stringify(adoption.stores.cloud)}\n`) +
    written
      .filter((s) => s.owner !== undefined)
      .map(
        (s) =>
          `adopt: store ${s.live.id} was made by a stack of the catalog (its fragment's mark): if that stack still holds it, leave it out with --stores (two programs would manage one store); if its state is gone, this program takes it over\n`,
      )
      .join('') +
    (secrets.length === 0
      ? ''
      : `adopt: before the preview, set the stores' secret options (their values are in the fragments; adopt writes none): ${secrets.map((k) => `pulumi config set --secret ${k}`).join('; ')}\n`) +
    storeNotes(adoption, language)
      .map((n) => `adopt: ${n}\n`)
      .join('')
  );
}

/** The options of `adopt`, as commander gives them. */
interface AdoptOptions {
  readonly out: string;
  readonly cloud?: string;
  readonly owner?: string;
  readonly include?: string;
  readonly language: string;
  readonly data?: string[];
  readonly storeCloud?: string;
  readonly storeConfigDir?: string;
  readonly storeReloadCommand?: string;
  readonly stores?: string;
}

/** A regular expression option, or a usage error naming it. */
function regexOption(name: string, text: string | undefined): RegExp | undefined {
  try {
    return text === undefined ? undefined : new RegExp(text);
  } catch (err) {
    throw new UsageError(`${name} ${text ?? ''}: ${(err as Error).message}`);
  }
}

/** Where and how adopt reads the stores, from its options (both the folder and the reload command, or neither). */
function storeOptions(options: AdoptOptions, cloud: string): StoreOptions {
  if ((options.storeConfigDir === undefined) !== (options.storeReloadCommand === undefined))
    throw new UsageError(
      '--store-config-dir and --store-reload-command go together: a StorageBackend declares the folder of its fragment and what reloads glance-api',
    );
  if (options.storeConfigDir !== undefined && !(existsSync(options.storeConfigDir) && statSync(options.storeConfigDir).isDirectory()))
    throw new UsageError(`--store-config-dir ${options.storeConfigDir}: not a folder; nothing was written`);
  const include = regexOption('--stores', options.stores);
  return {
    cloud: options.storeCloud ?? cloud,
    ...(options.storeConfigDir === undefined ? {} : { configDir: resolve(options.storeConfigDir) }),
    ...(options.storeReloadCommand === undefined ? {} : { reloadCommand: reloadCommandOption(options.storeReloadCommand) }),
    ...(include === undefined ? {} : { include }),
  };
}

/** Registers `adopt`. */
export function registerAdopt(program: Command): void {
  program
    .command('adopt')
    .description(
      "Write a Pulumi project (TypeScript, or Pulumi YAML with --language yaml) or an HCL configuration (--language hcl, terraform-provider-openstack with import blocks) or a CDK Terrain app (--language cdktf, the same resources with importFrom; no VersionLine in those two) that manages an owner's live images: a family of convention-named images as one VersionLine " +
        'when the line declares each version exactly as Glance has it (else why not, as a comment), every other image as an Image ' +
        'with its import id, its fields as Glance has them and source { imported: true }, one ImageMember per membership, the audit findings as comments. ' +
        'Its first preview holds imports only. Images in a status other than active or deactivated are left out (and said). ' +
        'Stores (read as an admin): those whose StorageBackend fragments are in --store-config-dir as StorageBackends with their import ids ' +
        '(a Pulumi program; a secret option read from the stack config), every other store said. ' +
        'Exit 0 written, 2 could not (an --out folder that is not empty, no cloud, a catalog the cloud cannot list).',
    )
    .requiredOption('--out <dir>', 'the folder to write the project into (new, or empty)')
    .option('--cloud <name>', 'the clouds.yaml cloud to read as, and the one the program applies with (default: OS_CLOUD)')
    .option('--owner <project>', "the project whose images to adopt: an id, or the cloud's own project name (default: the cloud's project)")
    .option('--include <regex>', 'only the images whose name matches')
    .option('--language <language>', languages.join(', '), 'typescript')
    .option('--data <file...>', 'policy data overrides for the findings written as comments')
    .option('--store-cloud <name>', 'the cloud to read the stores with, an admin (/v2/info/stores/detail is admin only; default: --cloud)')
    .option(
      '--store-config-dir <dir>',
      "glance-api's --config-dir: the stores whose StorageBackend fragments are there are written as StorageBackends",
    )
    .option(
      '--store-reload-command <command>',
      'what the written StorageBackends reload glance-api with (a JSON array of argv, or words split on spaces); with --store-config-dir',
    )
    .option('--stores <regex>', 'only the stores whose id matches')
    .action(async (options: AdoptOptions) => {
      if (!(languages as readonly string[]).includes(options.language))
        throw new UsageError(`--language ${options.language}: not one of ${languages.join(', ')}`);
      const out = resolve(options.out);
      if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${options.out}: not a folder; nothing was written`);
      if (existsSync(out) && readdirSync(out).length > 0)
        throw new UsageError(`--out ${options.out}: the folder is not empty; nothing was written`);
      const include = regexOption('--include', options.include);
      const overrides = readOverrides(options.data ?? []);
      const cloud = options.cloud ?? process.env['OS_CLOUD'];
      if (cloud === undefined || cloud === '')
        throw new UsageError('--cloud: the program names the cloud it applies with (or set OS_CLOUD)');
      const stores = storeOptions(options, cloud);
      let adoption: Adoption;
      const session = cloudSession(cloud);
      const storeSession = stores.cloud === cloud ? undefined : cloudSession(stores.cloud);
      try {
        adoption = await readAdoption(session, {
          cloud,
          ...(options.owner === undefined ? {} : { owner: options.owner }),
          ...(include === undefined ? {} : { include }),
          overrides,
          stores: { ...stores, ...(storeSession === undefined ? {} : { session: storeSession }) },
        });
      } catch (err) {
        if (isUnusableInput(err)) throw new UsageError(`could not read cloud ${JSON.stringify(cloud)}: ${err.message}`);
        throw err;
      } finally {
        await session.close();
        await storeSession?.close();
      }
      if (adoption.images.length === 0 && adoption.stores.written.length === 0)
        throw new UsageError(
          `nothing to adopt: cloud ${JSON.stringify(cloud)} sees no image of owner ${adoption.owner}${options.include === undefined ? '' : ` whose name matches ${options.include}`}` +
            ` and no store is written${adoption.stores.notes.length === 0 ? '' : ` (${adoption.stores.notes.join('; ')})`}` +
            " (--owner takes a project id or the cloud's own project name); nothing was written",
        );
      mkdirSync(out, { recursive: true });
      const project = `catalog-${adoption.owner.slice(0, 8) || 'adopted'}`;
      for (const [file, text] of Object.entries(projectFiles(adoption, project, options.language as Language)))
        writeFileSync(join(out, file), text);
      const written = {
        typescript: {
          program: 'index.ts',
          next: 'npm install there (image-catalog and @pulumi/pulumi: docs/install.md), then preview: it holds imports only',
        },
        yaml: {
          program: 'Pulumi.yaml',
          next: 'npm install there (the provider plugin Pulumi.yaml names; Pulumi runs the program with pulumi-language-yaml), then preview: it holds imports only',
        },
        cdktf: {
          program: 'main.ts',
          next: 'npm install there (image-catalog, cdktn, constructs: docs/cdktf.md), then TERRAFORM_BINARY_NAME=image-catalog-tofu cdktn diff: imports only; then cdktn deploy',
        },
        hcl: {
          program: 'main.tf',
          next: 'tofu init, tofu plan -out plan, tofu show -json plan > plan.json, image-catalog plan-check plan.json: imports only, allowed; then tofu apply plan',
        },
      }[options.language as Language];
      const members = adoption.images.reduce((n, i) => n + i.members.length, 0);
      const managed = adoption.images.filter(madeByAStack);
      const breaking = adoption.images.filter((i) => i.findings.length > 0);
      const pulumi = isPulumiLanguage(options.language);
      const lines = adoption.families.flatMap((f) =>
        'line' in f
          ? [
              `${f.family}: ${f.images.length} version${f.images.length === 1 ? '' : 's'}${pulumi && withoutLatest(f.line) ? ', no latest (said above it)' : ''}`,
            ]
          : [],
      );
      // HCL and CDKTF have no VersionLine: why a family is not one is said only where it could be.
      const plainFamilies = pulumi ? adoption.families.flatMap((f) => ('reason' in f ? [f] : [])) : [];
      process.stdout.write(
        `adopt: ${adoption.images.length} image${adoption.images.length === 1 ? '' : 's'} and ${members} membership${members === 1 ? '' : 's'} of project ${adoption.owner} written to ${out}\n` +
          (lines.length === 0
            ? ''
            : !pulumi
              ? `adopt: ${lines.length} line${lines.length === 1 ? '' : 's'} (${lines.join('; ')}), each version its own resource (an imported image is no CatalogImage or VersionLine there yet)\n`
              : `adopt: ${lines.length} VersionLine${lines.length === 1 ? '' : 's'} (${lines.join('; ')})\n`) +
          plainFamilies
            .map(
              (f) =>
                `adopt: ${f.family}: written as ${f.images.length} Image${f.images.length === 1 ? '' : 's'}, not a VersionLine: ${f.reason}\n`,
            )
            .join('') +
          (breaking.length === 0
            ? ''
            : `adopt: ${breaking.length} of them break catalog rules (each said above its resource in ${written.program}):\n${breaking
                .map((i) => `  ${JSON.stringify(i.live.name)} (${i.live.id}): ${[...new Set(i.findings.map((f) => f.rule))].join(', ')}\n`)
                .join('')}`) +
          (managed.length === 0
            ? ''
            : `adopt: ${managed.length} of them were made by a stack of the catalog (their creation mark): if that stack still holds them, leave them out with --include (two programs would manage one image); if its state is gone, this program takes them over:\n${managed
                .map((i) => `  ${JSON.stringify(i.live.name)} (${i.live.id})\n`)
                .join('')}`) +
          adoption.skipped
            .map((i) => `adopt: left out ${JSON.stringify(i.name)} (${i.id}): status ${i.status}, no data an import can take\n`)
            .join('') +
          storeReport(adoption, options.language as Language) +
          `adopt: the program applies as cloud ${JSON.stringify(cloud)}, the cloud adopt read with (its provider): give it a cloud of the owner project that may write\n` +
          `next: ${written.next}\n`,
      );
    });
}
