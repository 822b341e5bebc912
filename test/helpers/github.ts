/**
 * The local GitHub of the tests (./github-server.ts), closed when the test file ends.
 */
import t from 'tap';
import { startLocalGitHub, type LocalGitHub } from './github-server.js';

export type { GitHubState, LocalGitHub, Received } from './github-server.js';

/** Starts a local GitHub for this test file. `readOnlyTokens` answer 403 to every write (a fork's token), `badTokens` 401. */
export async function localGitHub(
  options: { readOnlyTokens?: readonly string[]; badTokens?: readonly string[] } = {},
): Promise<LocalGitHub> {
  const github = await startLocalGitHub(options);
  t.teardown(github.close);
  return github;
}
