/**
 * The consumer's lookup: which image a line's channel points at, for whoever can see it (docs/consumers.md). One
 * request to Glance when there is an answer: `GET /v2/images?tag=<family>@<channel>[&owner=<project>]&limit=2`
 * (tags and owner are filtered by Glance itself, for any caller). A channel is a tag on the one image it points
 * at (./versionLine.ts), so the answer is the single image carrying it; two images carrying it are refused, naming
 * both, instead of picking one. Only a failure asks more, to say why: no such line, an empty channel, every
 * version revoked.
 *
 * Whose images are trusted: with `owner`, only that project's (Glance filters by owner), its shares with the caller
 * whether accepted yet or not (`member_status=all`). Without it, what a default image list shows the caller (public
 * images, which only admins publish; its own project's; shares it accepted) and one owner only: images of two
 * owners carrying one channel are refused, naming both.
 */
import { listImages, type ImageWire } from '../client/images.js';
import type { Session } from '../client/session.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { isDate, utcToday } from './day.js';
import { projectAjv } from './schema.js';
import { channelPattern, channelTag, compareVersions, familyKey, latestChannel, parseLineRef, versionText } from './versionLine.js';

/** What a consumer asks for. */
export interface LookupQuery {
  /** The line's family, `<os>-<osversion>-<profile>` (or `<family>@<channel>`). */
  readonly line: string;
  /** Default `latest` (or the channel of `line`). */
  readonly channel?: string;
  /** The owner project's id: only its images are trusted (recommended). */
  readonly owner?: string;
}

/** The image a channel points at. */
export interface LookupResult {
  readonly id: string;
  readonly name: string;
  readonly line: string;
  readonly channel: string;
  /** `<major>.<minor>`, from the name. */
  readonly version: string;
  readonly owner: string;
  /** The end of life (`provided_until`), when the line declares one. */
  readonly endOfLife: string | null;
  /** Whether the image is deprecated (a channel may point at an older version). */
  readonly deprecated: boolean;
}

/** Why nothing was found; `reason` is stable for scripts. */
export class LookupError extends Error {
  override readonly name = 'LookupError';
  constructor(
    readonly reason: 'no-line' | 'empty-channel' | 'revoked' | 'past-end-of-life' | 'ambiguous' | 'bad-query',
    message: string,
  ) {
    super(message);
  }
}

const familyPattern = /^[a-z][a-z0-9]*-[0-9][a-z0-9.]*-[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;

/** The family and channel asked for, checked (no request for a query that cannot match). */
export function lookupTarget(query: LookupQuery): { family: string; channel: string } {
  const ref = parseLineRef(query.line);
  const channel = query.channel ?? ref.channel;
  if (!familyPattern.test(ref.family))
    throw new LookupError('bad-query', `line "${ref.family}" is not a line name <os>-<osversion>-<profile> (such as ubuntu-24.04-base)`);
  if (!channelPattern.test(channel))
    throw new LookupError('bad-query', `channel "${channel}" is not a channel name (lower case letters, digits, dashes)`);
  return { family: ref.family, channel };
}

async function list(session: Session, tag: string, owner: string | undefined, osHidden?: boolean, limit = 2): Promise<ImageWire[]> {
  const found: ImageWire[] = [];
  for await (const image of listImages(session, {
    tags: [tag],
    limit,
    // The owner's shares count whether or not this project answered them yet (Glance lets a member read and boot a
    // pending share by id); without an owner, only what a default list shows (another project could share anything).
    ...(owner === undefined ? {} : { owner, memberStatus: 'all' as const }),
    ...(osHidden === undefined ? {} : { osHidden }),
  })) {
    found.push(image);
    if (found.length >= limit) break;
  }
  return found;
}

const describe = (image: ImageWire): string => `${image.id} (${String(image.name)}, owner ${String(image['owner'])})`;

/** Why a channel that matched nothing is empty (only asked on the failure path). */
async function whyEmpty(session: Session, family: string, channel: string, owner: string | undefined): Promise<LookupError> {
  const of = owner === undefined ? '' : ` of owner ${owner}`;
  const line = [...(await list(session, family, owner, false, 1000)), ...(await list(session, family, owner, true, 1000))];
  if (line.length === 0)
    return new LookupError(
      'no-line',
      `no line ${family}${of}: no image you can see carries the tag ${family} (${owner === undefined ? 'is the line shared with your project, and the share accepted? --owner counts shares not accepted yet' : 'is the line shared with your project?'})`,
    );
  if (line.every((image) => image.status === 'deactivated'))
    return new LookupError('revoked', `every version of line ${family}${of} is revoked (${String(line.length)} deactivated)`);
  const channels = new Set(
    line.flatMap((image) =>
      ((image['tags'] as string[] | undefined) ?? [])
        .filter((tag) => tag.startsWith(`${family}@`))
        .map((tag) => tag.slice(family.length + 1)),
    ),
  );
  return new LookupError(
    'empty-channel',
    `channel ${channel} of line ${family}${of} points at no image (${channels.size === 0 ? 'the line has no channel' : `its channels: ${[...channels].sort().join(', ')}`})` +
      (channel === latestChannel ? ': no version is neither revoked, past its end of life nor excluded from latest' : ''),
  );
}

/** The image a line's channel points at (one request when there is one); a LookupError says why not. */
export async function resolveImage(session: Session, query: LookupQuery, today: string = utcToday()): Promise<LookupResult> {
  const { family, channel } = lookupTarget(query);
  const tag = channelTag(family, channel);
  const found = await list(session, tag, query.owner);
  if (found.length > 1) {
    const owners = new Set(found.map((image) => image['owner']));
    throw new LookupError(
      'ambiguous',
      owners.size > 1
        ? `channel ${channel} of line ${family} is carried by images of ${String(owners.size)} owners: ${found.map(describe).join(', ')}; name the owner (--owner / owner) to trust one`
        : `channel ${channel} of line ${family} is carried by two images: ${found.map(describe).join(', ')}; a channel points at one image (the owner's run is in the middle of moving it, or a tag was set by hand)`,
    );
  }
  const [image] = found;
  if (image === undefined) throw await whyEmpty(session, family, channel, query.owner);
  if (image.status === 'deactivated')
    throw new LookupError('revoked', `channel ${channel} of line ${family} points at ${describe(image)}, which is revoked (deactivated)`);
  const until = image['provided_until'];
  const endOfLife = typeof until === 'string' ? until : null;
  if (endOfLife !== null && isDate(endOfLife) && endOfLife < today)
    throw new LookupError(
      'past-end-of-life',
      `channel ${channel} of line ${family} points at ${describe(image)}, past its end of life (${endOfLife})`,
    );
  const name = String(image.name);
  return {
    id: image.id,
    name,
    line: family,
    channel,
    version: versionText(name),
    owner: String(image['owner']),
    endOfLife,
    deprecated: image['deprecated'] === 'true',
  };
}

/** What a consumer project accepts: every version of a line one owner shares with it. */
export interface LineSharesQuery {
  /** The line's family, `<os>-<osversion>-<profile>`. */
  readonly line: string;
  /** The owner project's id: only its shares are accepted (another project can tag an image with any line). */
  readonly owner: string;
}

/** The versions of a line shared with the caller's project (pending or answered), and that project. */
export interface LineShares {
  /** The caller's project: the member of each share. */
  readonly project: string;
  readonly line: string;
  /** In version order. */
  readonly images: readonly { readonly id: string; readonly name: string; readonly version: string }[];
}

/**
 * Every version of a line that `owner` shares with the caller's project, pending or accepted (a rejected share
 * stays rejected): `GET /v2/images?tag=<family>&owner=<owner>&visibility=shared&member_status=<pending|accepted>
 * [&os_hidden=true]`, four requests (Glance filters one member status at a time and lists hidden images apart). A version past its end of life is no longer shared (./versionLine.ts), so it
 * leaves this list by itself.
 */
export async function lineShares(session: Session, query: LineSharesQuery): Promise<LineShares> {
  const { family } = lookupTarget({ line: query.line });
  if (query.owner === '') throw new LookupError('bad-query', 'owner is empty: name the project whose shares are accepted');
  const found = new Map<string, ImageWire>();
  // Pending and accepted, never rejected: a share the project rejected stays rejected. Hidden ones apart.
  for (const memberStatus of ['pending', 'accepted'] as const)
    for (const osHidden of [false, true])
      for await (const image of listImages(session, { tags: [family], owner: query.owner, visibility: 'shared', memberStatus, osHidden }))
        found.set(image.id, image);
  // In version order.
  const images = [...found.values()]
    .flatMap((image) => {
      const name = String(image.name);
      const { version } = familyKey(name);
      return version === undefined ? [] : [{ id: image.id, name, version: versionText(name), order: version }];
    })
    .sort((a, b) => compareVersions(a.order, b.order))
    .map(({ id, name, version }) => ({ id, name, version }));
  return { project: (await session.identity()).project_id, line: family, images };
}

/**
 * The lookup's arguments and result as a JSON Schema (the Pulumi function `getImage` is declared from it, and its
 * arguments are checked against it before any request).
 */
export const lookupSchema = {
  inputs: {
    type: 'object',
    required: ['line'],
    additionalProperties: false,
    properties: {
      line: { type: 'string', description: 'The line, <os>-<osversion>-<profile> (or <family>@<channel>), such as ubuntu-24.04-base.' },
      channel: {
        type: 'string',
        description: 'The channel (default: latest, the newest version neither revoked, past its end of life nor excluded from latest).',
      },
      owner: { type: 'string', description: "The owner project's id: only its images are trusted (recommended)." },
      cloud: { type: 'string', description: "The clouds.yaml cloud to look with (default: the provider's cloud)." },
    },
  },
  outputs: {
    type: 'object',
    required: ['id', 'name', 'line', 'channel', 'version', 'owner', 'deprecated'],
    properties: {
      id: { type: 'string', description: 'The image id.' },
      name: { type: 'string', description: 'The image name, <family>-v<version>.' },
      line: { type: 'string', description: 'The line (family).' },
      channel: { type: 'string', description: 'The channel asked for.' },
      version: { type: 'string', description: 'The version, <major>.<minor>.' },
      owner: { type: 'string', description: 'The owner project.' },
      endOfLife: { type: ['string', 'null'], description: 'Its end of life (provided_until), when declared.' },
      deprecated: { type: 'boolean', description: 'Whether it is deprecated (a channel may point at an older version).' },
    },
  },
} as const;

/** {@link lineShares}'s arguments and result as a JSON Schema (the Pulumi function `getLineShares`). */
export const lineSharesSchema = {
  inputs: {
    type: 'object',
    required: ['line', 'owner'],
    additionalProperties: false,
    properties: {
      line: { type: 'string', description: 'The line, <os>-<osversion>-<profile>, such as ubuntu-24.04-base.' },
      owner: { type: 'string', minLength: 1, description: "The owner project's id: only its shares are listed." },
      cloud: { type: 'string', description: "The clouds.yaml cloud of the member project (default: the provider's cloud)." },
    },
  },
  outputs: {
    type: 'object',
    required: ['project', 'line', 'images'],
    properties: {
      project: { type: 'string', description: "The caller's project: the member of each share." },
      line: { type: 'string', description: 'The line (family).' },
      images: {
        type: 'array',
        description: 'Each version shared with the project, in version order.',
        items: {
          type: 'object',
          required: ['id', 'name', 'version'],
          properties: {
            id: { type: 'string', description: 'The image id.' },
            name: { type: 'string', description: 'The image name.' },
            version: { type: 'string', description: 'The version, <major>.<minor>.' },
          },
        },
      },
    },
  },
} as const;

/** A function a consumer calls, ready: its arguments checked against its schema, then asked with the session of their cloud. */
export type LookupCall = (
  args: unknown,
  sessionOf: (cloud: string | undefined) => Session,
) => Promise<{ readonly errors: readonly ErrorObject[] } | { readonly value: object }>;

/** A function a consumer calls (the Pulumi plugin's Invoke) over a query `Q`: its schema, what it does, and how to make it ready. */
export interface LookupFunction<Q extends object> {
  readonly description: string;
  readonly schema: { readonly inputs: Readonly<Record<string, unknown>>; readonly outputs: Readonly<Record<string, unknown>> };
  /** The query, asked with a session. */
  readonly run: (session: Session, query: Q) => Promise<object>;
  /** A caller with its own compiled argument check (whoever serves the function keeps it: no module state). */
  prepare(): LookupCall;
}

/** A function over a query `Q` that its schema's inputs describe (plus the `cloud` to ask with). */
function lookupFunction<Q extends object>(
  description: string,
  schema: LookupFunction<Q>['schema'],
  run: LookupFunction<Q>['run'],
): LookupFunction<Q> {
  return {
    description,
    schema,
    run,
    prepare: () => {
      const validate = projectAjv({ verbose: true }).compile<Q & { readonly cloud?: string }>(schema.inputs);
      return async (args, sessionOf) =>
        validate(args) ? { value: await run(sessionOf(args.cloud), args) } : { errors: validate.errors ?? [] };
    },
  };
}

/** The consumer's functions, by name: the plugin serves them and its schema declares them from here. */
export const lookupFunctions = {
  getImage: lookupFunction<LookupQuery>(
    "The image a version line's channel points at, as the caller's cloud sees it (one request to Glance); fails saying why when none (docs/consumers.md).",
    lookupSchema,
    (session, query) => resolveImage(session, query),
  ),
  getLineShares: lookupFunction<LineSharesQuery>(
    "Every version of a line the owner project shares with the caller's project, pending or accepted, never rejected (LineAcceptance accepts them; docs/consumers.md).",
    lineSharesSchema,
    lineShares,
  ),
};
