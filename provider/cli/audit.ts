/**
 * `image-catalog audit`: the live catalog a cloud sees, judged by the catalog policy as a snapshot
 * (../policy/audit.ts), as text, JSON or SARIF. Exit 0 without a mandatory finding, 1 with one, 2 when the audit
 * could not run (no cloud, a catalog the principal cannot list, bad policy data).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ImageServiceError, CloudConfigError } from '../client/errors.js';
import { Session } from '../client/session.js';
import { auditSarifLog, packageTool } from '../github/sarif.js';
import { auditCatalog, type Audit, type Finding } from '../policy/audit.js';
import { PolicyDataError } from '../policy/errors.js';
import { readOverrides, UsageError } from './policy.js';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

/** How a finding names its image: `"name" (id)`. */
function imageText(f: Finding): string {
  return `${f.image.name === null ? '(no name)' : JSON.stringify(f.image.name)} (${f.image.id})`;
}

/** The audit as text: one block per finding (mandatory first), the notes, and a last line that counts. */
export function formatAudit(audit: Audit, cloud: string): string {
  const scope = audit.owner === undefined ? '' : ` of owner ${audit.owner}`;
  const head = `audit of cloud ${JSON.stringify(cloud)} on ${audit.today}: ${audit.images} image${audit.images === 1 ? '' : 's'} seen, ${audit.judged} judged${scope}`;
  const blocks = audit.findings.map((f) =>
    [
      `${f.level === 'mandatory' ? '✖' : '!'} ${f.level}  ${f.rule}  ${imageText(f)}  owner ${f.image.owner || '?'}, ${f.image.visibility}`,
      ...f.problems.map((p) => `  ${p.message}`),
      `  fix: ${f.remediation}`,
    ].join('\n'),
  );
  const mandatory = audit.findings.filter((f) => f.level === 'mandatory').length;
  const flagged = new Set(audit.findings.map((f) => f.image.id)).size;
  const verdict =
    audit.findings.length === 0
      ? `audit: no finding; ${audit.judged} image${audit.judged === 1 ? '' : 's'} clean`
      : `audit: ${audit.findings.length} finding${audit.findings.length === 1 ? '' : 's'} on ${flagged} image${flagged === 1 ? '' : 's'} ` +
        `(${mandatory} mandatory, ${audit.findings.length - mandatory} advisory); ${audit.judged - flagged} image${audit.judged - flagged === 1 ? '' : 's'} clean`;
  return [head, ...blocks, ...audit.notes.map((n) => `note: ${n}`), verdict].join('\n\n') + '\n';
}

/** The audit as JSON (stable: other tools read it). */
export function auditJson(audit: Audit, cloud: string): object {
  return {
    cloud,
    today: audit.today,
    images: audit.images,
    judged: audit.judged,
    owner: audit.owner ?? null,
    admin_projects: audit.adminProjects ?? null,
    findings: audit.findings,
    notes: audit.notes,
  };
}

/** Runs an audit of `cloud`; a failure to reach or list it is a usage error (exit 2). */
export async function auditCommand(options: {
  cloud?: string;
  data?: string[];
  owner?: string;
  today?: string;
}): Promise<{ audit: Audit; cloud: string }> {
  const overrides = readOverrides(options.data ?? []);
  const cloud = options.cloud ?? process.env['OS_CLOUD'] ?? '(OS_* environment)';
  let session: Session;
  try {
    session = Session.forCloud(options.cloud);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  try {
    const audit = await auditCatalog(session, {
      overrides,
      ...(options.owner === undefined ? {} : { owner: options.owner }),
      ...(options.today === undefined ? {} : { today: options.today }),
    });
    return { audit, cloud };
  } catch (err) {
    if (err instanceof ImageServiceError || err instanceof CloudConfigError || err instanceof PolicyDataError)
      throw new UsageError(`could not audit cloud ${JSON.stringify(cloud)}: ${err.message}`);
    throw err;
  } finally {
    await session.close();
  }
}

/** Registers `audit`. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      'Judge the live catalog a cloud sees with the catalog policy, as it is: each image (all visibilities, hidden ones and ' +
        'pending shares included) as if written unchanged (naming, required metadata, the SCS-0102 profile when on, channels), ' +
        'names used twice, versions published out of order, deprecated images still listed, images past their end of life ' +
        'not deprecated, and public images of a project without an admin (when the cloud may list role assignments). ' +
        'One finding per image and rule. Exit 0 without a mandatory finding, 1 with one, 2 when the audit could not run.',
    )
    .option('--cloud <name>', 'the clouds.yaml cloud to audit as (default: OS_CLOUD, else the OS_* environment)')
    .option('--owner <project-id>', "judge only this project's images (the rest of the catalog still counts for names and versions)")
    .option('--data <file...>', 'policy data overrides (YAML or JSON), merged over the bundled policies/data.json')
    .option('--format <format>', `${formats.join(', ')} (default text)`, 'text')
    .option('--sarif <file>', 'also write the findings as SARIF 2.1.0 to this file (for code scanning)')
    .action(async (options: { cloud?: string; owner?: string; data?: string[]; format: string; sarif?: string }) => {
      if (!(formats as readonly string[]).includes(options.format))
        throw new UsageError(`--format ${options.format}: not one of ${formats.join(', ')}`);
      const format = options.format as Format;
      const { audit, cloud } = await auditCommand(options);
      const sarif = (): object => auditSarifLog(cloud, audit.findings, packageTool());
      if (options.sarif !== undefined) writeFileSync(options.sarif, `${JSON.stringify(sarif(), null, 2)}\n`);
      if (format === 'json') process.stdout.write(`${JSON.stringify(auditJson(audit, cloud), null, 2)}\n`);
      else if (format === 'sarif') process.stdout.write(`${JSON.stringify(sarif(), null, 2)}\n`);
      else process.stdout.write(formatAudit(audit, cloud));
      process.exitCode = audit.findings.some((f) => f.level === 'mandatory') ? 1 : 0;
    });
}
