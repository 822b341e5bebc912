/**
 * Keystone v3 reads beyond the token: which projects hold a role (an audit asks where the admin roles are held).
 * Listing role assignments is an admin call in Keystone's default policy: a refusal answers "not known".
 */
import { isForbidden } from './errors.js';
import { identityRoot } from './keystone.js';
import type { Session } from './session.js';

/**
 * The ids of the projects where some user or group holds one of `roleNames` (GET /v3/roles?name=, then
 * GET /v3/role_assignments?role.id=&effective per role); undefined when the session may not list them (403).
 */
export async function projectsWithRoles(session: Session, roleNames: readonly string[]): Promise<string[] | undefined> {
  const root = identityRoot(session.config.authUrl);
  const projects = new Set<string>();
  try {
    for (const name of roleNames) {
      const roles = await session.request({ method: 'GET', url: `${root}/roles?name=${encodeURIComponent(name)}`, ok: [200] });
      for (const role of (JSON.parse(roles.text) as { roles: { id: string }[] }).roles) {
        const url = `${root}/role_assignments?effective&role.id=${encodeURIComponent(role.id)}`;
        const assigned = await session.request({ method: 'GET', url, ok: [200] });
        for (const a of (JSON.parse(assigned.text) as { role_assignments: { scope?: { project?: { id: string } } }[] }).role_assignments) {
          const project = a.scope?.project?.id;
          if (project !== undefined) projects.add(project);
        }
      }
    }
  } catch (err) {
    if (isForbidden(err)) return undefined;
    throw err;
  }
  return [...projects].sort();
}
