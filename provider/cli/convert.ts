/**
 * `image-catalog convert --from osism`: osism/openstack-image-manager's image definitions (etc/images/*.yml) as
 * a catalog project. Each file is checked against osism's own schema first (schemas/osism-images.schema.json, its
 * etc/schema.yaml in JSON Schema): every error with its file, line and field, and nothing written.
 *
 * Each enabled image definition becomes one VersionLine per OS version (`<os_distro>-<os_version>-<profile>`; a
 * definition without `meta.os_version`, such as cirros, takes each version's `<major>.<minor>`): its versions in
 * build-date order as `1.0`, `1.1`, … (the catalog's versions are `<major>.<minor>`; osism's own version is kept as
 * the property `internal_version`, osism's name for it), each from its url, fetched here and checked against its
 * checksum before Glance imports it when the checksum is a sha256 or sha512 (osism's web-download path never
 * checks one: openstack-image-manager#1206), its build date, its end of life (`provided_until`); the definition's
 * visibility, minimums, disk format and `meta` (the SCS-0102 fields as the line's `scs`, the rest as its
 * properties). What the catalog does not take is said, never silently dropped: the login password is never
 * written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { componentToken } from '../pulumi/tokens.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { projectAjv } from '../resources/schema.js';
import { isDate } from '../resources/day.js';
import { loadPolicyData, type PolicyData } from '../policy/data.js';
import { lineImages, type LineFamily, type LineVersion } from '../resources/versionLine.js';
import { docComment, literal, pulumiProjectFiles, quote, yamlDocument } from './project-files.js';
import { UsageError } from './policy.js';

/** osism's schema in JSON Schema (its commit named in the file), compiled when a file is first read. */
let osismValidator: ValidateFunction | undefined;
function validateOsism(): ValidateFunction {
  osismValidator ??= projectAjv({ verbose: true }).compile(
    JSON.parse(readFileSync(new URL('../../schemas/osism-images.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>,
  );
  return osismValidator;
}

/** One problem of an osism file: where, which field, what. */
export interface OsismProblem {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** An osism file that breaks its own schema (or cannot be read). */
export class OsismFileError extends Error {
  override readonly name = 'OsismFileError';
  constructor(readonly problems: readonly OsismProblem[]) {
    super(problems.map((p) => `${p.file}:${String(p.line)}: ${p.field}: ${p.message}`).join('\n'));
  }
}

interface OsismVersion {
  readonly version: string;
  readonly url: string;
  readonly build_date: string;
  readonly checksum?: string;
  readonly os_version?: string;
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

interface OsismImage {
  readonly name: string;
  readonly enable: boolean;
  readonly format: string;
  readonly login: string;
  readonly min_disk: number;
  readonly min_ram: number;
  readonly status: string;
  readonly visibility: string;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  readonly versions: readonly OsismVersion[];
  readonly [key: string]: unknown;
}

/** Reads one osism file: its image definitions, or every schema error with its line. */
export function readOsismFile(file: string, text: string): OsismImage[] {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  if (document.errors.length > 0)
    throw new OsismFileError(
      document.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        field: '(yaml)',
        message: e.message.split('\n')[0] ?? '',
      })),
    );
  const data: unknown = document.toJS();
  const validate = validateOsism();
  if (validate(data)) return (data as { images: OsismImage[] }).images;
  const lineAt = (pointer: string): number => {
    let node: unknown = document.contents;
    let line = 1;
    for (const part of pointer.split('/').slice(1)) {
      const next: unknown = isMap(node) ? node.get(part, true) : isSeq(node) ? node.get(Number(part), true) : undefined;
      if (next === undefined) break;
      node = next;
      const range = (node as YamlNode).range;
      if (range !== undefined && range !== null) line = counter.linePos(range[0]).line;
    }
    return line;
  };
  const seen = new Set<string>();
  const problems = (validate.errors ?? []).flatMap((e): OsismProblem[] => {
    const field = e.instancePath.slice(1).replaceAll('/', '.') || '(file)';
    const message =
      e.keyword === 'additionalProperties'
        ? `${String((e.params as { additionalProperty?: string }).additionalProperty)} is not a field of osism's schema`
        : e.keyword === 'required'
          ? `${String((e.params as { missingProperty?: string }).missingProperty)} is required`
          : e.keyword === 'enum'
            ? `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`
            : (e.message ?? e.keyword);
    const key = `${field}|${message}`;
    if (seen.has(key) || e.keyword === 'anyOf') return [];
    seen.add(key);
    return [{ file, line: lineAt(e.instancePath), field, message: `${message} (osism schema: ${e.keyword})` }];
  });
  throw new OsismFileError(problems);
}

/** The url source of a version, with its checksum as the pin the catalog checks (sha256 and sha512 only). */
type UrlSource = { readonly url: string; readonly method?: 'glance-direct' };

/** A line convert writes: its resource name, its args, what it says about the definition. */
export interface ConvertedLine {
  readonly name: string;
  readonly args: LineFamily<UrlSource> & { readonly visibility?: 'shared' | 'community' | 'public' };
  readonly notes: readonly string[];
}

/** The SCS-0102 and lifecycle fields of osism's meta the line makes itself (the rest are the line's properties). */
const lineMeta = new Set([
  'os_distro',
  'os_version',
  'provided_until',
  'replace_frequency',
  'os_purpose',
  'architecture',
  'image_description',
  'uuid_validity',
]);

/**
 * What the policy data's required_metadata asks of every image that a converted line's properties do not give
 * (osism's definitions never carry hw_vif_model, which the shipped data requires), or give a value it does not allow.
 */
export function requiredMetadataGaps(args: ConvertedLine['args'], data: PolicyData = loadPolicyData()): string[] {
  const required =
    ((data.image_catalog['required_metadata'] ?? {}) as { properties?: Record<string, { allowed?: string[] }> }).properties ?? {};
  const given: Record<string, string> = { ...args.properties, os_distro: args.os, os_version: args.osVersion };
  return Object.entries(required).flatMap(([key, rule]) => {
    const value = given[key];
    if (value === undefined || value === '')
      return [
        `properties.${key} is required by the catalog's policy (required_metadata) and osism's definition has none: add it to the line's properties before the first run`,
      ];
    if (rule.allowed !== undefined && !rule.allowed.includes(value))
      return [`properties.${key} "${value}" is not one the catalog's policy allows (required_metadata: ${rule.allowed.join(', ')})`];
    return [];
  });
}

/** The image definitions of one osism file as lines (`profile`: the last part of every name; default: `os_purpose`). */
export function osismLines(file: string, images: readonly OsismImage[], profile?: string): { lines: ConvertedLine[]; notes: string[] } {
  const lines: ConvertedLine[] = [];
  const notes: string[] = [];
  const policy = loadPolicyData();
  for (const image of images) {
    const where = `${basename(file)}: ${image.name}`;
    if (!image.enable) {
      notes.push(`${where}: not enabled (enable: false): left out, as openstack-image-manager leaves it`);
      continue;
    }
    if (image.visibility === 'private') {
      notes.push(`${where}: private: a line's versions are published (shared, community or public): left out`);
      continue;
    }
    const meta = image.meta;
    const os = String(meta['os_distro']);
    // What is said of the definition, above each of its lines (each line adds its own).
    const said: string[] = [`from ${where} (osism image definition)`];
    if (image['password'] !== undefined) said.push('its login password is not written (a secret has no place in a program)');
    if (image.tags.length > 0) said.push(`its tags ${image.tags.join(', ')} are not written (a line's tags are its channels)`);
    if (image.status === 'deactivated') said.push('status deactivated: every version is written revoked');
    // SCS-0102's uuid_validity: a line's is `last-N` from its retention (keep), else none.
    const validity = typeof meta['uuid_validity'] === 'string' ? meta['uuid_validity'] : 'none';
    const keep = /^last-([1-9][0-9]*)$/.exec(validity)?.[1];
    if (keep !== undefined)
      said.push(
        `uuid_validity ${validity} as the line's keep: ${keep} (the newest ${keep} versions stay; an older one is deleted once deprecated and past its end of life)`,
      );
    else if (validity !== 'none')
      said.push(`uuid_validity ${validity} is not written: a line's uuid_validity is none, or last-N from its keep`);
    // Versions by the OS version they belong to: the definition's, or each version's own, or its <major>.<minor>.
    const groups = new Map<string, OsismVersion[]>();
    for (const v of image.versions) {
      const osVersion = v.os_version ?? (meta['os_version'] as string | undefined) ?? /^(\d+\.\d+)/.exec(v.version)?.[1];
      if (osVersion === undefined) {
        notes.push(`${where}: version ${v.version}: no os_version, and the version is not <major>.<minor>…: left out`);
        continue;
      }
      groups.set(osVersion, [...(groups.get(osVersion) ?? []), v]);
    }
    const lineProfile = profile ?? String(meta['os_purpose']);
    for (const [osVersion, versions] of groups) {
      const unchecked: string[] = [];
      const ordered = [...versions].sort((a, b) => a.build_date.localeCompare(b.build_date) || a.version.localeCompare(b.version));
      const properties = Object.fromEntries(
        Object.entries(meta)
          .filter(([key, value]) => !lineMeta.has(key) && value !== null && value !== undefined)
          .map(([key, value]) => [key, String(value)]),
      );
      const endOfLife = typeof meta['provided_until'] === 'string' && isDate(meta['provided_until']) ? meta['provided_until'] : undefined;
      const lineVersions = ordered.map((v, index): LineVersion<UrlSource> => {
        const [algo, digest] = (v.checksum ?? '').split(':');
        const pin = algo === 'sha256' ? { sha256: digest ?? '' } : algo === 'sha512' ? { sha512: digest ?? '' } : {};
        if (v.checksum !== undefined && Object.keys(pin).length === 0)
          unchecked.push(`version ${v.version}: its ${algo ?? ''} checksum is not checked (the catalog checks sha256 and sha512)`);
        return {
          version: `1.${String(index)}`,
          source: Object.keys(pin).length > 0 ? { url: v.url, method: 'glance-direct' } : { url: v.url },
          ...pin,
          diskFormat: image.format as NonNullable<LineVersion['diskFormat']>,
          ...(image.min_disk > 0 ? { minDisk: image.min_disk } : {}),
          ...(image.min_ram > 0 ? { minRam: image.min_ram } : {}),
          buildDate: v.build_date.slice(0, 10),
          ...(endOfLife === undefined ? {} : { endOfLife }),
          ...(image.status === 'deactivated' ? { revoked: true } : {}),
          properties: { internal_version: v.version },
        };
      });
      const family = `${os}-${osVersion}-${lineProfile}`;
      const description = typeof meta['image_description'] === 'string' ? meta['image_description'] : image.name;
      const args: ConvertedLine['args'] = {
        os,
        osVersion,
        profile: lineProfile,
        ...(keep === undefined ? {} : { keep: Number(keep) }),
        ...(image.visibility === 'shared' ? {} : { visibility: image.visibility as 'community' | 'public' }),
        properties: { ...properties, description },
        scs: {
          replaceFrequency: String(meta['replace_frequency']),
          originalUser: image.login,
          architecture: String(meta['architecture']),
          purpose: String(meta['os_purpose']),
          description,
        },
        versions: lineVersions,
      };
      // The line is checked as the component will check it: a definition it refuses is said here, not at deploy.
      lineImages(family, args);
      const gaps = requiredMetadataGaps(args, policy).map((gap) => `policy: ${gap}`);
      lines.push({
        name: family,
        args,
        notes: [
          ...said,
          ...unchecked,
          `osism versions ${ordered.map((v) => v.version).join(', ')} as ${lineVersions.map((v) => v.version).join(', ')}`,
          ...gaps,
        ],
      });
      notes.push(...gaps.map((gap) => `${family}: ${gap}`));
    }
  }
  return { lines, notes };
}

/** The program (index.ts) of converted lines. */
export function convertedTypescript(lines: readonly ConvertedLine[], header: readonly string[]): string {
  const blocks = lines.map(
    (line) => `${line.notes.map((n) => `  // ${n}`).join('\n')}\n  new VersionLine(${quote(line.name)}, ${literal(line.args, '  ')});`,
  );
  return `${docComment(header)}\nimport { VersionLine } from 'image-catalog/pulumi';\n\nexport default function catalog(): Promise<Record<string, unknown>> {\n${blocks.join('\n\n')}\n  return Promise.resolve({});\n}\n`;
}

const languages = ['typescript', 'yaml'] as const;

/** The files of the project convert writes for `lines` (converted from `files`), in `language`. */
export function convertedFiles(
  lines: readonly ConvertedLine[],
  files: readonly string[],
  language: (typeof languages)[number],
): Record<string, string> {
  const header = [
    `osism image definitions (${files.map((f) => basename(f)).join(', ')}) as VersionLines, written by \`image-catalog convert\`.`,
    "Set image-catalog:cloud (the owner project that publishes). A public line is an admin's (rule public_visibility).",
  ];
  const project = 'catalog-osism';
  const description = `osism image definitions converted by image-catalog convert: ${lines.map((l) => l.name).join(', ')}.`;
  const program =
    language === 'yaml'
      ? yamlDocument(
          project,
          description,
          header,
          lines.map((l) => ({ name: l.name, notes: l.notes, value: { type: componentToken('versionLine'), properties: l.args } })),
        )
      : convertedTypescript(lines, header);
  return pulumiProjectFiles(language, project, description, program);
}

/** Registers `convert`. */
export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description(
      "Convert osism/openstack-image-manager's image definitions (etc/images/*.yml) into a Pulumi project of VersionLines: each file checked " +
        "against osism's own schema first (every error with its file, line and field; nothing written), one line per image definition and OS " +
        'version, its versions numbered 1.0, 1.1, ... by build date (the osism version kept as internal_version), each fetched and checked ' +
        'against its sha256/sha512 before Glance imports it. Exit 0 written, 2 could not.',
    )
    .requiredOption('--from <format>', 'the format of the files: osism')
    .argument('<files...>', 'osism image definition files (YAML)')
    .requiredOption('--out <dir>', 'the folder to write the project into (new, or empty)')
    .option('--language <language>', `${languages.join(', ')} (not hcl or cdktf: they cannot pin a checksum)`, 'typescript')
    .option('--profile <name>', "the profile part of every line's name (default: each definition's os_purpose)")
    .action((files: string[], options: { from: string; out: string; language: string; profile?: string }) => {
      if (options.from !== 'osism') throw new UsageError(`--from ${options.from}: only osism is known`);
      if (options.language === 'hcl' || options.language === 'cdktf')
        throw new UsageError(
          `--language ${options.language}: not written: osism's versions are pinned by checksum, and terraform-provider-openstack ` +
            'has no attribute to pin one (it imports image_source_url unchecked, as osism itself does: openstack-image-manager#1206); ' +
            `convert writes a Pulumi project (${languages.join(', ')}), whose VersionLine checks each pin before Glance imports the data; nothing was written`,
        );
      if (!(languages as readonly string[]).includes(options.language))
        throw new UsageError(`--language ${options.language}: not one of ${languages.join(', ')}`);
      const out = resolve(options.out);
      if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0))
        throw new UsageError(`--out ${options.out}: not an empty folder; nothing was written`);
      const problems: OsismProblem[] = [];
      const converted: ConvertedLine[] = [];
      const notes: string[] = [];
      for (const file of files) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          problems.push({ file, line: 1, field: '(file)', message: (err as Error).message });
          continue;
        }
        try {
          const result = osismLines(file, readOsismFile(file, text), options.profile);
          converted.push(...result.lines);
          notes.push(...result.notes);
        } catch (err) {
          if (err instanceof OsismFileError) problems.push(...err.problems);
          else problems.push({ file, line: 1, field: '(definition)', message: (err as Error).message });
        }
      }
      if (problems.length > 0)
        throw new UsageError(
          `${problems.map((p) => `${p.file}:${String(p.line)}: ${p.field}: ${p.message}`).join('\n')}\nnothing was written`,
        );
      const written = convertedFiles(converted, files, options.language as 'typescript' | 'yaml');
      mkdirSync(out, { recursive: true });
      for (const [file, content] of Object.entries(written)) writeFileSync(join(out, file), content);
      process.stdout.write(
        `convert: ${String(converted.length)} line${converted.length === 1 ? '' : 's'} (${converted.map((l) => `${l.name}: ${String(l.args.versions.length)}`).join('; ')}) written to ${out}\n` +
          notes.map((n) => `convert: ${n}\n`).join(''),
      );
    });
}
