import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  channelPattern,
  channelTag,
  compareVersions,
  familyKey,
  latestChannel,
  parseLineRef,
  versionText
} from "./chunk-JZW3ABCF.js";
import {
  isDate,
  listImages,
  projectAjv,
  utcToday
} from "./chunk-AUYGMNHL.js";

// provider/resources/lookup.ts
var LookupError = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
  reason;
  name = "LookupError";
};
var familyPattern = /^[a-z][a-z0-9]*-[0-9][a-z0-9.]*-[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;
function lookupTarget(query) {
  const ref = parseLineRef(query.line);
  const channel = query.channel ?? ref.channel;
  if (!familyPattern.test(ref.family))
    throw new LookupError("bad-query", `line "${ref.family}" is not a line name <os>-<osversion>-<profile> (such as ubuntu-24.04-base)`);
  if (!channelPattern.test(channel))
    throw new LookupError("bad-query", `channel "${channel}" is not a channel name (lower case letters, digits, dashes)`);
  return { family: ref.family, channel };
}
async function list(session, tag, owner, osHidden, limit = 2) {
  const found = [];
  for await (const image of listImages(session, {
    tags: [tag],
    limit,
    // The owner's shares count whether or not this project answered them yet (Glance lets a member read and boot a
    // pending share by id); without an owner, only what a default list shows (another project could share anything).
    ...owner === void 0 ? {} : { owner, memberStatus: "all" },
    ...osHidden === void 0 ? {} : { osHidden }
  })) {
    found.push(image);
    if (found.length >= limit) break;
  }
  return found;
}
var describe = (image) => `${image.id} (${String(image.name)}, owner ${String(image["owner"])})`;
async function whyEmpty(session, family, channel, owner) {
  const of = owner === void 0 ? "" : ` of owner ${owner}`;
  const line = [...await list(session, family, owner, false, 1e3), ...await list(session, family, owner, true, 1e3)];
  if (line.length === 0)
    return new LookupError(
      "no-line",
      `no line ${family}${of}: no image you can see carries the tag ${family} (${owner === void 0 ? "is the line shared with your project, and the share accepted? --owner counts shares not accepted yet" : "is the line shared with your project?"})`
    );
  if (line.every((image) => image.status === "deactivated"))
    return new LookupError("revoked", `every version of line ${family}${of} is revoked (${String(line.length)} deactivated)`);
  const channels = new Set(
    line.flatMap(
      (image) => (image["tags"] ?? []).filter((tag) => tag.startsWith(`${family}@`)).map((tag) => tag.slice(family.length + 1))
    )
  );
  return new LookupError(
    "empty-channel",
    `channel ${channel} of line ${family}${of} points at no image (${channels.size === 0 ? "the line has no channel" : `its channels: ${[...channels].sort().join(", ")}`})` + (channel === latestChannel ? ": no version is neither revoked, past its end of life nor excluded from latest" : "")
  );
}
async function resolveImage(session, query, today = utcToday()) {
  const { family, channel } = lookupTarget(query);
  const tag = channelTag(family, channel);
  const found = await list(session, tag, query.owner);
  if (found.length > 1) {
    const owners = new Set(found.map((image2) => image2["owner"]));
    throw new LookupError(
      "ambiguous",
      owners.size > 1 ? `channel ${channel} of line ${family} is carried by images of ${String(owners.size)} owners: ${found.map(describe).join(", ")}; name the owner (--owner / owner) to trust one` : `channel ${channel} of line ${family} is carried by two images: ${found.map(describe).join(", ")}; a channel points at one image (the owner's run is in the middle of moving it, or a tag was set by hand)`
    );
  }
  const [image] = found;
  if (image === void 0) throw await whyEmpty(session, family, channel, query.owner);
  if (image.status === "deactivated")
    throw new LookupError("revoked", `channel ${channel} of line ${family} points at ${describe(image)}, which is revoked (deactivated)`);
  const until = image["provided_until"];
  const endOfLife = typeof until === "string" ? until : null;
  if (endOfLife !== null && isDate(endOfLife) && endOfLife < today)
    throw new LookupError(
      "past-end-of-life",
      `channel ${channel} of line ${family} points at ${describe(image)}, past its end of life (${endOfLife})`
    );
  const name = String(image.name);
  return {
    id: image.id,
    name,
    line: family,
    channel,
    version: versionText(name),
    owner: String(image["owner"]),
    endOfLife,
    deprecated: image["deprecated"] === "true"
  };
}
async function lineShares(session, query) {
  const { family } = lookupTarget({ line: query.line });
  if (query.owner === "") throw new LookupError("bad-query", "owner is empty: name the project whose shares are accepted");
  const found = /* @__PURE__ */ new Map();
  for (const memberStatus of ["pending", "accepted"])
    for (const osHidden of [false, true])
      for await (const image of listImages(session, { tags: [family], owner: query.owner, visibility: "shared", memberStatus, osHidden }))
        found.set(image.id, image);
  const images = [...found.values()].flatMap((image) => {
    const name = String(image.name);
    const { version } = familyKey(name);
    return version === void 0 ? [] : [{ id: image.id, name, version: versionText(name), order: version }];
  }).sort((a, b) => compareVersions(a.order, b.order)).map(({ id, name, version }) => ({ id, name, version }));
  return { project: (await session.identity()).project_id, line: family, images };
}
var lookupSchema = {
  inputs: {
    type: "object",
    required: ["line"],
    additionalProperties: false,
    properties: {
      line: { type: "string", description: "The line, <os>-<osversion>-<profile> (or <family>@<channel>), such as ubuntu-24.04-base." },
      channel: {
        type: "string",
        description: "The channel (default: latest, the newest version neither revoked, past its end of life nor excluded from latest)."
      },
      owner: { type: "string", description: "The owner project's id: only its images are trusted (recommended)." },
      cloud: { type: "string", description: "The clouds.yaml cloud to look with (default: the provider's cloud)." }
    }
  },
  outputs: {
    type: "object",
    required: ["id", "name", "line", "channel", "version", "owner", "deprecated"],
    properties: {
      id: { type: "string", description: "The image id." },
      name: { type: "string", description: "The image name, <family>-v<version>." },
      line: { type: "string", description: "The line (family)." },
      channel: { type: "string", description: "The channel asked for." },
      version: { type: "string", description: "The version, <major>.<minor>." },
      owner: { type: "string", description: "The owner project." },
      endOfLife: { type: ["string", "null"], description: "Its end of life (provided_until), when declared." },
      deprecated: { type: "boolean", description: "Whether it is deprecated (a channel may point at an older version)." }
    }
  }
};
var lineSharesSchema = {
  inputs: {
    type: "object",
    required: ["line", "owner"],
    additionalProperties: false,
    properties: {
      line: { type: "string", description: "The line, <os>-<osversion>-<profile>, such as ubuntu-24.04-base." },
      owner: { type: "string", minLength: 1, description: "The owner project's id: only its shares are listed." },
      cloud: { type: "string", description: "The clouds.yaml cloud of the member project (default: the provider's cloud)." }
    }
  },
  outputs: {
    type: "object",
    required: ["project", "line", "images"],
    properties: {
      project: { type: "string", description: "The caller's project: the member of each share." },
      line: { type: "string", description: "The line (family)." },
      images: {
        type: "array",
        description: "Each version shared with the project, in version order.",
        items: {
          type: "object",
          required: ["id", "name", "version"],
          properties: {
            id: { type: "string", description: "The image id." },
            name: { type: "string", description: "The image name." },
            version: { type: "string", description: "The version, <major>.<minor>." }
          }
        }
      }
    }
  }
};
function lookupFunction(description, schema, run) {
  return {
    description,
    schema,
    run,
    prepare: () => {
      const validate = projectAjv({ verbose: true }).compile(schema.inputs);
      return async (args, sessionOf) => validate(args) ? { value: await run(sessionOf(args.cloud), args) } : { errors: validate.errors ?? [] };
    }
  };
}
var lookupFunctions = {
  getImage: lookupFunction(
    "The image a version line's channel points at, as the caller's cloud sees it (one request to Glance); fails saying why when none (docs/consumers.md).",
    lookupSchema,
    (session, query) => resolveImage(session, query)
  ),
  getLineShares: lookupFunction(
    "Every version of a line the owner project shares with the caller's project, pending or accepted, never rejected (LineAcceptance accepts them; docs/consumers.md).",
    lineSharesSchema,
    lineShares
  )
};

export {
  LookupError,
  lookupTarget,
  resolveImage,
  lookupFunctions
};
