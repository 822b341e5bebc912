/**
 * The pull-request check as SARIF 2.1.0 for GitHub code scanning: one rule per catalog rule (its id, title,
 * description and remediation from the Rego METADATA, ../policy/rules.ts), one result per violation on the line
 * that declares the resource, `automationDetails.id` per stack so two stacks' analyses do not replace each other.
 * Paths are repository-relative and never empty: a violation whose resource no line declares (a delete: the
 * declaration is gone) sits on the project's entry file. An audit of a live catalog (`image-catalog audit`) has one
 * result per image and rule, located at the image (a logical location). Uploads are gzip + base64, as the upload
 * endpoint takes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Decision } from '../policy/decision.js';
import { catalogRules } from '../policy/rules.js';
import type { GitHubClient } from './client.js';
import { redact } from './redact.js';
import { markdownText, undeclaredNote, type LocatedViolation, type SourceLocation } from './report.js';

/** The SARIF schema this writes (the OASIS standard's final 2.1.0 schema, with its errata). */
export const sarifSchema = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** One analysed stack: what the check decided there. */
export interface SarifRun {
  /** The stack's name, used in automationDetails.id (`image-catalog/<stack>/`). */
  readonly stack: string;
  readonly decision: Decision | undefined;
  readonly violations: readonly LocatedViolation[];
  /** Where a violation without a declaring line is reported (the project's entry file), repository-relative. */
  readonly fallback: SourceLocation;
}

/** The tool's identity in the log. */
export interface SarifTool {
  readonly version: string;
  readonly informationUri: string;
}

/** This package as the tool of a log (its package.json version and homepage). */
export function packageTool(): SarifTool {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
    homepage?: string;
  };
  return { version: manifest.version, informationUri: manifest.homepage ?? 'https://www.npmjs.com/package/image-catalog' };
}

/**
 * A rule's readable name from its title ("Catalog images follow the naming convention" ->
 * `CatalogImagesFollowTheNamingConvention`): SARIF wants it to differ from the opaque id.
 */
function nameOf(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Ends a sentence with a period (SARIF's message convention). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** SARIF's level of a rule's level in the policy data (a rule data does not name is mandatory). */
const sarifLevels = { mandatory: 'error', advisory: 'warning', disabled: 'none' } as const;

/**
 * The tool's driver: one rule per catalog rule, as its Rego METADATA declares it; each rule's default level from
 * `levels` (the policy data's), else error.
 */
function driverOf(tool: SarifTool, levels: Readonly<Record<string, string>> = {}): { driver: object; index: Map<string, number> } {
  const rules = catalogRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const driver = {
    name: 'image-catalog',
    version: tool.version,
    semanticVersion: tool.version,
    informationUri: tool.informationUri,
    rules: rules.map((r) => ({
      id: r.id,
      name: nameOf(r.title),
      shortDescription: { text: sentence(r.title) },
      fullDescription: { text: sentence(r.description) },
      help: {
        text: `${sentence(r.description)}\nRemediation: ${sentence(r.remediation)}`,
        markdown: `${markdownText(sentence(r.description))}\n\n**Remediation:** ${markdownText(sentence(r.remediation))}\n\nDeclared in \`${r.source.file}\`.`,
      },
      defaultConfiguration: { level: sarifLevels[(levels[r.id] ?? 'mandatory') as keyof typeof sarifLevels] },
      properties: { tags: ['image-catalog', 'policy'], remediation: r.remediation },
    })),
  };
  return { driver, index };
}

/** A finding's fingerprint: stable across runs for the same rule on the same thing, wherever its line moves. */
function fingerprint(...parts: readonly string[]): Record<string, string> {
  return { 'imageCatalogFinding/v1': createHash('sha256').update(parts.join('\0')).digest('hex') };
}

/** The SARIF log of the runs (one run per stack). */
export function sarifLog(runs: readonly SarifRun[], tool: SarifTool): object {
  const { driver, index } = driverOf(tool);
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: runs.map((run) => ({
      tool: { driver },
      automationDetails: { id: `image-catalog/${run.stack}/` },
      columnKind: 'utf16CodeUnits',
      results: run.violations.map((v) => {
        const location = v.location ?? run.fallback;
        const where = v.location === undefined || v.undeclared === true ? ` (${undeclaredNote})` : '';
        return {
          ruleId: v.rule,
          ruleIndex: index.get(v.rule) ?? -1,
          level: v.level === 'mandatory' ? 'error' : 'warning',
          message: { text: redact(sentence(`${v.address}${v.field === '' ? '' : ` ${v.field}`}: ${v.message}${where}`)) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: location.path },
                region: { startLine: location.line },
              },
            },
          ],
          partialFingerprints: fingerprint(run.stack, v.rule, v.address, v.field),
        };
      }),
    })),
  };
}

/** One finding of an audit (../policy/audit.ts): a rule's violations on one live image. */
export interface SarifAuditFinding {
  readonly rule: string;
  readonly level: 'mandatory' | 'advisory';
  readonly image: { readonly id: string; readonly name: string | null };
  readonly problems: readonly { readonly field: string; readonly message: string }[];
}

/**
 * The SARIF log of an audit of a live catalog: one result per image and rule, its location the image (a logical
 * location of kind resource, `images/<id>`: no file declares a live image), `automationDetails.id` per cloud.
 */
export function auditSarifLog(
  cloud: string,
  findings: readonly SarifAuditFinding[],
  tool: SarifTool,
  context: { readonly levels?: Readonly<Record<string, string>>; readonly notes?: readonly string[] } = {},
): object {
  const { driver, index } = driverOf(tool, context.levels);
  return {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        automationDetails: { id: `image-catalog-audit/${cloud}/` },
        // What the audit could not judge (a partial audit is said, not hidden).
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (context.notes ?? []).map((note) => ({ level: 'note', message: { text: sentence(note) } })),
          },
        ],
        results: findings.map((f) => {
          const name = f.image.name ?? '(no name)';
          const problems = f.problems.map((p) => `${p.field === '' ? '' : `${p.field}: `}${p.message}`).join('; ');
          return {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule) ?? -1,
            level: f.level === 'mandatory' ? 'error' : 'warning',
            message: { text: redact(sentence(`Image ${JSON.stringify(name)} (${f.image.id}): ${problems}`)) },
            locations: [
              {
                logicalLocations: [{ name, fullyQualifiedName: `images/${f.image.id}`, kind: 'resource' }],
              },
            ],
            partialFingerprints: fingerprint(cloud, f.rule, f.image.id),
          };
        }),
      },
    ],
  };
}

/** The log as the upload endpoint takes it: gzip, then base64. */
export function encodeSarif(log: object): string {
  return gzipSync(Buffer.from(JSON.stringify(log))).toString('base64');
}

/** Uploads the log to code scanning for `commitSha` on `ref`; the upload's id. */
export async function uploadSarif(
  client: GitHubClient,
  target: { owner: string; repo: string; commitSha: string; ref: string },
  log: object,
): Promise<string> {
  const uploaded = await client.rest.codeScanning.uploadSarif({
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.commitSha,
    ref: target.ref,
    sarif: encodeSarif(log),
    tool_name: 'image-catalog',
  });
  return uploaded.data.id ?? '';
}
