import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  describeErrors,
  kinds,
  shippedPolicyDataPath,
  utcToday,
  validateInput
} from "./chunk-GQ2WSSNC.js";

// provider/resources/scs.ts
import { readFileSync } from "node:fs";
var values = JSON.parse(readFileSync(shippedPolicyDataPath, "utf8")).image_catalog.scs_0102;
var scsFrequencies = Object.keys(values.replace_frequencies);
var scsArchitectures = values.architectures;
var scsPurposes = values.purposes.filter((purpose) => purpose !== "oldgeneric");

// provider/resources/versionLine.ts
var latestChannel = "latest";
function channelTag(family, channel) {
  return `${family}@${channel}`;
}
function parseLineRef(ref) {
  const at = ref.lastIndexOf("@");
  return at < 0 ? { family: ref, channel: latestChannel } : { family: ref.slice(0, at), channel: ref.slice(at + 1) };
}
var channelPattern = /^[a-z][a-z0-9-]{0,62}$/;
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
  consumerKind,
  changeKinds,
  changeActions,
  buildAuditEnvelope,
  buildEnvelope,
  checkEnvelope,
  narrowCatalog
};
