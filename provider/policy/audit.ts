/**
 * The audit of a live catalog (`image-catalog audit`): every image a cloud sees, judged by the same policy bundle
 * as a snapshot (the envelope's `audit`: no change set; each live image judged as if written unchanged, plus the
 * audit's own findings), in one evaluation of the whole catalog. The findings are the decision's violations
 * gathered per image and rule, with the image's name and owner beside its id.
 */
import { imageDocument, snapshotImages, type ImageWire } from '../client/images.js';
import { projectsWithRoles } from '../client/identity.js';
import { membersOfImages } from '../client/members.js';
import type { Session } from '../client/session.js';
import type { Decision, Level, RuleId } from './decision.js';
import { PolicyEngine } from './engine.js';
import { buildAuditEnvelope, type AuditScope, type Document } from './envelope.js';
import type { PolicyDataOverride } from './data.js';
import { PolicyEvaluationError } from './errors.js';
import { utcToday } from '../resources/day.js';

/** The image a finding is about, as the audit listed it. */
export interface AuditedImage {
  readonly id: string;
  /** Glance allows an image without a name (null). */
  readonly name: string | null;
  readonly owner: string;
  readonly visibility: string;
}

/** One finding: one rule's violations on one image. */
export interface Finding {
  readonly image: AuditedImage;
  readonly rule: RuleId;
  /** The highest level among its violations. */
  readonly level: Level;
  /** Each violation: its field and message. */
  readonly problems: readonly { readonly field: string; readonly message: string }[];
  readonly remediation: string;
}

/** An audit's result. */
export interface Audit {
  /** The day it judged on (UTC). */
  readonly today: string;
  /** The images the cloud sees, and how many of them were judged (those of `owner`, when given). */
  readonly images: number;
  readonly judged: number;
  readonly owner: string | undefined;
  /** Where the admin roles are held, when the auditor could list them (else public images are not judged by owner). */
  readonly adminProjects: readonly string[] | undefined;
  /** Findings, mandatory first, then by image name and rule. */
  readonly findings: readonly Finding[];
  /** What the audit could not judge, and why. */
  readonly notes: readonly string[];
  /** Each rule's level in the policy data the audit judged with. */
  readonly levels: Readonly<Record<string, string>>;
  /** The images as Glance listed them (what the findings are about; a stack's drift is read from them). */
  readonly snapshot: readonly ImageWire[];
}

/** Options of {@link auditCatalog}. */
export interface AuditOptions {
  /** Judge only this project's images (its id). */
  readonly owner?: string;
  readonly overrides?: readonly PolicyDataOverride[];
  readonly today?: string;
  /** Page size of the image list (default 1,000). */
  readonly pageSize?: number;
}

/** Gathers the violations of a decision into findings per image and rule. */
export function findingsOf(decision: Decision, images: ReadonlyMap<string, Document>): Finding[] {
  const byKey = new Map<
    string,
    { image: AuditedImage; rule: RuleId; level: Level; problems: { field: string; message: string }[]; remediation: string }
  >();
  for (const v of decision.violations) {
    const doc = images.get(v.address);
    if (doc === undefined) {
      // Only an unreadable envelope or bundle puts a violation elsewhere: no audit stands on it.
      throw new PolicyEvaluationError(`the audit could not be decided: ${v.rule} ${v.address} ${v.field}: ${v.message}`);
    }
    const key = `${v.address}\0${v.rule}`;
    let finding = byKey.get(key);
    if (finding === undefined) {
      finding = { image: audited(doc), rule: v.rule, level: v.level, problems: [], remediation: v.remediation };
      byKey.set(key, finding);
    }
    if (v.level === 'mandatory') finding.level = 'mandatory';
    finding.problems.push({ field: v.field, message: v.message });
  }
  const order = (f: Finding): number => (f.level === 'mandatory' ? 0 : 1);
  return [...byKey.values()].sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.image.name ?? '').localeCompare(b.image.name ?? '') ||
      a.image.id.localeCompare(b.image.id) ||
      a.rule.localeCompare(b.rule),
  );
}

function audited(doc: Document): AuditedImage {
  const text = (key: string): string => (typeof doc[key] === 'string' ? doc[key] : '');
  return {
    id: text('id'),
    name: typeof doc['name'] === 'string' ? doc['name'] : null,
    owner: text('owner'),
    visibility: text('visibility'),
  };
}

/** Judges a listed catalog (image documents) with `engine`: one evaluation of the whole snapshot. */
export function judgeCatalog(
  engine: PolicyEngine,
  principal: { user_id: string; project_id: string; roles: readonly string[] },
  documents: readonly Document[],
  scope: AuditScope,
  today?: string,
): { findings: Finding[]; judged: number } {
  const envelope = buildAuditEnvelope(principal, documents, scope, today);
  const decision = engine.decide(envelope);
  const byId = new Map<string, Document>();
  for (const doc of documents) if (typeof doc['id'] === 'string') byId.set(doc['id'], doc);
  const judged = scope.owner === undefined ? documents.length : documents.filter((d) => d['owner'] === scope.owner).length;
  return { findings: findingsOf(decision, byId), judged };
}

/**
 * The accepted members of the deprecated, visible, shared images (the lifecycle rule asks whether such an image is
 * still in someone's default list): one members call per such image (8 at a time), few in a kept catalog. An
 * image whose members this session may not list counts none.
 */
async function acceptedMembers(session: Session, images: readonly ImageWire[]): Promise<Record<string, string[]>> {
  const candidates = images.filter((i) => i['visibility'] === 'shared' && i['os_hidden'] !== true && i['deprecated'] === 'true');
  const accepted: Record<string, string[]> = {};
  for (const [id, members] of await membersOfImages(
    session,
    candidates.map((i) => i.id),
  )) {
    const ids = members.filter((m) => m.status === 'accepted').map((m) => m.member_id);
    if (ids.length > 0) accepted[id] = ids.sort();
  }
  return accepted;
}

/**
 * Audits what `session`'s cloud sees: lists every image (all visibilities, hidden ones, pending shares), asks
 * Keystone where the admin roles of the policy data are held (an admin may list that; anyone else gets a note),
 * and judges the snapshot. `owner` may be the session's own project name (Glance records project ids).
 */
export async function auditCatalog(session: Session, options: AuditOptions = {}): Promise<Audit> {
  const engine = await PolicyEngine.load({ overrides: options.overrides ?? [] });
  const today = options.today ?? utcToday();
  // The data is validated by its schema (policy-data.schema.json requires public_visibility.admin_roles).
  const adminRoles = (engine.data.image_catalog['public_visibility'] as { admin_roles: string[] }).admin_roles;
  const [principal, images, adminProjects] = await Promise.all([
    session.identity(),
    snapshotImages(session, options.pageSize ?? 1000),
    projectsWithRoles(session, adminRoles),
  ]);
  const documents = images.map(imageDocument);
  const token = await session.token();
  const owner = options.owner !== undefined && options.owner === token.projectName ? token.projectId : options.owner;
  const scope: AuditScope = {
    ...(owner === undefined ? {} : { owner }),
    ...(adminProjects === undefined ? {} : { admin_projects: adminProjects }),
    accepted_members: await acceptedMembers(session, images),
  };
  const { findings, judged } = judgeCatalog(engine, principal, documents, scope, today);
  const notes = [
    ...(adminProjects === undefined
      ? [
          `public images were not judged by owner: listing Keystone's role assignments needs an admin (roles ${adminRoles.join(', ')}); audit with an admin's cloud to judge them`,
        ]
      : []),
    ...(owner !== undefined && judged === 0
      ? [`no image this cloud sees has owner ${owner}: --owner takes a project id (openstack project show NAME -f value -c id)`]
      : []),
  ];
  return {
    today,
    images: documents.length,
    judged,
    owner,
    adminProjects,
    findings,
    notes,
    levels: Object.fromEntries(
      Object.entries(engine.data.image_catalog['rules'] as Record<string, { level: string }>).map(([rule, { level }]) => [rule, level]),
    ),
    snapshot: images,
  };
}
