/**
 * Child process of bench/pr-check-overhead.ts, the peer: a plain `pulumi preview` of a project folder's program
 * through the Automation API (the way this checkout runs pulumi: it has no pulumi-language-nodejs), nothing
 * else: no plan collected, no decision, no report. The provider plugin reports instead of failing at the first
 * violation (IMAGE_CATALOG_POLICY_MODE=report, as under pr-check), so both previews plan the whole change.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStack, type Program } from '../../provider/pulumi/automation.js';

const [dir = '.', stackName = 'dev'] = process.argv.slice(2);
const program = ((await import(pathToFileURL(join(dir, 'index.ts')).href)) as { default: Program }).default;
const stack = await openStack({ cwd: dir, stack: stackName, env: { IMAGE_CATALOG_POLICY_MODE: 'report' } }, program);
const result = await stack.preview();
process.stdout.write(`${JSON.stringify({ changes: result.changeSummary })}\n`);
