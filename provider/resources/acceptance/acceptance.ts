/**
 * The acceptance resource (consumer side of a share): the member project sets accepted or rejected with its own
 * credentials. Delete sets the membership back to pending: only the owner can remove a membership.
 */
import { setMemberStatus, type MemberWire } from '../../client/members.js';
import { Session } from '../../client/session.js';
import { checkInputs, resourceSchema, type ResourceSchema } from '../schema.js';
import { ResourceOperationError } from '../errors.js';
import { memberId, parseMemberId } from '../member/member.js';

/** Inputs of schemas/acceptance.schema.json. */
export interface AcceptanceInputs {
  readonly imageId: string;
  readonly memberProjectId: string;
  readonly status: 'accepted' | 'rejected';
  readonly cloud: string;
}

export const acceptanceSchema = (): ResourceSchema<AcceptanceInputs> => resourceSchema<AcceptanceInputs>('acceptance.schema.json');

/** A session as the member project, checked to be scoped to it (the cloud is resolved now, never stored). */
async function memberSession(name: string, inputs: AcceptanceInputs): Promise<Session> {
  const session = Session.forCloud(inputs.cloud);
  const identity = await session.identity();
  if (identity.project_id !== inputs.memberProjectId) {
    await session.close();
    throw new ResourceOperationError(
      `ImageMemberAcceptance "${name}": cloud "${inputs.cloud}" acts as project ${identity.project_id}, not the member ${inputs.memberProjectId}; only the member project can accept`,
    );
  }
  return session;
}

/** Sets the status as the member project. */
export async function applyAcceptance(name: string, raw: unknown): Promise<{ id: string; inputs: AcceptanceInputs; member: MemberWire }> {
  const inputs = checkInputs(acceptanceSchema(), name, raw);
  const session = await memberSession(name, inputs);
  try {
    return { id: memberId(inputs), inputs, member: await setMemberStatus(session, inputs.imageId, inputs.memberProjectId, inputs.status) };
  } finally {
    await session.close();
  }
}

/** Withdraws the answer: the membership goes back to pending (the image leaves the member's lists). */
export async function deleteAcceptance(id: string, cloud: string): Promise<void> {
  const { imageId, memberProjectId } = parseMemberId(id);
  const session = Session.forCloud(cloud);
  try {
    await setMemberStatus(session, imageId, memberProjectId, 'pending');
  } finally {
    await session.close();
  }
}
