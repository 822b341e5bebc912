/**
 * The member (owner side) and acceptance (consumer side) resources against the lab: appteam accepts a share
 * through its own cloud; the wrong cloud and a non-shared image are refused clearly.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { getImage, listImages } from '../../provider/client/images.js';
import { isNotFound } from '../../provider/client/errors.js';
import { applyAcceptance, deleteAcceptance } from '../../provider/resources/acceptance/acceptance.js';
import { ResourceOperationError } from '../../provider/resources/errors.js';
import { createImageResource, deleteImageResource } from '../../provider/resources/image/image.js';
import { createMemberResource, deleteMemberResource, readMemberResource } from '../../provider/resources/member/member.js';
import { ResourceInputError } from '../../provider/resources/schema.js';
import { lab, labSession, scratchDir, suffix } from '../helpers/lab.js';

const platform = labSession('platform');
const appteam = labSession('appteam');
const dir = scratchDir();
const appteamProject = lab().projects['appteam'] ?? '';

async function listed(imageId: string): Promise<boolean> {
  for await (const found of listImages(appteam)) if (found.id === imageId) return true;
  return false;
}

async function image(visibility: string): Promise<string> {
  const file = join(dir, `${suffix()}.raw`);
  writeFileSync(file, 'image data');
  const name = `ubuntu-24.04-s${suffix()}-v1.0`;
  const { outputs } = await createImageResource(platform, name, { name, diskFormat: 'raw', visibility, source: { file } });
  t.teardown(async () => {
    await deleteImageResource(platform, outputs.id);
    if (!isNotFound(await getImage(platform, outputs.id).catch((e: unknown) => e))) throw new Error(`image ${outputs.id} survived`);
  });
  return outputs.id;
}

t.test(
  'appteam accepts a share through its own cloud; deleting the acceptance makes it pending; deleting the member revokes',
  async (t) => {
    const imageId = await image('shared');
    const member = await createMemberResource(platform, 'share-appteam', { imageId, memberProjectId: appteamProject });
    t.equal(member.id, `${imageId}/${appteamProject}`, 'the id is image/member');
    t.equal(member.member.status, 'pending');
    // A member may GET a shared image by id whatever its status; the status decides whether it is listed.
    t.notOk(await listed(imageId), "a pending share is not in appteam's image list");

    const accepted = await applyAcceptance(appteam, 'appteam-accepts', { imageId, memberProjectId: appteamProject, cloud: 'appteam' });
    t.equal(accepted.member.status, 'accepted');
    t.ok(await listed(imageId), "an accepted share is in appteam's image list");

    const rejected = await applyAcceptance(appteam, 'appteam-accepts', {
      imageId,
      memberProjectId: appteamProject,
      cloud: 'appteam',
      status: 'rejected',
    });
    t.equal(rejected.member.status, 'rejected', 'an update in place: accepted -> rejected');
    t.notOk(await listed(imageId), "a rejected share leaves appteam's image list");

    await deleteAcceptance(appteam, accepted.id);
    t.equal((await readMemberResource(platform, member.id))?.status, 'pending', 'deleting the acceptance sets it back to pending');

    await deleteMemberResource(platform, member.id);
    t.equal(await readMemberResource(platform, member.id), undefined, 'the membership is gone');
    await deleteMemberResource(platform, member.id);
    t.pass('deleting it again is not an error');
  },
);

t.test("accepting with another project's cloud is refused, naming both projects", async (t) => {
  const imageId = await image('shared');
  const member = await createMemberResource(platform, 'share', { imageId, memberProjectId: appteamProject });
  t.teardown(() => deleteMemberResource(platform, member.id));
  const err = await applyAcceptance(platform, 'wrong-cloud', { imageId, memberProjectId: appteamProject, cloud: 'platform' }).catch(
    (e: unknown) => e,
  );
  t.type(err, ResourceOperationError);
  t.match(
    (err as Error).message,
    `ImageMemberAcceptance "wrong-cloud": cloud "platform" acts as project ${lab().projects['platform'] ?? ''}, not the member ${appteamProject}`,
  );
  t.equal((await readMemberResource(platform, member.id))?.status, 'pending', 'nothing changed');
});

t.test('9: an acceptance by a project that is not a member says so, naming the rule and what the owner does', async (t) => {
  const imageId = await image('shared');
  const err = await applyAcceptance(appteam, 'not-shared-yet', { imageId, memberProjectId: appteamProject, cloud: 'appteam' }).catch(
    (e: unknown) => e,
  );
  t.type(err, ResourceOperationError);
  t.match(
    (err as Error).message,
    `ImageMemberAcceptance "not-shared-yet": memberProjectId: project ${appteamProject} is not a member of image ${imageId} (rule: membership)`,
  );
  t.notMatch((err as Error).message, /HTTP 404/, "not Glance's raw answer");
});

t.test('a member of a private image is refused with what to change; bad ids are refused before any call', async (t) => {
  const imageId = await image('private');
  const err = await createMemberResource(platform, 'private-share', { imageId, memberProjectId: appteamProject }).catch((e: unknown) => e);
  t.type(err, ResourceOperationError);
  t.match((err as Error).message, 'has visibility private; Glance adds members only to shared images (set its visibility to shared)');

  const before = platform.transport.requests;
  const bad = await createMemberResource(platform, 'bad', { imageId: 'not-an-id', memberProjectId: appteamProject }).catch(
    (e: unknown) => e,
  );
  t.type(bad, ResourceInputError);
  t.match((bad as Error).message, 'ImageMember "bad": imageId: must match pattern');
  t.equal(platform.transport.requests, before, 'no API call');
});
