/**
 * The member resource (owner side of a share). Glance only accepts members on a `shared` image, so create checks
 * the image's visibility first and says what to change instead of passing on Glance's 403.
 */
import { isNotFound } from '../../client/errors.js';
import { getImage } from '../../client/images.js';
import { addMember, deleteMember, getMember, type MemberWire } from '../../client/members.js';
import type { Session } from '../../client/session.js';
import { wireDocument, type KindDescriptor } from '../descriptor.js';
import { checkInputs, resourceSchema, type ResourceSchema } from '../schema.js';
import { ResourceOperationError } from '../errors.js';
import type { MemberInputs } from './member.types.js';

export type { MemberFields, MemberInputs, MemberOutputs } from './member.types.js';

export const memberSchema = (): ResourceSchema<MemberInputs> => resourceSchema<MemberInputs>('member.schema.json');

/** The composite id `<imageId>/<memberProjectId>`. */
export function memberId(inputs: MemberInputs): string {
  return `${inputs.imageId}/${inputs.memberProjectId}`;
}

/** Splits a composite id. */
export function parseMemberId(id: string): MemberInputs {
  const [imageId = '', memberProjectId = ''] = id.split('/');
  return { imageId, memberProjectId };
}

/** Adds the member (status pending); refuses clearly when the image is not `shared`. */
export async function createMemberResource(session: Session, name: string, raw: unknown): Promise<{ id: string; member: MemberWire }> {
  const inputs = checkInputs(memberSchema(), name, raw);
  const image = await getImage(session, inputs.imageId);
  if (image['visibility'] !== 'shared') {
    throw new ResourceOperationError(
      `ImageMember "${name}": image ${inputs.imageId} has visibility ${String(image['visibility'])}; Glance adds members only to shared images (set its visibility to shared)`,
    );
  }
  return { id: memberId(inputs), member: await addMember(session, inputs.imageId, inputs.memberProjectId) };
}

/** The membership as Glance has it, or undefined when it is gone. */
export async function readMemberResource(session: Session, id: string): Promise<MemberWire | undefined> {
  const { imageId, memberProjectId } = parseMemberId(id);
  try {
    return await getMember(session, imageId, memberProjectId);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Revokes the share; a membership already gone counts as deleted. */
export async function deleteMemberResource(session: Session, id: string): Promise<void> {
  const { imageId, memberProjectId } = parseMemberId(id);
  try {
    await deleteMember(session, imageId, memberProjectId);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** The member kind (the owner's side of a share): decided on its inputs, a membership pending until answered. */
export const memberDescriptor: KindDescriptor<MemberInputs> = {
  schema: memberSchema,
  document: (inputs) => wireDocument(memberSchema(), inputs, { status: 'pending' }),
  cloudOf: () => undefined,
  async create(session, name, raw) {
    const inputs = checkInputs(memberSchema(), name, raw);
    const made = await createMemberResource(session, name, inputs);
    return { id: made.id, inputs, outputs: { memberStatus: made.member.status } };
  },
  async read(session, id) {
    const member = await readMemberResource(session, id);
    if (member === undefined) return undefined;
    return { inputs: { imageId: member.image_id, memberProjectId: member.member_id }, outputs: { memberStatus: member.status } };
  },
  async update(session, id, _olds, raw, name) {
    // Both fields replace: only the cloud that applies it moves in place.
    const member = await readMemberResource(session, id);
    return { inputs: checkInputs(memberSchema(), name, raw), outputs: { memberStatus: member?.status ?? 'gone' } };
  },
  delete: (session, id) => deleteMemberResource(session, id),
};
