import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  decisionLogVariable,
  logDecision
} from "./chunk-CLRY37YK.js";
import {
  idNames
} from "./chunk-57QESGMA.js";
import {
  RunCatalog,
  Session,
  changeDocuments,
  resolveCloud,
  resolveCloudFromDocument
} from "./chunk-LVQYFGTR.js";
import {
  PolicyEngine,
  buildEnvelope,
  formatDecision
} from "./chunk-PLPHHBSF.js";
import {
  ResourceInputError,
  checkInputs,
  diffInputs,
  imageDocument,
  isForbidden,
  kindDescriptors,
  reportOnly
} from "./chunk-UUIIL456.js";
import "./chunk-UXAMSLRZ.js";

// provider/pulumi/runtime.ts
import { unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
var notify = (notice) => process.stderr.write(`${notice.message}
`);
function setNoticeSink(sink) {
  notify = sink;
}
var config;
var sessions = /* @__PURE__ */ new Map();
var engine;
var catalog = new RunCatalog();
function configure(stackConfig) {
  config = stackConfig;
  warmUp();
}
function warmUp() {
  policyEngine().catch(() => engine = void 0);
  try {
    const session = sessionFor(void 0);
    session.identity().catch(() => void 0);
    catalog.images(cloudKey(void 0), session).catch(() => void 0);
  } catch {
  }
}
function configValue(key) {
  const value = config?.get(`image-catalog:${key}`);
  return value === void 0 || value === "" ? void 0 : value;
}
function policyMode() {
  return reportOnly() ? "report" : "enforce";
}
function cloudKey(cloud) {
  return cloud ?? configValue("cloud") ?? "(environment)";
}
function sessionFor(cloud) {
  const name = cloud ?? configValue("cloud");
  const key = cloudKey(cloud);
  let session = sessions.get(key);
  if (session === void 0) {
    const document = configValue("clouds");
    const fromConfig = name !== void 0 && document !== void 0 ? resolveCloudFromDocument(name, document, "stack config image-catalog:clouds") : void 0;
    session = new Session(fromConfig ?? resolveCloud(name));
    sessions.set(key, session);
  }
  return session;
}
function policyEngine() {
  const override = configValue("policy");
  engine ??= PolicyEngine.load({
    overrides: override === void 0 ? [] : [{ source: "stack config image-catalog:policy", value: JSON.parse(override) }]
  });
  return engine;
}
function markUnknowns(value) {
  if (value === unknownValue) return { $unknown: true };
  if (Array.isArray(value)) return value.map(markUnknowns);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markUnknowns(v)]));
  return value;
}
function marked(document) {
  return markUnknowns(document);
}
function unknownPaths(value, path = "") {
  if (value === unknownValue) return [path];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(
    ([k, v]) => unknownPaths(v, path === "" ? k : Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`)
  );
}
function pulumiNames(kind, bag) {
  const name = idNames[kind];
  if (name === void 0 || !("id" in bag)) return bag;
  const { id, ...rest } = bag;
  return { ...rest, [name]: id };
}
function schemaPart(kind, bag) {
  const fields = new Set(kindDescriptors[kind].schema().fields.map((f) => f.local));
  const pulumiId = idNames[kind];
  const renamed = pulumiId !== void 0 && fields.has("id") ? { ...bag, id: bag[pulumiId] } : bag;
  return Object.fromEntries(Object.entries(renamed).filter(([k, v]) => fields.has(k) && v !== void 0));
}
function layer(bag) {
  const resourceName = typeof bag["resourceName"] === "string" ? bag["resourceName"] : "(unnamed)";
  const cloud = typeof bag["cloud"] === "string" ? bag["cloud"] : void 0;
  const resourceUrn = typeof bag["resourceUrn"] === "string" ? bag["resourceUrn"] : void 0;
  return { resourceName, ...cloud === void 0 ? {} : { cloud }, ...resourceUrn === void 0 ? {} : { resourceUrn } };
}
function address(kind, name) {
  return `${kindDescriptors[kind].schema().title}::${name}`;
}
function cloudOf(kind, inputs, fields) {
  return kindDescriptors[kind].cloudOf(inputs) ?? fields.cloud;
}
function documentOf(kind, inputs) {
  return marked(kindDescriptors[kind].document(inputs));
}
function checkKnown(kind, name, inputs) {
  const unknown = unknownPaths(inputs);
  try {
    return { inputs: checkInputs(kindDescriptors[kind].schema(), name, inputs), problems: [] };
  } catch (err) {
    if (!(err instanceof ResourceInputError)) throw err;
    const problems = err.problems.filter(
      (p) => !unknown.some((u) => p.field === u || p.field.startsWith(`${u}.`) || p.field.startsWith(`${u}[`))
    );
    return { inputs, problems };
  }
}
async function decideAs(cloud, changes) {
  const session = sessionFor(cloud);
  const [policy, principal, images] = await Promise.all([policyEngine(), session.identity(), catalog.documents(cloudKey(cloud), session)]);
  const decision = policy.decide(buildEnvelope(principal, images, changes));
  logDecision(changes, decision);
  return decision;
}
async function decide(kind, fields, change) {
  return decideAs(fields.cloud, [{ address: address(kind, fields.resourceName), kind, ...change }]);
}
function documents(kind, action, id, fields, before, after, declared) {
  return changeDocuments(kindDescriptors[kind], action, {
    session: () => sessionFor(cloudOf(kind, after ?? before ?? {}, fields)),
    id,
    before,
    after,
    ...declared === void 0 ? {} : { declared },
    mark: marked
  });
}
async function planChange(kind, action, id, olds, news, urn) {
  const fields = layer(news ?? olds ?? {});
  const before = olds === void 0 ? void 0 : checkKnown(kind, urn, schemaPart(kind, olds)).inputs;
  const after = news === void 0 ? void 0 : checkKnown(kind, urn, schemaPart(kind, news)).inputs;
  const docs = await documents(kind, action, id, fields, before, after);
  return { cloud: fields.cloud, change: { address: urn, kind, action, ...docs } };
}
function outcome(decision) {
  if (decision.violations.length === 0) return void 0;
  if (decision.allowed || policyMode() === "report") {
    if (!(policyMode() === "report" && (process.env[decisionLogVariable] ?? "") !== ""))
      notify({ message: formatDecision(decision).trimEnd(), severity: "warning" });
    return void 0;
  }
  return formatDecision(decision);
}
function failure(reason) {
  return { property: "", reason };
}
var replacing = /* @__PURE__ */ new Map();
async function check(kind, olds, news) {
  const fields = layer(news);
  const checked = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news));
  const inputs = { ...news };
  const isCreate = Object.keys(schemaPart(kind, olds)).length === 0;
  const descriptor = kindDescriptors[kind];
  const local = descriptor.localProblems !== void 0 && unknownPaths(checked.inputs).length === 0 ? descriptor.localProblems(checked.inputs, isCreate ? void 0 : schemaPart(kind, olds)) : [];
  const problems = [...checked.problems, ...local];
  if (problems.length > 0) return { inputs, failures: problems.map((p) => failure(`${p.field}: ${p.message} (rule: ${p.rule})`)) };
  if (!isCreate || replacing.has(address(kind, fields.resourceName))) return { inputs, failures: [] };
  if (descriptor.cataloged === true && fields.resourceUrn !== void 0) catalog.creating(fields.resourceUrn);
  const decision = await decide(kind, fields, { action: "create", before: null, after: documentOf(kind, checked.inputs) });
  const text = outcome(decision);
  if (text === void 0) return { inputs, failures: [] };
  return {
    inputs,
    failures: decision.violations.filter((v) => v.level === "mandatory").map((v) => failure(`policy ${v.rule}: ${v.field === "" ? "" : `${v.field}: `}${v.message} (fix: ${v.remediation})`))
  };
}
async function packChange(kind, urn, news) {
  const descriptor = kindDescriptors[kind];
  const fields = layer(news);
  const checked = checkKnown(kind, urn, schemaPart(kind, news));
  if (checked.problems.length > 0) throw new ResourceInputError(urn, checked.problems);
  const after = checked.inputs;
  if (descriptor.cataloged === true && descriptor.live !== void 0) {
    const session = sessionFor(fields.cloud);
    const live = (await catalog.images(cloudKey(fields.cloud), session)).find((image) => image.name === after["name"]);
    if (live !== void 0) {
      const before = imageDocument(live);
      const after_ = marked(descriptor.live.apply(before, { document: before, wire: live }, {}, after));
      const change = { address: urn, kind, action: "update", before, after: after_ };
      return { cloud: fields.cloud, change };
    }
  }
  return { cloud: fields.cloud, change: { address: urn, kind, action: "create", before: null, after: documentOf(kind, after) } };
}
function withAdopted(kind, olds, news, oldInputs) {
  const known = schemaPart(kind, oldInputs ?? olds);
  const adopted = new Set(
    kindDescriptors[kind].schema().fields.filter((f) => !f.live && known[f.local] === void 0).map((f) => f.local)
  );
  const values = Object.entries(schemaPart(kind, news)).filter(([k, v]) => adopted.has(k) && unknownPaths(v).length === 0);
  return { before: { ...schemaPart(kind, olds), ...Object.fromEntries(values) }, adopted };
}
async function diff(kind, id, olds, news, oldInputs, options = {}) {
  const fields = layer(news);
  const schemaFields = kindDescriptors[kind].schema().fields;
  const { before: oldRaw, adopted } = withAdopted(kind, olds, news, oldInputs);
  const before = checkInputs(kindDescriptors[kind].schema(), address(kind, fields.resourceName), oldRaw);
  const unknown = unknownPaths(schemaPart(kind, news)).map((p) => p.split(/[.[]/)[0] ?? p).filter((u) => !adopted.has(u));
  const after = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news)).inputs;
  const changed = diffInputs(kindDescriptors[kind].schema(), before, after);
  const replaces = [
    .../* @__PURE__ */ new Set([...changed.replaces, ...unknown.filter((u) => schemaFields.find((f) => f.local === u)?.change === "replace")])
  ];
  const updates = [.../* @__PURE__ */ new Set([...changed.updates, ...unknown.filter((u) => !replaces.includes(u))])];
  if (replaces.length === 0 && updates.length === 0) return { changes: false, replaces: [], diffs: [] };
  const action = replaces.length > 0 ? "replace" : "update";
  if (options.decide === false) return { changes: true, replaces, diffs: [...replaces, ...updates] };
  const declared = oldInputs === void 0 ? void 0 : checkKnown(kind, address(kind, fields.resourceName), withAdopted(kind, oldInputs, news).before).inputs;
  const docs = await documents(kind, action, id, fields, before, after, declared);
  const text = outcome(await decide(kind, fields, { action, ...docs }));
  if (text !== void 0) throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this ${action}:
${text}`);
  if (action === "replace") replacing.set(address(kind, fields.resourceName), id);
  return { changes: true, replaces, diffs: [...replaces, ...updates] };
}
function progressReporter(name, urn) {
  let lastStep = -1;
  return (p) => {
    const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;
    const step = p.total === void 0 || p.total === 0 ? Math.floor(p.bytes / 104857600) : Math.floor(p.bytes / p.total * 10);
    if (step === lastStep) return;
    lastStep = step;
    const share = p.total === void 0 || p.total === 0 ? "" : ` (${Math.round(p.bytes / p.total * 100)}%)`;
    notify({
      // On the resource's line when the engine shows it (the URN names it), named otherwise.
      message: `${urn === void 0 ? `Image "${name}": ` : ""}uploaded ${mib(p.bytes)}${p.total === void 0 ? "" : ` of ${mib(p.total)}`}${share}, ${(p.rate / 1e6).toFixed(1)} MB/s`,
      severity: "info",
      urn,
      ephemeral: true
    });
  };
}
function outs(kind, fields, inputs, reported) {
  return {
    ...pulumiNames(kind, inputs),
    ...pulumiNames(kind, reported),
    resourceName: fields.resourceName,
    ...fields.cloud === void 0 ? {} : { cloud: fields.cloud }
  };
}
var interruption = new AbortController();
var inFlight = /* @__PURE__ */ new Set();
function track(work) {
  inFlight.add(work);
  const settle = () => {
    inFlight.delete(work);
  };
  work.then(settle, settle);
  return work;
}
async function interrupt(reason, graceMs = 6e4) {
  interruption.abort(new Error(reason));
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
  await Promise.race([Promise.allSettled([...inFlight]), timer]);
}
async function create(kind, news) {
  const descriptor = kindDescriptors[kind];
  const fields = layer(news);
  const raw = schemaPart(kind, news);
  const name = fields.resourceName;
  const cataloged = descriptor.cataloged === true && typeof raw["name"] === "string";
  if (cataloged && fields.resourceUrn !== void 0) catalog.creating(fields.resourceUrn);
  const replaces = replacing.get(address(kind, name));
  const made = await track(
    descriptor.create(sessionFor(cloudOf(kind, raw, fields)), name, raw, {
      onProgress: progressReporter(name, fields.resourceUrn),
      onNotice: (message) => notify({ message, severity: "info", urn: fields.resourceUrn }),
      signal: interruption.signal,
      ...fields.resourceUrn === void 0 ? {} : { creator: fields.resourceUrn },
      ...replaces === void 0 ? {} : { replaces }
    })
  );
  if (cataloged) catalog.created(made.id);
  return { id: made.id, outs: outs(kind, fields, { ...made.inputs }, made.outputs) };
}
function vanishedPublished(kind, name, id, olds) {
  return new Error(
    `${address(kind, name)}: ${id} (${typeof olds["name"] === "string" ? olds["name"] : name}) was published and is gone from the Image Service (deleted outside this stack). A published version is never re-created under its name (rule: immutability): publish the next version instead, and forget this one with \`pulumi state delete\` of its URN (or restore it in Glance under id ${id}).`
  );
}
async function read(kind, id, name, props, inputs) {
  const descriptor = kindDescriptors[kind];
  const prior = { ...props, ...inputs };
  const fields = { ...layer(prior), resourceName: name };
  const kept = { ...props, ...schemaPart(kind, inputs ?? props ?? {}) };
  const cloud = cloudOf(kind, schemaPart(kind, prior), fields);
  let found;
  try {
    found = await descriptor.read(sessionFor(cloud), id, kept);
  } catch (err) {
    if (props === void 0 && isForbidden(err))
      throw new Error(
        `${address(kind, name)}: importing ${id} as ${cloud === void 0 ? "the provider's cloud" : `cloud ${cloud}`} is not allowed (${err.message}); an import reads with its provider's cloud, not the resource's own \`cloud\`: give the resource a provider whose cloud may read it, e.g. { provider: new Provider('admin', { cloud: 'admin' }) }`,
        { cause: err }
      );
    throw err;
  }
  if (found === void 0) {
    if (props !== void 0 && descriptor.isPublished?.(props) === true) throw vanishedPublished(kind, name, id, props);
    return void 0;
  }
  const declared = inputs === void 0 ? found.inputs : schemaPart(kind, inputs);
  const withLayer = { ...pulumiNames(kind, declared), ...fields.cloud === void 0 ? {} : { cloud: fields.cloud } };
  return { id, inputs: withLayer, outs: outs(kind, fields, found.inputs, found.outputs) };
}
async function update(kind, id, olds, news) {
  const descriptor = kindDescriptors[kind];
  const fields = layer(news);
  const name = fields.resourceName;
  const raw = schemaPart(kind, news);
  const before = checkKnown(kind, name, withAdopted(kind, olds, news).before).inputs;
  const made = await track(descriptor.update(sessionFor(cloudOf(kind, raw, fields)), id, before, raw, name));
  if (descriptor.cataloged === true) catalog.changed();
  return { outs: outs(kind, fields, { ...made.inputs }, made.outputs) };
}
async function remove(kind, id, props) {
  const descriptor = kindDescriptors[kind];
  const fields = layer(props);
  const inputs = schemaPart(kind, props);
  const session = sessionFor(cloudOf(kind, inputs, fields));
  let before;
  if (descriptor.live !== void 0) {
    const live = await descriptor.live.get(session, id);
    if (live === void 0) return;
    before = live.document;
  } else {
    before = documentOf(kind, inputs);
  }
  const text = outcome(await decide(kind, fields, { action: "delete", before, after: null }));
  if (text !== void 0)
    throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this delete (nothing was deleted):
${text}`);
  await track(descriptor.delete(session, id, checkKnown(kind, fields.resourceName, inputs).inputs, fields.resourceName));
  if (descriptor.cataloged === true) catalog.changed();
}
export {
  check,
  configure,
  create,
  decideAs,
  diff,
  interrupt,
  packChange,
  planChange,
  read,
  remove,
  setNoticeSink,
  update
};
