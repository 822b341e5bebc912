import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import t from 'tap';
import { personas } from '../../scripts/lab-settings.js';
import { lab, token } from '../helpers/lab.js';

const run = promisify(execFile);

/** Roles Keystone puts in each persona's token: assigned ones plus the ones they imply (admin > member > reader). */
const expected = {
  admin: { project: 'admin', roles: ['admin', 'member', 'reader'] },
  platform: { project: 'platform', roles: ['member', 'reader'] },
  appteam: { project: 'appteam', roles: ['member', 'reader'] },
  'platform-viewer': { project: 'platform', roles: ['reader'] },
} as const;

for (const persona of personas) {
  t.test(
    `${persona} gets a token scoped to project ${expected[persona].project} with roles ${expected[persona].roles.join('+')}`,
    async (t) => {
      const got = await token(persona);
      t.equal(got.projectName, expected[persona].project);
      t.equal(got.projectId, lab().projects[expected[persona].project]);
      t.same(got.roles, expected[persona].roles);
    },
  );

  t.test(`the reference python client issues a token for ${persona} from the generated clouds.yaml`, async (t) => {
    const { stdout } = await run('openstack', ['--os-cloud', persona, 'token', 'issue', '-f', 'json'], {
      env: { ...process.env, OS_CLIENT_CONFIG_FILE: lab().clouds },
    });
    const issued = JSON.parse(stdout) as { project_id: string; user_id: string };
    t.equal(issued.project_id, (await token(persona)).projectId);
    t.equal(issued.user_id, (await token(persona)).userId);
  });
}
