/**
 * The acceptance resource (consumer side of a share): the member project sets accepted or rejected with its own
 * credentials. Delete sets the membership back to pending: only the owner can remove a membership.
 */
import { isNotFound } from '../../client/errors.js';
import { setMemberStatus, type MemberWire } from '../../client/members.js';
import type { Session } from '../../client/session.js';
import { checkInputs, resourceSchema, type ResourceSchema } from '../schema.js';
import { ResourceOperationError } from '../errors.js';
import { memberId, parseMemberId, readMemberResource } from '../member/member.js';
import { wireDocument, type KindDescriptor } from '../descriptor.js';
import type { AcceptanceInputs } from './acceptance.types.js';

export type { AcceptanceFields, AcceptanceInputs } from './acceptance.types.js';

export const acceptanceSchema = (): ResourceSchema<AcceptanceInputs> => resourceSchema<AcceptanceInputs>('acceptance.schema.json');

/**
 * Refuses a session that does not act as the member project: only the member accepts or rejects its share.
 * The session is the caller's (a resource's cloud, resolved where the layer resolves every cloud: clouds.yaml,
 * OS_*, or the stack's secret `image-catalog:clouds`); it is neither opened nor closed here.
 */
async function checkMember(session: Session, name: string, inputs: AcceptanceInputs): Promise<void> {
  const identity = await session.identity();
  if (identity.project_id !== inputs.memberProjectId) {
    throw new ResourceOperationError(
      `ImageMemberAcceptance "${name}": ${inputs.cloud === undefined ? "the provider's cloud" : `cloud "${inputs.cloud}"`} acts as project ${identity.project_id}, not the member ${inputs.memberProjectId}; only the member project can accept`,
    );
  }
}

/** Sets the status as the member project (`session`: the member project's, from the resource's `cloud`). */
export async function applyAcceptance(
  session: Session,
  name: string,
  raw: unknown,
): Promise<{ id: string; inputs: AcceptanceInputs; member: MemberWire }> {
  const inputs = checkInputs(acceptanceSchema(), name, raw);
  await checkMember(session, name, inputs);
  let member: MemberWire;
  try {
    member = await setMemberStatus(session, inputs.imageId, inputs.memberProjectId, inputs.status);
  } catch (err) {
    // Glance answers 404 both for an image the project cannot see and for a project that is not a member
    // (Image API v2, "Update image member"): either way, the owner has not shared the image with it.
    if (!isNotFound(err)) throw err;
    throw new ResourceOperationError(
      `ImageMemberAcceptance "${name}": memberProjectId: project ${inputs.memberProjectId} is not a member of image ${inputs.imageId} ` +
        '(rule: membership); the image owner adds it first (an ImageMember of that image and project, on a shared image), then the member accepts',
      { cause: err },
    );
  }
  return { id: memberId(inputs), inputs, member };
}

/**
 * Withdraws the answer as the member project: the membership goes back to pending (the image leaves its lists).
 * An image deleted, or a membership the owner removed (a version past its end of life), has no answer left to
 * withdraw: nothing to do.
 */
export async function deleteAcceptance(session: Session, id: string): Promise<void> {
  const { imageId, memberProjectId } = parseMemberId(id);
  try {
    await setMemberStatus(session, imageId, memberProjectId, 'pending');
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** The acceptance kind (the member's answer), applied with the member project's own cloud. */
export const acceptanceDescriptor: KindDescriptor<AcceptanceInputs> = {
  schema: acceptanceSchema,
  document: (inputs) => wireDocument(acceptanceSchema(), inputs),
  cloudOf: (inputs) => (typeof inputs['cloud'] === 'string' ? inputs['cloud'] : undefined),
  async create(session, name, raw) {
    const made = await applyAcceptance(session, name, raw);
    return { id: made.id, inputs: made.inputs, outputs: {} };
  },
  async read(session, id) {
    const member = await readMemberResource(session, id);
    // A withdrawn answer is pending again: the acceptance is gone.
    if (member === undefined || member.status === 'pending') return undefined;
    return { inputs: { imageId: member.image_id, memberProjectId: member.member_id, status: member.status }, outputs: {} };
  },
  async update(session, _id, _olds, raw, name) {
    const made = await applyAcceptance(session, name, raw);
    return { inputs: made.inputs, outputs: {} };
  },
  delete: (session, id) => deleteAcceptance(session, id),
};
