/** What the CDKTF e2e tests share: taking down what a copy of the example deployed. */
import { join } from 'node:path';
import { cdktfEnv } from '../../scripts/start-cdktf.js';
import { locateTool, toolEnv } from '../../scripts/tools.js';
import { lab } from './lab.js';
import { runCommand } from './run.js';

/**
 * Destroys the catalog stack of the example copy in `dir` with the real tofu: published images cannot be
 * destroyed through the gate (the policy refuses it), so the test's own images are removed past it.
 */
export async function destroyPastTheGate(dir: string, env: Record<string, string>): Promise<void> {
  const tofu = await locateTool('tofu');
  if (!tofu.ok) return;
  await runCommand(
    tofu.path,
    ['destroy', '-auto-approve', '-input=false'],
    { ...(await toolEnv(cdktfEnv(lab().clouds, env))), TF_VAR_image_catalog_gate: 'decided-by-image-catalog' },
    join(dir, 'cdktf.out', 'stacks', 'catalog'),
  );
}
