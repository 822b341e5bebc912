/**
 * The pull-request check as SARIF 2.1.0 for GitHub code scanning: one rule per catalog rule (its id, title,
 * description and remediation from the Rego METADATA, ../policy/rules.ts), one result per violation on the line
 * that declares the resource, `automationDetails.id` per stack so two stacks' analyses do not replace each other.
 * Paths are repository-relative and never empty: a violation whose resource no line declares (a delete: the
 * declaration is gone) sits on the project's entry file. Uploads are gzip + base64, as the upload endpoint takes.
 */
import { createHash } from 'node:crypto';
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

/** The SARIF log of the runs (one run per stack). */
export function sarifLog(runs: readonly SarifRun[], tool: SarifTool): object {
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
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['image-catalog', 'policy'], remediation: r.remediation },
    })),
  };
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
          // Stable across pushes for the same finding on the same resource, wherever its line moves.
          partialFingerprints: {
            'imageCatalogFinding/v1': createHash('sha256').update(`${run.stack}\0${v.rule}\0${v.address}\0${v.field}`).digest('hex'),
          },
        };
      }),
    })),
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
