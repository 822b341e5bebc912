/**
 * The Pulumi layer for the commands that need it (preview, migrate), loaded when they run: @pulumi/pulumi is an
 * optional peer dependency (a CDKTF or HCL project never installs it) and takes about a second to load.
 */
import { UsageError } from './policy.js';

/** ../pulumi/automation.js, or a usage error saying what to install. */
export async function loadAutomation(): Promise<typeof import('../pulumi/automation.js')> {
  try {
    return await import('../pulumi/automation.js');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (err as Error).message.includes('@pulumi/pulumi'))
      throw new UsageError('this command runs a Pulumi project: npm install @pulumi/pulumi (a peer dependency of image-catalog)');
    throw err;
  }
}
