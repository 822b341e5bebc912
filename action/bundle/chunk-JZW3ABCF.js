import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  describeErrors,
  isDate,
  kinds,
  shippedPolicyDataPath,
  utcToday,
  validateInput
} from "./chunk-AUYGMNHL.js";

// provider/resources/scs.ts
import { readFileSync } from "node:fs";
var values = JSON.parse(readFileSync(shippedPolicyDataPath, "utf8")).image_catalog.scs_0102;
var scsFrequencies = Object.keys(values.replace_frequencies);
var scsArchitectures = values.architectures;
var scsPurposes = values.purposes.filter((purpose) => purpose !== "oldgeneric");
var testcase = (property) => `scs-0102-prop-${property}`;
function checkScsValues(where, scs) {
  const oneOf = (field, property, value, allowed) => {
    if (value !== void 0 && !allowed.includes(value))
      throw new Error(`${where}.${field}: "${value}" is not one of ${allowed.join(", ")} (rule: enum; ${testcase(property)})`);
  };
  oneOf("replaceFrequency", "replace_frequency", scs.replaceFrequency, scsFrequencies);
  oneOf("architecture", "architecture", scs.architecture, scsArchitectures);
  oneOf("purpose", "os_purpose", scs.purpose, scsPurposes);
  if (scs.originalUser.trim() === "")
    throw new Error(
      `${where}.originalUser: empty; the user the image logs in as, or none (rule: minLength; ${testcase("image_original_user")})`
    );
}
function scsFixedProperties(scs, description, source) {
  return {
    architecture: scs.architecture ?? "x86_64",
    image_source: source ?? "private",
    image_description: scs.description ?? description,
    image_original_user: scs.originalUser,
    replace_frequency: scs.replaceFrequency
  };
}

// provider/resources/versionLine.ts
function familyPropertyConflict(properties, family) {
  for (const [key, field, value] of [
    ["os_distro", "os", family.os],
    ["os_version", "osVersion", family.osVersion]
  ]) {
    const given = properties?.[key];
    if (given !== void 0 && given !== value) return `${key}: "${given}" differs from ${field} "${value}"`;
  }
  return void 0;
}
function catalogImageName(family, version) {
  return `${family.os}-${family.osVersion}-${family.profile}-v${version}`;
}
var latestChannel = "latest";
function channelTag(family, channel) {
  return `${family}@${channel}`;
}
function parseLineRef(ref) {
  const at = ref.lastIndexOf("@");
  return at < 0 ? { family: ref, channel: latestChannel } : { family: ref.slice(0, at), channel: ref.slice(at + 1) };
}
var channelPattern = /^[a-z][a-z0-9-]{0,62}$/;
function checkScs(name, line, ordered) {
  const scs = line.scs;
  if (scs === void 0) return;
  const where = `VersionLine "${name}": scs`;
  checkScsValues(where, scs);
  if ((scs.description ?? line.properties?.["description"] ?? "") === "")
    throw new Error(`${where}.description: empty, and the line's properties have no description (rule: required)`);
  for (const v of ordered)
    if (v.buildDate === void 0)
      throw new Error(
        `VersionLine "${name}": version ${v.version}: buildDate: SCS-0102 needs the day the image was built (rule: required)`
      );
}
function sourceUrl(source) {
  const url = typeof source === "object" && source !== null ? source.url : void 0;
  return typeof url === "string" ? url : void 0;
}
function familyKey(name) {
  const match = /^(.*)-v(\d+)\.(\d+)$/.exec(name);
  if (match === null) return { key: name, version: void 0 };
  const digits = (d) => d.replace(/^0+(?=\d)/, "");
  return { key: match[1] ?? name, version: [digits(match[2] ?? "0"), digits(match[3] ?? "0")] };
}
function versionText(name) {
  const { key, version } = familyKey(name);
  return version === void 0 ? "" : name.slice(key.length + 2);
}
function compareDigits(a, b) {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
function compareVersions(a, b) {
  return compareDigits(a[0], b[0]) || compareDigits(a[1], b[1]);
}
function parseVersion(name, version, field = "versions[].version") {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (match === null) throw new Error(`VersionLine "${name}": ${field} "${version}" must be <major>.<minor> (rule: pattern)`);
  return [Number(match[1]), Number(match[2])];
}
function orderVersions(name, versions) {
  const keyed = versions.map((v) => ({ v, key: parseVersion(name, v.version) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  for (let i = 1; i < keyed.length; i++) {
    const [prev, next] = [keyed[i - 1], keyed[i]];
    if (prev !== void 0 && next !== void 0 && prev.key[0] === next.key[0] && prev.key[1] === next.key[1])
      throw new Error(`VersionLine "${name}": versions: ${next.v.version} is declared twice (rule: uniqueItems)`);
  }
  return keyed.map((k) => k.v);
}
var derivedKeys = /* @__PURE__ */ new Set([
  "os_distro",
  "os_version",
  "deprecated",
  "superseded_by",
  "provided_until",
  "image_build_date",
  "os_purpose",
  "uuid_validity"
]);
function checkVersionDates(name, v) {
  const where = `VersionLine "${name}": version ${v.version}`;
  for (const field of ["endOfLife", "buildDate", "revokeAt"]) {
    const value = v[field];
    if (value === void 0 || isDate(value)) continue;
    throw new Error(
      /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${where}: ${field} "${value}" is no day of the calendar (rule: format)` : `${where}: ${field} "${value}" is not a date YYYY-MM-DD (rule: format)`
    );
  }
  if (v.endOfLife !== void 0 && v.buildDate !== void 0 && v.endOfLife < v.buildDate)
    throw new Error(`${where}: endOfLife ${v.endOfLife} is before its buildDate ${v.buildDate} (rule: lifecycle)`);
}
function lineImages(name, line, today = utcToday()) {
  const family = `${line.os}-${line.osVersion}-${line.profile}`;
  if (line.versions.length === 0) throw new Error(`VersionLine "${name}": versions: at least one version is needed (rule: minItems)`);
  const ordered = orderVersions(name, line.versions);
  for (const v of ordered) checkVersionDates(name, v);
  for (const [where, properties] of [
    ["properties", line.properties],
    ...ordered.map((v) => [`version ${v.version}: properties`, v.properties])
  ]) {
    const conflict = familyPropertyConflict(properties, line);
    if (conflict !== void 0)
      throw new Error(`VersionLine "${name}": ${where}.${conflict}, which sets it and names the versions (rule: const)`);
  }
  checkScs(name, line, ordered);
  if (line.keep !== void 0 && (!Number.isInteger(line.keep) || line.keep < 1))
    throw new Error(`VersionLine "${name}": keep ${String(line.keep)} must be a whole number of at least 1 (rule: minimum)`);
  const notices = [];
  const revoked = (v) => v.revoked === true || v.revokeAt !== void 0 && v.revokeAt <= today;
  const pastEndOfLife = (v) => v.endOfLife !== void 0 && v.endOfLife < today;
  for (const v of ordered)
    if (v.revoked !== true && v.revokeAt !== void 0 && v.revokeAt <= today)
      notices.push(`VersionLine "${name}": version ${v.version} is revoked since ${v.revokeAt} (revokeAt): deactivated`);
  const byVersion = new Map(ordered.map((v) => [v.version, v]));
  const channels = {};
  for (const [channel, target] of Object.entries(line.channels ?? {})) {
    const field = `channels.${channel}`;
    if (channel === latestChannel)
      throw new Error(
        `VersionLine "${name}": ${field}: "latest" is the line's own channel (the newest version that can be booted) (rule: not)`
      );
    if (!channelPattern.test(channel))
      throw new Error(`VersionLine "${name}": ${field}: a channel name is lower case letters, digits and dashes (rule: pattern)`);
    parseVersion(name, target, field);
    const v = byVersion.get(target);
    if (v === void 0)
      throw new Error(
        `VersionLine "${name}": ${field}: version ${target} is not a version of this line (declared: ${ordered.map((o) => o.version).join(", ")}) (rule: enum)`
      );
    if (revoked(v))
      throw new Error(
        `VersionLine "${name}": ${field}: version ${target} is revoked; move the channel to another version (rule: channels)`
      );
    if (pastEndOfLife(v))
      throw new Error(
        `VersionLine "${name}": ${field}: version ${target} is past its end of life (${String(v.endOfLife)}); move the channel to another version (rule: channels)`
      );
    channels[channel] = target;
  }
  const candidates = ordered.filter((v) => !revoked(v) && !pastEndOfLife(v) && v.excludeFromLatest !== true);
  const latest = candidates[candidates.length - 1];
  if (latest !== void 0) channels[latestChannel] = latest.version;
  const newest = ordered[ordered.length - 1];
  if (newest === void 0) throw new Error(`VersionLine "${name}": versions: at least one version is needed (rule: minItems)`);
  const currentVersion = latest ?? newest;
  const currentIndex = ordered.indexOf(currentVersion);
  const current = catalogImageName(line, currentVersion.version);
  const stateOf = (v, index) => {
    const pointed = Object.entries(channels).filter(([, target]) => target === v.version).map(([channel]) => channel).sort();
    const isRevoked = revoked(v);
    const isPast = pastEndOfLife(v);
    const deprecated = v !== currentVersion && (isRevoked || isPast || index < currentIndex && pointed.length === 0);
    return { revoked: isRevoked, pastEndOfLife: isPast, channels: pointed, deprecated, shared: !isPast };
  };
  const states = ordered.map((v, index) => stateOf(v, index));
  const retired = /* @__PURE__ */ new Set();
  if (line.keep !== void 0) {
    const keep = line.keep;
    ordered.forEach((v, index) => {
      const state = states[index];
      if (ordered.length - index > keep && state.deprecated && state.pastEndOfLife) retired.add(v.version);
    });
    for (const version of retired)
      notices.push(
        `VersionLine "${name}": version ${version} is past its end of life and beyond keep ${String(keep)}: no longer declared, so this run deletes its image (the policy decides the delete)`
      );
  }
  const images = ordered.flatMap((v, index) => {
    if (retired.has(v.version)) return [];
    const state = states[index];
    const isCurrent = v === currentVersion;
    const own = new Set(Object.keys(v.properties ?? {}));
    const visible = !state.revoked && !state.pastEndOfLife && (isCurrent || state.channels.length > 0);
    const scs = line.scs;
    const purpose = scs?.purpose ?? "generic";
    const scsFixed = scs === void 0 ? {} : scsFixedProperties(scs, line.properties?.["description"] ?? "", sourceUrl(v.source));
    const scsMoving = scs === void 0 ? {} : {
      os_purpose: isCurrent || purpose !== "generic" ? purpose : "oldgeneric",
      uuid_validity: line.keep === void 0 ? "none" : `last-${String(line.keep)}`,
      provided_until: v.endOfLife ?? "none"
    };
    return [
      {
        version: v.version,
        isCurrent,
        state,
        lineKeys: [
          ...[...Object.keys(line.properties ?? {}), ...Object.keys(scsFixed)].filter((k) => !own.has(k) && !derivedKeys.has(k)),
          // A line that turns scs on gives its published versions a build date they were not published with.
          ...scs !== void 0 && v.buildDate !== void 0 && !own.has("image_build_date") ? ["image_build_date"] : []
        ],
        fields: {
          name: catalogImageName(line, v.version),
          diskFormat: v.diskFormat ?? "qcow2",
          visibility: line.visibility ?? "shared",
          isHidden: !visible,
          // Protection guards a provided version; one past its end of life may go (retention).
          isProtected: (line.isProtected ?? false) && !state.pastEndOfLife,
          ...state.revoked ? { isDeactivated: true } : {},
          tags: [family, ...state.channels.map((channel) => channelTag(family, channel))],
          ...v.minDisk === void 0 ? {} : { minDisk: v.minDisk },
          ...v.minRam === void 0 ? {} : { minRam: v.minRam },
          ...v.sha512 === void 0 ? {} : { sha512: v.sha512 },
          ...v.sha256 === void 0 ? {} : { sha256: v.sha256 },
          source: v.source,
          properties: {
            ...line.properties,
            ...scsFixed,
            ...scsMoving,
            ...v.properties,
            os_distro: line.os,
            os_version: line.osVersion,
            ...v.endOfLife === void 0 ? {} : { provided_until: v.endOfLife },
            ...v.buildDate === void 0 ? {} : { image_build_date: v.buildDate },
            ...state.deprecated ? { deprecated: "true", superseded_by: current } : {}
          }
        }
      }
    ];
  });
  return { family, current, latest: latest?.version, channels, images, retired: [...retired], notices };
}

// provider/policy/envelope.ts
var consumerKind = "consumer";
var changeKinds = [...kinds, consumerKind];
var changeActions = ["create", "update", "replace", "delete", "noop"];
function buildAuditEnvelope(principal, images, scope, today = utcToday()) {
  return { ...buildEnvelope(principal, images, [], [], today), audit: scope };
}
function buildEnvelope(principal, images, changes, policyChanges = [], today = utcToday()) {
  return {
    principal: { user_id: principal.user_id, project_id: principal.project_id, roles: [...principal.roles] },
    changes,
    catalog: { images },
    today,
    ...policyChanges.length === 0 ? {} : { policy_changes: policyChanges }
  };
}
function checkEnvelope(value) {
  const errors = validateInput(value);
  return errors.length === 0 ? { ok: true, envelope: value } : { ok: false, problems: describeErrors(errors) };
}
function genericKey(image) {
  const properties = image["properties"] ?? {};
  if (image["visibility"] !== "public" || image["os_hidden"] === true || properties["os_purpose"] !== "generic") return void 0;
  return JSON.stringify([properties["architecture"] ?? "", properties["os_distro"] ?? "", properties["os_version"] ?? ""]);
}
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(images) {
  let index = indexes.get(images);
  if (index !== void 0) return index;
  const families = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  const generic = /* @__PURE__ */ new Map();
  for (const image of images) {
    const unique = genericKey(image);
    if (unique !== void 0) generic.set(unique, [...generic.get(unique) ?? [], image]);
    const id = image["id"];
    if (typeof id === "string") byId.set(id, [...byId.get(id) ?? [], image]);
    const name = image["name"];
    if (typeof name !== "string") continue;
    const sameName = byName.get(name);
    if (sameName === void 0) byName.set(name, [image]);
    else sameName.push(image);
    const { key, version } = familyKey(name);
    if (version === void 0) continue;
    const members = families.get(key);
    if (members === void 0) families.set(key, [{ image, version }]);
    else members.push({ image, version });
  }
  const topOfFamily = /* @__PURE__ */ new Map();
  for (const [key, members] of families) {
    members.sort((a, b) => compareVersions(b.version, a.version));
    topOfFamily.set(
      key,
      members.slice(0, 2).map((m) => m.image)
    );
  }
  index = { topOfFamily, byName, byId, generic };
  indexes.set(images, index);
  return index;
}
function narrowCatalog(envelope) {
  if (envelope.audit !== void 0) return envelope;
  const index = indexOf(envelope.catalog.images);
  const keep = /* @__PURE__ */ new Set();
  for (const change of envelope.changes) {
    if (change.kind === consumerKind && change.after !== null) {
      for (const boot of change.after.boots) {
        if ("name" in boot) for (const image of index.byName.get(boot.name) ?? []) keep.add(image);
        else if (typeof boot.id === "string") for (const image of index.byId.get(boot.id) ?? []) keep.add(image);
      }
      continue;
    }
    const shared = change.kind === "image" || change.after === null ? void 0 : change.after["image_id"];
    if (typeof shared === "string") for (const image of index.byId.get(shared) ?? []) keep.add(image);
    if (change.kind !== "image" || change.after === null) continue;
    const name = change.after["name"];
    if (typeof name !== "string") continue;
    for (const image of index.topOfFamily.get(familyKey(name).key) ?? []) keep.add(image);
    for (const image of index.byName.get(name) ?? []) keep.add(image);
    const key = genericKey(change.after);
    if (key !== void 0) for (const image of index.generic.get(key) ?? []) keep.add(image);
  }
  return { ...envelope, catalog: { images: [...keep] } };
}

export {
  latestChannel,
  channelTag,
  parseLineRef,
  channelPattern,
  familyKey,
  versionText,
  compareVersions,
  lineImages,
  consumerKind,
  changeKinds,
  changeActions,
  buildAuditEnvelope,
  buildEnvelope,
  checkEnvelope,
  narrowCatalog
};
