/**
 * Image members (Image API v2 "Sharing"): the owner adds a project (status pending; the image must be `shared`),
 * only the member project sets accepted or rejected, the owner deleting the member revokes the share.
 */
import { isForbidden, isNotFound } from './errors.js';
import { imageRoot } from './images.js';
import type { Session } from './session.js';

/** A membership as Glance sends it. */
export interface MemberWire {
  readonly image_id: string;
  readonly member_id: string;
  readonly status: 'pending' | 'accepted' | 'rejected';
  readonly created_at?: string;
  readonly updated_at?: string;
}

async function membersUrl(session: Session, imageId: string, memberId?: string): Promise<string> {
  const base = `${imageRoot(await session.endpoint('image'))}/v2/images/${encodeURIComponent(imageId)}/members`;
  return memberId === undefined ? base : `${base}/${encodeURIComponent(memberId)}`;
}

/** POST .../members (200), as the owner. Not retried: a second add is a 409. */
export async function addMember(session: Session, imageId: string, memberId: string): Promise<MemberWire> {
  const reply = await session.request({ method: 'POST', url: await membersUrl(session, imageId), ok: [200], json: { member: memberId } });
  return JSON.parse(reply.text) as MemberWire;
}

/** GET .../members (200). */
export async function listMembers(session: Session, imageId: string): Promise<MemberWire[]> {
  const reply = await session.request({ method: 'GET', url: await membersUrl(session, imageId), ok: [200] });
  return (JSON.parse(reply.text) as { members: MemberWire[] }).members;
}

/**
 * The memberships of several images (GET .../members of each, `width` at a time), by image id; an image whose
 * members this session may not list (403, 404: not the owner, or gone) has none.
 */
export async function membersOfImages(session: Session, ids: readonly string[], width = 8): Promise<Map<string, MemberWire[]>> {
  const found = new Map<string, MemberWire[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let id = ids[next++]; id !== undefined; id = ids[next++]) {
      try {
        found.set(id, await listMembers(session, id));
      } catch (err) {
        if (!isForbidden(err) && !isNotFound(err)) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, ids.length) }, worker));
  return found;
}

/** GET .../members/{member} (200). */
export async function getMember(session: Session, imageId: string, memberId: string): Promise<MemberWire> {
  const reply = await session.request({ method: 'GET', url: await membersUrl(session, imageId, memberId), ok: [200] });
  return JSON.parse(reply.text) as MemberWire;
}

/** PUT .../members/{member} (200), as the member project: accepted, rejected or pending. */
export async function setMemberStatus(
  session: Session,
  imageId: string,
  memberId: string,
  status: MemberWire['status'],
): Promise<MemberWire> {
  const reply = await session.request({ method: 'PUT', url: await membersUrl(session, imageId, memberId), ok: [200], json: { status } });
  return JSON.parse(reply.text) as MemberWire;
}

/** DELETE .../members/{member} (204), as the owner: revokes the share. */
export async function deleteMember(session: Session, imageId: string, memberId: string): Promise<void> {
  await session.request({ method: 'DELETE', url: await membersUrl(session, imageId, memberId), ok: [204] });
}
