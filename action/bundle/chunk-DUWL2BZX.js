import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  parsePosition
} from "./chunk-JPHF7VO4.js";
import {
  RunCatalog
} from "./chunk-62CAMSCM.js";
import {
  Session
} from "./chunk-XLIOZ4WR.js";
import {
  PolicyEngine
} from "./chunk-23GM6L4P.js";
import {
  buildEnvelope,
  consumerKind
} from "./chunk-JZW3ABCF.js";
import {
  creationMark,
  isGlanceField
} from "./chunk-AUYGMNHL.js";

// provider/cdktf/declared.ts
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
var declarationKey = "image_catalog_declared_at";
var deactivationKey = "image_catalog_deactivated";
function synthesizedConfig(dir) {
  const file = resolve(dir, "cdk.tf.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : void 0;
}
function synthesizedResources(dir, appDir = process.cwd()) {
  const found = /* @__PURE__ */ new Map();
  const config = synthesizedConfig(dir);
  if (config === void 0) return found;
  for (const [type, resources] of Object.entries(config.resource ?? {}))
    for (const [name, body] of Object.entries(resources)) {
      const path = body["//"]?.metadata?.path;
      const at = body["//"]?.[declarationKey];
      const position = at === void 0 ? void 0 : parsePosition(at);
      found.set(`${type}.${name}`, {
        ...path === void 0 ? {} : { path },
        ...position === void 0 ? {} : { declaredAt: { ...position, file: resolve(appDir, position.file) } }
      });
    }
  return found;
}

// provider/cdktf/deactivation.ts
function declaredDeactivation(dir) {
  const declared = /* @__PURE__ */ new Map();
  for (const [name, body] of Object.entries(synthesizedConfig(dir)?.resource?.["openstack_images_image_v2"] ?? {})) {
    const value = body["//"]?.[deactivationKey];
    if (typeof value === "boolean") declared.set(`openstack_images_image_v2.${name}`, value);
  }
  return declared;
}
function wantedStatus(declared, live) {
  if (declared === void 0) return void 0;
  if (live !== void 0 && live !== "active" && live !== "deactivated") return void 0;
  return declared ? "deactivated" : "active";
}
function withDeclaredDeactivation(resourceChanges, live, declared, configAddress2) {
  return resourceChanges.map((rc) => {
    if (rc.type !== "openstack_images_image_v2" || rc.mode === "data" || rc.change.after === null) return rc;
    const actions = rc.change.actions.join(",");
    const wanted = declared.get(configAddress2(rc.address));
    if (actions === "create" || actions === "delete,create" || actions === "create,delete") {
      if (wanted !== true) return rc;
      return {
        ...rc,
        change: {
          ...rc.change,
          after: { ...rc.change.after, status: "deactivated" },
          after_unknown: { ...rc.change.after_unknown, status: false }
        }
      };
    }
    if (actions !== "no-op" && actions !== "update") return rc;
    const id = rc.change.before?.["id"];
    const status = typeof id === "string" ? live.get(id)?.["status"] : void 0;
    const want = wantedStatus(wanted, typeof status === "string" ? status : void 0);
    if (want === void 0 || status === want) return rc;
    return {
      ...rc,
      change: {
        ...rc.change,
        actions: ["update"],
        before: { ...rc.change.before, status },
        after: { ...rc.change.after, status: want },
        after_unknown: { ...rc.change.after_unknown, status: false }
      }
    };
  });
}
function statusChanges(changes) {
  const wanted = /* @__PURE__ */ new Map();
  for (const change of changes) {
    if (change.kind !== "image" || change.after === null) continue;
    const after = change.after["status"];
    const before = change.before?.["status"];
    if (change.action === "update" && (after === "active" || after === "deactivated") && before !== after)
      wanted.set(change.address, after === "deactivated");
    if ((change.action === "create" || change.action === "replace") && after === "deactivated") wanted.set(change.address, true);
  }
  return wanted;
}

// provider/cdktf/plan.ts
var tpoRelease = { source: "terraform-provider-openstack/openstack", version: "3.4.0" };
var tpoResources = {
  openstack_images_image_v2: {
    kind: "image",
    wire: {
      id: "id",
      name: "name",
      disk_format: "disk_format",
      container_format: "container_format",
      visibility: "visibility",
      min_disk_gb: "min_disk",
      min_ram_mb: "min_ram",
      protected: "protected",
      hidden: "os_hidden",
      tags: "tags",
      properties: "properties",
      // Computed: Glance's (active, deactivated, ...), and what a CatalogImage's declared deactivation changes.
      status: "status"
    },
    assigned: ["id", "status"]
  },
  openstack_images_image_access_v2: {
    kind: "member",
    wire: { image_id: "image_id", member_id: "member_id" },
    fixed: { status: "pending" }
  },
  openstack_images_image_access_accept_v2: {
    kind: "acceptance",
    wire: { image_id: "image_id", member_id: "member_id", status: "status" }
  }
};
var tpoConsumers = {
  openstack_compute_instance_v2: { id: "image_id", name: "image_name", blockDevices: "block_device" },
  openstack_blockstorage_volume_v3: { id: "image_id" }
};
function actionOf(actions) {
  const key = actions.join(",");
  if (key === "create") return "create";
  if (key === "update") return "update";
  if (key === "delete") return "delete";
  if (key === "delete,create" || key === "create,delete") return "replace";
  return void 0;
}
function documentOf(resource, values, unknown = {}) {
  const doc = { ...resource.fixed };
  for (const [attribute2, wire] of Object.entries(resource.wire)) {
    if (unknown[attribute2] === true) {
      if (!(resource.assigned ?? []).includes(attribute2)) doc[wire] = { $unknown: true };
    } else if (values[attribute2] !== void 0 && values[attribute2] !== null) {
      doc[wire] = values[attribute2];
    }
    const value = doc[wire];
    if (wire === "properties" && typeof value === "object" && value !== null)
      doc[wire] = Object.fromEntries(Object.entries(value).filter(([key]) => key !== creationMark && !isGlanceField(key)));
  }
  return doc;
}
function configAddress(address) {
  return address.replace(/\[[^\]]*\]$/, "");
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function consumerDocument(type, consumer, values, unknown, configured, links = {}) {
  const later = (field, address) => ({
    field,
    id: { $unknown: true },
    ...address === void 0 ? {} : { image_address: address }
  });
  const boots = [];
  const id = text(values[consumer.id]);
  const name = consumer.name === void 0 ? void 0 : text(values[consumer.name]);
  const devices = consumer.blockDevices === void 0 ? [] : values[consumer.blockDevices] ?? [];
  const unknownDevices = consumer.blockDevices === void 0 || !Array.isArray(unknown[consumer.blockDevices]) ? [] : unknown[consumer.blockDevices];
  if (id !== void 0) boots.push({ field: consumer.id, id });
  else if (name !== void 0 && consumer.name !== void 0) boots.push({ field: consumer.name, name });
  else if (unknown[consumer.id] === true && (configured?.has(consumer.id) ?? devices.length === 0))
    boots.push(later(consumer.id, links.id));
  else if (consumer.name !== void 0 && unknown[consumer.name] === true && configured?.has(consumer.name) === true)
    boots.push({ field: consumer.name, id: { $unknown: true } });
  if (consumer.blockDevices !== void 0) {
    const field = `${consumer.blockDevices}.uuid`;
    if (unknown[consumer.blockDevices] === true) boots.push({ field, id: { $unknown: true } });
    devices.forEach((device, i) => {
      const sourceUnknown = unknownDevices[i]?.["source_type"] === true;
      if (device["source_type"] !== "image" && !sourceUnknown) return;
      const uuid = text(device["uuid"]);
      if (uuid !== void 0 && !sourceUnknown) boots.push({ field, id: uuid });
      else boots.push(later(field, links.devices?.[i]));
    });
  }
  return boots.length === 0 ? void 0 : { resource_type: type, boots };
}
function planChanges(resourceChanges, configured = /* @__PURE__ */ new Map(), bootLinks2 = /* @__PURE__ */ new Map()) {
  const changes = [];
  for (const rc of resourceChanges) {
    const consumer = tpoConsumers[rc.type];
    const made = actionOf(rc.change.actions);
    if (consumer !== void 0 && rc.mode !== "data" && (made === "create" || made === "replace") && rc.change.after !== null) {
      const after = consumerDocument(
        rc.type,
        consumer,
        rc.change.after,
        rc.change.after_unknown ?? {},
        configured.get(configAddress(rc.address)),
        bootLinks2.get(configAddress(rc.address))
      );
      const before = made === "create" || rc.change.before === null ? null : consumerDocument(rc.type, consumer, rc.change.before, {}, void 0) ?? { resource_type: rc.type, boots: [] };
      if (after !== void 0) changes.push({ address: rc.address, kind: consumerKind, action: made, before, after });
      continue;
    }
    const resource = tpoResources[rc.type];
    const action = actionOf(rc.change.actions);
    if (resource === void 0 || action === void 0 || rc.mode === "data") continue;
    changes.push({
      address: rc.address,
      kind: resource.kind,
      action,
      before: action === "create" || rc.change.before === null ? null : documentOf(resource, rc.change.before),
      after: action === "delete" || rc.change.after === null ? null : documentOf(resource, rc.change.after, rc.change.after_unknown)
    });
  }
  return changes;
}

// provider/cdktf/decide.ts
function attribute(expression) {
  return isBlockList(expression) ? void 0 : expression;
}
function isBlockList(expression) {
  return Array.isArray(expression);
}
function referencesOf(expression) {
  return attribute(expression)?.references ?? [];
}
function cloudOfResource(plan) {
  const clouds = cloudsOf(plan);
  const fallback = cloudOfConfig(plan.configuration?.provider_config?.["openstack"]);
  return (address) => clouds.has(configAddress(address)) ? clouds.get(configAddress(address)) : fallback;
}
function cloudOfConfig(config) {
  const cloud = config?.expressions?.cloud?.constant_value;
  return typeof cloud === "string" ? cloud : void 0;
}
function cloudsOf(plan, stateProviders = /* @__PURE__ */ new Map()) {
  const providers = plan.configuration?.provider_config ?? {};
  const clouds = /* @__PURE__ */ new Map();
  for (const [address, provider] of stateProviders) {
    const match = /^provider\["([^"]+)"\](?:\.(\w+))?$/.exec(provider);
    const config = Object.values(providers).find((p) => p.full_name === match?.[1] && (p.alias ?? void 0) === (match?.[2] ?? void 0));
    clouds.set(address, config === void 0 ? cloudOfConfig(providers["openstack"]) : cloudOfConfig(config));
  }
  for (const resource of plan.configuration?.root_module?.resources ?? [])
    clouds.set(resource.address, cloudOfConfig(providers[resource.provider_config_key ?? "openstack"]));
  return clouds;
}
function imageChange(references, changes) {
  const image = references.find((r) => r.startsWith("openstack_images_image_v2."));
  if (image === void 0) return void 0;
  const target = image.replace(/\.id$/, "");
  const matches = changes.filter((rc) => configAddress(rc.address) === target);
  return matches.length === 1 ? matches[0]?.address : void 0;
}
function shareLinks(plan, changes) {
  const links = /* @__PURE__ */ new Map();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const kind = tpoResources[resource.address.split(".")[0] ?? ""]?.kind;
    if (kind !== "member" && kind !== "acceptance") continue;
    const image = imageChange(referencesOf(resource.expressions?.["image_id"]), changes);
    if (image !== void 0) links.set(resource.address, image);
  }
  return links;
}
function bootLinks(plan, changes) {
  const links = /* @__PURE__ */ new Map();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const consumer = tpoConsumers[resource.address.split(".")[0] ?? ""];
    if (consumer === void 0) continue;
    const id = imageChange(referencesOf(resource.expressions?.[consumer.id]), changes);
    const blocks = consumer.blockDevices === void 0 ? void 0 : resource.expressions?.[consumer.blockDevices];
    const devices = isBlockList(blocks) ? blocks.map((block) => imageChange(block["uuid"]?.references ?? [], changes)) : [];
    links.set(resource.address, { ...id === void 0 ? {} : { id }, devices });
  }
  return links;
}
function configuredAttributes(plan) {
  return new Map(
    (plan.configuration?.root_module?.resources ?? []).map((r) => [r.address, new Set(Object.keys(r.expressions ?? {}))])
  );
}
function declaredProperties(plan) {
  const declared = /* @__PURE__ */ new Map();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const value = attribute(resource.expressions?.["properties"])?.constant_value;
    if (typeof value === "object" && value !== null) declared.set(resource.address, value);
  }
  return declared;
}
function withLiveProperties(resourceChanges, live, declared = /* @__PURE__ */ new Map(), drift = /* @__PURE__ */ new Map(), configured = /* @__PURE__ */ new Map(), boots = /* @__PURE__ */ new Map()) {
  const notes = [];
  const seen = resourceChanges.map((planned) => {
    const applied = drift.get(planned.address);
    const status = planned.change.before?.["status"];
    const rc = applied === void 0 || planned.change.before === null ? planned : { ...planned, change: { ...planned.change, before: { ...applied, ...status === void 0 ? {} : { status } } } };
    const actions = rc.change.actions.join(",");
    const id = rc.change.before?.["id"];
    const image = typeof id === "string" ? live.get(id) : void 0;
    if (tpoResources[rc.type]?.kind !== "image" || actions !== "update" && actions !== "no-op" || image === void 0) return rc;
    const wanted = declared.get(configAddress(rc.address)) ?? (rc.change.after?.["properties"] ?? {});
    const has = image["properties"] ?? {};
    const last = rc.change.before?.["properties"] ?? {};
    const differ = Object.keys(wanted).filter(
      // Glance's own fields (os_hash_algo, os_hash_value, os_glance_*) come back in TPO's properties: never the user's.
      (key) => key.startsWith("os_") && !isGlanceField(key) && typeof wanted[key] === "string" && has[key] !== wanted[key]
    );
    const glance = (key) => has[key] === void 0 ? "absent" : `"${has[key]}"`;
    for (const key of differ.filter((k) => last[k] === wanted[k]))
      notes.push(
        `${rc.address}: properties.${key} is ${glance(key)} in Glance (changed outside the catalog) but "${String(wanted[key])}" in the configuration; terraform-provider-openstack 3.4.0 will not put it back (TPO#1994): openstack image set --property ${key}=${String(wanted[key])} ${String(id)}`
      );
    const edited = differ.filter((k) => last[k] !== wanted[k]);
    if (edited.length === 0) return rc;
    for (const key of edited)
      notes.push(
        `${rc.address}: properties.${key} is "${String(wanted[key])}" in the configuration but ${glance(key)} in Glance; terraform-provider-openstack 3.4.0 never applies a change of an os_* property (TPO#1994): decided as a change from what Glance has`
      );
    const side = (values, from) => {
      const kept = Object.entries(values?.["properties"] ?? {}).filter(([key]) => !edited.includes(key));
      const taken = edited.flatMap((key) => from[key] === void 0 ? [] : [[key, from[key]]]);
      return { ...values, properties: Object.fromEntries([...kept, ...taken]) };
    };
    return {
      ...rc,
      change: { ...rc.change, actions: ["update"], before: side(rc.change.before, has), after: side(rc.change.after, wanted) }
    };
  });
  return { changes: planChanges(seen, configured, boots), notes };
}
async function decidePlan(plan, options = {}) {
  const resourceChanges = (plan.resource_changes ?? []).filter(
    (rc) => rc.mode !== "data" && (tpoResources[rc.type] !== void 0 || tpoConsumers[rc.type] !== void 0 && ["create", "replace"].includes(actionOf(rc.change.actions) ?? ""))
  );
  const inConfiguration = cloudsOf(plan);
  const taken = resourceChanges.some((rc) => !inConfiguration.has(configAddress(rc.address)));
  const clouds = taken && options.stateProviders !== void 0 ? cloudsOf(plan, options.stateProviders()) : inConfiguration;
  const declared = declaredProperties(plan);
  const configured = configuredAttributes(plan);
  const links = shareLinks(plan, resourceChanges);
  const boots = bootLinks(plan, resourceChanges);
  const drift = new Map(
    (plan.resource_drift ?? []).flatMap((d) => d.change.before === null ? [] : [[d.address, d.change.before]])
  );
  const fallback = cloudOfConfig(plan.configuration?.provider_config?.["openstack"]);
  const cloudOf = (address) => options.cloud ?? (clouds.has(configAddress(address)) ? clouds.get(configAddress(address)) : fallback);
  const groups = /* @__PURE__ */ new Map();
  for (const rc of resourceChanges) {
    const key = cloudOf(rc.address);
    const group = groups.get(key);
    if (group === void 0) groups.set(key, [rc]);
    else group.push(rc);
  }
  const catalog = options.catalog ?? new RunCatalog();
  const engine = groups.size === 0 ? void 0 : await PolicyEngine.load({ ...options.overrides === void 0 ? {} : { overrides: options.overrides } });
  const decided = [];
  const notes = [];
  const violations = [];
  for (const [cloud, group] of groups) {
    if (group.every((rc) => rc.change.actions.join(",") === "no-op" && tpoResources[rc.type]?.kind !== "image")) continue;
    const session = Session.forCloud(cloud);
    try {
      const [principal, images] = await Promise.all([session.identity(), catalog.documents(cloud ?? "(environment)", session)]);
      const live = new Map(images.map((image) => [String(image["id"]), image]));
      const withStatus = withDeclaredDeactivation(group, live, options.deactivation ?? /* @__PURE__ */ new Map(), configAddress);
      const found = withLiveProperties(withStatus, live, declared, drift, configured, boots);
      notes.push(...found.notes);
      const changes = found.changes.map((c) => {
        const image = links.get(configAddress(c.address));
        return image === void 0 || c.after === null ? c : { ...c, after: { ...c.after, image_address: image } };
      });
      if (changes.length === 0) continue;
      decided.push(...changes);
      violations.push(...engine.decide(buildEnvelope(principal, images, changes)).violations);
    } finally {
      await session.close();
    }
  }
  if (decided.length === 0) return { decision: void 0, changes: [], notes };
  return { decision: { allowed: !violations.some((v) => v.level === "mandatory"), violations }, changes: decided, notes };
}

export {
  tpoRelease,
  tpoResources,
  configAddress,
  synthesizedResources,
  declaredDeactivation,
  statusChanges,
  cloudOfResource,
  cloudsOf,
  shareLinks,
  bootLinks,
  withLiveProperties,
  decidePlan
};
