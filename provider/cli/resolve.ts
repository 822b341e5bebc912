/**
 * `image-catalog resolve <line>[@<channel>]`: the id of the image a line's channel points at, as the consumer's
 * cloud sees it (../resources/lookup.ts: one request to Glance when there is an answer). For scripts:
 * `openstack server create --image "$(image-catalog resolve ubuntu-24.04-base@stable)" ...`.
 */
import type { Command } from 'commander';
import { Session } from '../client/session.js';
import { LookupError, lookupTarget, resolveImage } from '../resources/lookup.js';
import { UsageError } from './policy.js';

/** Registers `resolve`. */
export function registerResolve(program: Command): void {
  program
    .command('resolve')
    .description(
      "Print the id of the image a version line's channel points at (default channel: latest, the newest version that is neither " +
        'revoked nor past its end of life). Exits 0 with the id; 1 when nothing matches, saying why (no such line, the channel is ' +
        'empty, every version revoked, two images claim the channel); 2 for bad usage.',
    )
    .argument('<line>', 'the line and channel, <os>-<osversion>-<profile>[@<channel>], such as ubuntu-24.04-base@stable')
    .option('--cloud <name>', 'the clouds.yaml cloud to look with (default: OS_CLOUD, then the OS_* environment)')
    .option('--region <name>', "the region of that cloud to look in (default: the cloud's region_name, OS_REGION_NAME)")
    .option('--owner <project>', "the owner project's id: trust only its images (recommended; default: the one owner of what you can see)")
    .option(
      '--format <format>',
      'text (the id alone) or json (id, name, line, channel, version, owner, endOfLife, deprecated, region)',
      'text',
    )
    .action(async (line: string, options: { cloud?: string; region?: string; owner?: string; format: string }) => {
      if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`--format ${options.format}: text or json`);
      const query = { line, ...(options.owner === undefined ? {} : { owner: options.owner }) };
      try {
        lookupTarget(query);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      try {
        // A line in several regions has an image of each version in each: the id is the region's.
        const session = Session.forCloud(options.cloud).inRegion(options.region);
        const found = { ...(await resolveImage(session, query)), region: session.config.regionName ?? null };
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(found, null, 2)}\n` : `${found.id}\n`);
      } catch (err) {
        // Nothing found, or nothing could be asked (no cloud configured, Keystone or Glance unreachable): exit 1,
        // said in the same form.
        if (err instanceof UsageError) throw err;
        const reason = err instanceof LookupError ? err.reason : 'failed';
        const message = err instanceof Error ? err.message : String(err);
        if (options.format === 'json') process.stdout.write(`${JSON.stringify({ error: reason, message }, null, 2)}\n`);
        process.stderr.write(`image-catalog resolve: ${message}\n`);
        process.exitCode = 1;
      }
    });
}
