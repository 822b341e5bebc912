/**
 * `image-catalog audit`: the live catalog a cloud sees, judged by the catalog policy as a snapshot
 * (../policy/audit.ts), as text, JSON or SARIF; with --stack, also that Pulumi stack's drift (each field of its
 * images Glance has otherwise than the stack applied) and the live images of its owners that it does not manage.
 * Exit 0 without a mandatory finding, 1 with one, 2 when the audit could not run (no cloud, a catalog the
 * principal cannot list, bad policy data, a stack that cannot be read).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isForbidden, isNotFound } from '../client/errors.js';
import { getImage, type ImageWire } from '../client/images.js';
import type { Session } from '../client/session.js';
import { auditSarifLog, packageTool } from '../github/sarif.js';
import { auditCatalog, type Audit, type AuditedImage, type Finding } from '../policy/audit.js';
import { managedImages, type ManagedImage } from '../pulumi/state.js';
import { imageDrift, type ImageDrift } from '../resources/image/image.js';
import { loadAutomation } from './pulumi-sdk.js';
import { stackFailure, stackTarget, type StackOptions } from './stack-options.js';
import { cloudSession, isUnusableInput, readOverrides, UsageError } from './policy.js';

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

/** A stack's images against the live catalog (`audit --stack`). */
export interface StackReport {
  readonly stack: string;
  /** How many images the stack manages. */
  readonly images: number;
  /** Its images that Glance has otherwise than the stack applied, with each field. */
  readonly drifted: readonly {
    readonly urn: string;
    readonly id: string;
    readonly name: string | null;
    readonly drift: readonly ImageDrift[];
  }[];
  /** Its images the cloud does not see (deleted outside the stack, or not visible to the auditing cloud). */
  readonly unseen: readonly { readonly urn: string; readonly id: string; readonly name: string | null }[];
  /** The projects whose images count as the stack's to manage: --owner, else the owners of its images. */
  readonly owners: readonly string[];
  /** Live images of those owners that no resource of the stack manages. */
  readonly unmanaged: readonly AuditedImage[];
  /** What the report cannot say from this cloud. */
  readonly notes: readonly string[];
}

/** Compares a stack's images with the live ones (`live`: by id); pure. */
export function stackReport(
  stack: string,
  managed: readonly ManagedImage[],
  live: ReadonlyMap<string, ImageWire>,
  owner?: string,
  auditor?: { readonly project: string; readonly admin: boolean },
): StackReport {
  const drifted: StackReport['drifted'][number][] = [];
  const unseen: StackReport['unseen'][number][] = [];
  for (const image of managed) {
    const wire = live.get(image.id);
    if (wire === undefined)
      unseen.push({ urn: image.urn, id: image.id, name: typeof image.inputs['name'] === 'string' ? image.inputs['name'] : null });
    else {
      const drift = imageDrift(image.inputs, wire);
      if (drift.length > 0) drifted.push({ urn: image.urn, id: image.id, name: wire.name ?? null, drift });
    }
  }
  const owners =
    owner === undefined
      ? [...new Set(managed.map((m) => m.outputs['owner']).filter((o): o is string => typeof o === 'string' && o !== ''))].sort()
      : [owner];
  const ids = new Set(managed.map((m) => m.id));
  const unmanaged = [...live.values()]
    .filter((w) => !ids.has(w.id) && typeof w['owner'] === 'string' && owners.includes(w['owner']))
    .map((w) => ({
      id: w.id,
      name: w.name ?? null,
      owner: String(w['owner']),
      visibility: typeof w['visibility'] === 'string' ? w['visibility'] : '',
    }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
  const notes =
    auditor === undefined || auditor.admin || owners.every((o) => o === auditor.project)
      ? []
      : [
          `this cloud's project (${auditor.project}) sees of other owners' images only those shared with it or public: the unmanaged list may be short; audit as the owner or an admin`,
        ];
  return { stack, images: managed.length, drifted, unseen, owners, unmanaged, notes };
}

/** A stack report as text. */
export function formatStackReport(report: StackReport): string {
  const lines = [
    `stack ${report.stack}: ${report.images} image${report.images === 1 ? '' : 's'} managed, ${report.drifted.length} drifted, ${report.unseen.length} not seen; ` +
      `${report.unmanaged.length} live image${report.unmanaged.length === 1 ? '' : 's'} of its owner${report.owners.length === 1 ? '' : 's'} (${report.owners.join(', ') || 'none'}) not managed by it`,
  ];
  for (const d of report.drifted) {
    lines.push(`~ drift      ${d.name === null ? '(no name)' : JSON.stringify(d.name)} (${d.id})  ${d.urn}`);
    const text = (value: unknown, none: string): string => (value === null ? none : JSON.stringify(value));
    for (const f of d.drift) lines.push(`    ${f.field}: applied ${text(f.applied, '(not declared)')}, live ${text(f.live, '(not set)')}`);
  }
  for (const u of report.unseen)
    lines.push(
      `- not seen   ${u.name === null ? '(no name)' : JSON.stringify(u.name)} (${u.id})  ${u.urn} (deleted outside the stack, or not visible to this cloud)`,
    );
  for (const note of report.notes) lines.push(`note: ${note}`);
  for (const u of report.unmanaged)
    lines.push(`+ unmanaged  ${u.name === null ? '(no name)' : JSON.stringify(u.name)} (${u.id})  owner ${u.owner}, ${u.visibility}`);
  return `${lines.join('\n')}\n`;
}

/** Reads the stack's images from its state and compares them with the audit's snapshot (an image not in it is read by id). */
export async function auditStack(options: StackOptions, audit: Audit, session: Session, owner?: string): Promise<StackReport> {
  const { openStack } = await loadAutomation();
  let managed: ManagedImage[];
  try {
    const stack = await openStack(stackTarget(options), undefined, { existing: true });
    managed = managedImages(await stack.exportStack());
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--stack ${options.stack}: its state cannot be read: ${stackFailure(err)}`);
  }
  const live = new Map(audit.snapshot.map((w) => [w.id, w]));
  for (const image of managed) {
    if (live.has(image.id)) continue;
    try {
      live.set(image.id, await getImage(session, image.id));
    } catch (err) {
      if (!isNotFound(err) && !isForbidden(err)) throw err;
    }
  }
  const identity = await session.identity();
  return stackReport(options.stack, managed, live, owner, { project: identity.project_id, admin: audit.adminProjects !== undefined });
}

/** The audit as JSON (stable: other tools read it). */
export function auditJson(audit: Audit, cloud: string, stack?: StackReport): object {
  return {
    cloud,
    today: audit.today,
    images: audit.images,
    judged: audit.judged,
    owner: audit.owner ?? null,
    admin_projects: audit.adminProjects ?? null,
    findings: audit.findings,
    notes: audit.notes,
    ...(stack === undefined ? {} : { stack }),
  };
}

/** Runs an audit of `cloud` (and of a stack's drift); a failure to reach or list it is a usage error (exit 2). */
export async function auditCommand(options: {
  cloud?: string;
  data?: string[];
  owner?: string;
  today?: string;
  stack?: string;
  cwd?: string;
  stateDir?: string;
}): Promise<{ audit: Audit; cloud: string; stack?: StackReport }> {
  const overrides = readOverrides(options.data ?? []);
  const cloud = options.cloud ?? process.env['OS_CLOUD'] ?? '(OS_* environment)';
  const session = cloudSession(options.cloud);
  try {
    const audit = await auditCatalog(session, {
      overrides,
      ...(options.owner === undefined ? {} : { owner: options.owner }),
      ...(options.today === undefined ? {} : { today: options.today }),
    });
    if (options.stack === undefined) return { audit, cloud };
    const target = {
      cwd: options.cwd ?? '.',
      stack: options.stack,
      ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }),
    };
    return { audit, cloud, stack: await auditStack(target, audit, session, options.owner) };
  } catch (err) {
    if (isUnusableInput(err)) throw new UsageError(`could not audit cloud ${JSON.stringify(cloud)}: ${err.message}`);
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
    .option('--format <format>', formats.join(', '), 'text')
    .option('--sarif <file>', 'also write the findings as SARIF 2.1.0 to this file (for code scanning)')
    .option(
      '--stack <name>',
      "also compare this Pulumi stack's images with the live ones (drift: field, applied value, live value) and list the live images of their owners it does not manage",
    )
    .option('--cwd <dir>', 'with --stack: the project folder (its Pulumi.yaml)', '.')
    .option('--state-dir <dir>', 'with --stack: a local file backend folder (default: the backend of PULUMI_BACKEND_URL or pulumi login)')
    .action(
      async (options: {
        cloud?: string;
        owner?: string;
        data?: string[];
        format: string;
        sarif?: string;
        stack?: string;
        cwd: string;
        stateDir?: string;
      }) => {
        if (!(formats as readonly string[]).includes(options.format))
          throw new UsageError(`--format ${options.format}: not one of ${formats.join(', ')}`);
        const format = options.format as Format;
        const { audit, cloud, stack } = await auditCommand(options);
        const sarif = (): object => auditSarifLog(cloud, audit.findings, packageTool(), { levels: audit.levels, notes: audit.notes });
        if (options.sarif !== undefined) writeFileSync(options.sarif, `${JSON.stringify(sarif(), null, 2)}\n`);
        if (format === 'json') process.stdout.write(`${JSON.stringify(auditJson(audit, cloud, stack), null, 2)}\n`);
        else if (format === 'sarif') process.stdout.write(`${JSON.stringify(sarif(), null, 2)}\n`);
        else process.stdout.write(`${formatAudit(audit, cloud)}${stack === undefined ? '' : `\n${formatStackReport(stack)}`}`);
        process.exitCode = audit.findings.some((f) => f.level === 'mandatory') ? 1 : 0;
      },
    );
}
