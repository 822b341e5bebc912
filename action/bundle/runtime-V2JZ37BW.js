import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  lookupFunctions
} from "./chunk-6XBNFR7S.js";
import {
  functionToken,
  idNames,
  instanceKey,
  packageName,
  parseUrn
} from "./chunk-37CEI6GO.js";
import {
  RunCatalog,
  changeDocuments
} from "./chunk-62CAMSCM.js";
import {
  Session,
  resolveCloud,
  resolveCloudFromDocument
} from "./chunk-XLIOZ4WR.js";
import {
  PolicyEngine,
  formatDecision
} from "./chunk-23GM6L4P.js";
import {
  buildEnvelope
} from "./chunk-JZW3ABCF.js";
import {
  PolicyDataError,
  loadPolicyData
} from "./chunk-AP7GKTRD.js";
import {
  FileDigests,
  ResourceInputError,
  StackMarks,
  checkInputs,
  describeErrors,
  diffInputs,
  hasMarkOutput,
  imageDocument,
  isForbidden,
  isImportedSource,
  kindDescriptors,
  markOutput
} from "./chunk-AUYGMNHL.js";
import "./chunk-UXAMSLRZ.js";

// provider/pulumi/runtime.ts
import { unknownValue } from "@pulumi/pulumi/runtime/rpc.js";
function stackPolicyOverrides(value) {
  if (value === void 0 || value === "") return [];
  const source = "stack config image-catalog:policy";
  try {
    return [{ source, value: JSON.parse(value) }];
  } catch (err) {
    throw new PolicyDataError(source, [`(document): is not JSON (${err.message})`]);
  }
}
function policyConfigProblem(value) {
  if (value === void 0 || value === "") return void 0;
  try {
    loadPolicyData(stackPolicyOverrides(value));
    return void 0;
  } catch (err) {
    return err.message;
  }
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
  const region = typeof bag["region"] === "string" && bag["region"] !== "" ? bag["region"] : void 0;
  const resourceUrn = typeof bag["resourceUrn"] === "string" ? bag["resourceUrn"] : void 0;
  const imageUrn = typeof bag["imageUrn"] === "string" ? bag["imageUrn"] : void 0;
  return {
    resourceName,
    ...cloud === void 0 ? {} : { cloud },
    ...region === void 0 ? {} : { region },
    ...resourceUrn === void 0 ? {} : { resourceUrn },
    ...imageUrn === void 0 ? {} : { imageUrn }
  };
}
function address(kind, name) {
  return `${kindDescriptors[kind].schema().title}::${name}`;
}
function targetOf(cloud, region) {
  return region === void 0 ? cloud : `${cloud ?? ""}@${region}`;
}
function splitTarget(target) {
  if (target === void 0) return { cloud: void 0, region: void 0 };
  const at = target.lastIndexOf("@");
  if (at < 0) return { cloud: target, region: void 0 };
  const cloud = target.slice(0, at);
  return { cloud: cloud === "" ? void 0 : cloud, region: target.slice(at + 1) };
}
function cloudOf(kind, inputs, fields) {
  return targetOf(kindDescriptors[kind].cloudOf(inputs) ?? fields.cloud, fields.region);
}
function layerBag(fields) {
  return {
    ...fields.cloud === void 0 ? {} : { cloud: fields.cloud },
    ...fields.region === void 0 ? {} : { region: fields.region }
  };
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
function oldSide(kind, olds, news, oldInputs) {
  const outputs = schemaPart(kind, olds);
  const declared = oldInputs === void 0 ? {} : schemaPart(kind, oldInputs);
  const program = news === void 0 ? {} : schemaPart(kind, news);
  const before = { ...outputs };
  const adopted = /* @__PURE__ */ new Set();
  for (const field of kindDescriptors[kind].schema().fields) {
    if (!field.live && (isImportedSource(before[field.local]) || isImportedSource(declared[field.local]) || isImportedSource(program[field.local]))) {
      if (program[field.local] !== void 0) {
        before[field.local] = program[field.local];
        adopted.add(field.local);
      }
      continue;
    }
    if (field.live || before[field.local] !== void 0) continue;
    if (declared[field.local] !== void 0) before[field.local] = declared[field.local];
    else if (program[field.local] !== void 0 && unknownPaths(program[field.local]).length === 0) {
      before[field.local] = program[field.local];
      adopted.add(field.local);
    } else if (program[field.local] !== void 0) adopted.add(field.local);
  }
  return { before, adopted };
}
function failure(reason) {
  return { property: "", reason };
}
function progressReporter(notify, name, urn) {
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
function outs(kind, fields, inputs, reported, olds = {}) {
  const carried = kindDescriptors[kind].schema().outputs.filter((o) => !o.live && (reported[o.local] === void 0 || reported[o.local] === null) && olds[o.local] != null).map((o) => [o.local, olds[o.local]]);
  return {
    ...pulumiNames(kind, inputs),
    ...pulumiNames(kind, { ...reported, ...Object.fromEntries(carried) }),
    resourceName: fields.resourceName,
    ...layerBag(fields)
  };
}
function vanishedPublished(kind, name, id, olds) {
  return new Error(
    `${address(kind, name)}: ${id} (${typeof olds["name"] === "string" ? olds["name"] : name}) was published and is gone from the Image Service (deleted outside this stack). A published version is never re-created under its name (rule: immutability): publish the next version instead, and forget this one with \`pulumi state delete\` of its URN (or restore it in Glance under id ${id}).`
  );
}
function isFileSource(source) {
  return typeof source === "object" && source !== null && Object.keys(source).length === 1 && typeof source.file === "string";
}
var noConfig = { get: () => void 0 };
var ProviderRuntime = class {
  constructor(options = {}) {
    this.options = options;
    this.config = options.config ?? noConfig;
    this.notify = options.notify ?? ((notice) => process.stderr.write(`${notice.message}
`));
    this.mode = options.mode ?? "enforce";
    for (const mark of options.creating ?? []) this.catalog.creating(mark);
  }
  options;
  config;
  sessions = /* @__PURE__ */ new Map();
  engine;
  catalog = new RunCatalog();
  marks;
  /**
   * Resources whose replace diff decided (and allowed) in this runtime, with the id of what they replace: the
   * engine then checks the replacement again with empty olds (to compute its inputs as for a new resource), and
   * that check must not decide it again as a create: its `before` is the image it replaces, whose name it may keep.
   */
  replacing = /* @__PURE__ */ new Map();
  /** Stopped when the engine that runs this provider is gone: creates in flight remove what they made and fail. */
  interruption = new AbortController();
  /** The changes in flight (creates, updates, deletes), each settled or not. */
  inFlight = /* @__PURE__ */ new Set();
  /** Whether {@link warmUp} ran since the last Configure. */
  warmed = false;
  /** Each function, made ready (its argument check compiled) at its first invoke. */
  functionCalls = /* @__PURE__ */ new Map();
  /** Source files' digests: each file hashed once while it is unchanged. */
  files = new FileDigests();
  notify;
  /** How this runtime enforces. */
  mode;
  /** The creation mark of a create of `kind` that makes a catalog record (an image), when the instance key is known. */
  creatingMark(kind, urn) {
    return kindDescriptors[kind].cataloged === true ? this.markOf(urn) : void 0;
  }
  /**
   * The creation mark of the resource `urn` in this stack instance (provider/resources/mark.ts), from the instance
   * key in the provider's state (or given to a whole-plan decision); undefined without one.
   */
  markOf(urn) {
    if (urn === void 0) return void 0;
    const key = this.options.instanceKeyOf?.(urn) ?? this.configValue(instanceKey);
    if (key === void 0) return void 0;
    if (this.marks?.key !== key) this.marks = { key, marks: new StackMarks(key) };
    return this.marks.marks.of(urn);
  }
  /**
   * Takes the provider's settings (the plugin's Configure) and asks for the token every call needs while the
   * engine is still busy elsewhere. The policy bundle and the catalog wait for the first resource ({@link warmUp}):
   * a consumer's program that only calls getImage needs neither, and the catalog's listing would hold up its
   * lookup on the same Glance.
   */
  configure(config) {
    this.config = config;
    this.sessions.clear();
    this.engine = void 0;
    this.warmed = false;
    try {
      this.sessionFor(void 0).identity().catch(() => void 0);
    } catch {
    }
  }
  /**
   * Starts what the first decision needs (the policy bundle, a token and the catalog of the stack's cloud) at the
   * first resource's check, while the engine registers the others; a failure here is left for the call that needs
   * it to report. Once per configuration.
   */
  warmUp() {
    if (this.warmed) return;
    this.warmed = true;
    this.policyEngine().catch(() => this.engine = void 0);
    try {
      const session = this.sessionFor(void 0);
      session.identity().catch(() => void 0);
      this.catalog.images(this.cloudKey(void 0), session).catch(() => void 0);
    } catch {
    }
  }
  configValue(key) {
    const value = this.config.get(`image-catalog:${key}`);
    return value === void 0 || value === "" ? void 0 : value;
  }
  cloudKey(cloud) {
    return this.cloudName(cloud) ?? "(environment)";
  }
  /** The region a resource of `target` lives in: its own, else its cloud's region_name (undefined: the catalog's first). */
  regionOf(target) {
    return splitTarget(target).region ?? this.sessionFor(splitTarget(target).cloud).config.regionName;
  }
  /**
   * Who applies a resource of `target` ({@link targetOf}: a cloud or none, a region or none): that cloud, else the
   * provider's, in that region; undefined: the environment's cloud in its region.
   */
  cloudName(target) {
    const { cloud, region } = splitTarget(target);
    return targetOf(cloud ?? this.configValue("cloud"), region);
  }
  /**
   * The session of a target, resolved now (never stored): the resource's cloud, the provider's, or the
   * environment's; with the resource's region instead of the cloud's region_name when it names one.
   */
  sessionFor(target) {
    const { cloud, region } = splitTarget(target);
    const name = cloud ?? this.configValue("cloud");
    const key = this.cloudKey(target);
    let session = this.sessions.get(key);
    if (session === void 0) {
      const document = this.configValue("clouds");
      const fromConfig = name !== void 0 && document !== void 0 ? resolveCloudFromDocument(name, document, "stack config image-catalog:clouds") : void 0;
      const config = fromConfig ?? resolveCloud(name, this.options.env ?? process.env, this.options.cwd ?? process.cwd());
      session = new Session(config).inRegion(region);
      this.sessions.set(key, session);
    }
    return session;
  }
  policyEngine() {
    this.engine ??= PolicyEngine.load({ overrides: stackPolicyOverrides(this.configValue("policy")) });
    return this.engine;
  }
  /** The decision of changes applied by one cloud: its token's principal, the live catalog it sees. */
  async decideAs(cloud, changes) {
    const session = this.sessionFor(cloud);
    const [policy, principal, images] = await Promise.all([
      this.policyEngine(),
      session.identity(),
      this.catalog.documents(this.cloudKey(cloud), session)
    ]);
    const decision = policy.decide(buildEnvelope(principal, images, changes));
    this.options.onDecision?.(changes, decision);
    return decision;
  }
  /**
   * The one place a change is built, for every path that decides one (the plugin's check, diff and delete, a
   * plan's steps in `up`, `preview` and `pr-check`): the documents of `sides` (provider/policy/changes.ts), read
   * with the cloud that applies the resource. `before` is what the catalog last applied (the state's inputs over
   * the live record), so putting a hand edit back is no change of a published image. Returns that cloud with the
   * change.
   */
  async changeOf(kind, name, sides) {
    const own = layer(sides.news ?? sides.oldInputs ?? sides.olds ?? {});
    const fields = {
      ...own,
      resourceName: name,
      ...own.cloud === void 0 && sides.providerCloud !== void 0 ? { cloud: sides.providerCloud } : {}
    };
    const where = address(kind, name);
    const mark = this.markOf(sides.urn ?? fields.resourceUrn);
    if (sides.action === "create" && kindDescriptors[kind].cataloged === true && mark !== void 0) this.catalog.creating(mark);
    const news = sides.news === void 0 ? void 0 : schemaPart(kind, sides.news);
    const after = news === void 0 ? void 0 : checkKnown(kind, where, news).inputs;
    let before;
    let declared;
    if (sides.olds !== void 0 && sides.action !== "create") {
      before = checkKnown(kind, where, oldSide(kind, sides.olds, sides.news, sides.oldInputs).before).inputs;
      if (sides.oldInputs !== void 0) declared = checkKnown(kind, where, oldSide(kind, sides.oldInputs, sides.news).before).inputs;
    }
    const docs = await changeDocuments(kindDescriptors[kind], sides.action, {
      session: () => this.sessionFor(cloudOf(kind, after ?? before ?? {}, fields)),
      id: sides.id,
      before,
      after,
      ...declared === void 0 ? {} : { declared },
      ...sides.live === void 0 ? {} : { live: sides.live },
      mark: marked
    });
    const digest = after === void 0 || sides.olds === void 0 || docs.after === null ? void 0 : await this.sourceDigest(kind, after, sides.olds);
    const link = fields.imageUrn === void 0 ? {} : { image_address: address("image", parseUrn(fields.imageUrn).name) };
    const afterDoc = docs.after === null ? null : { ...docs.after, ...link, ...digest === void 0 ? {} : { os_hash_value: digest } };
    return {
      cloud: targetOf(fields.cloud, fields.region),
      change: { address: where, kind, action: sides.action, before: docs.before, after: afterDoc }
    };
  }
  /**
   * The digest of the data a resource's declared source holds now (an image's file), when it can be told here:
   * undefined for a kind without sources, a value not known yet, a url, a file that is not there.
   */
  async sourceDigest(kind, inputs, state) {
    const descriptor = kindDescriptors[kind];
    const source = inputs["source"];
    if (descriptor.sourceDigest === void 0 || typeof source !== "object" || source === null || unknownPaths(source).length > 0)
      return void 0;
    return descriptor.sourceDigest(inputs, state, this.files);
  }
  /** Decides one change with the cloud that applies it; a block's text, or undefined (advisories told). */
  async decideOne(kind, name, sides) {
    const { cloud, change } = await this.changeOf(kind, name, sides);
    const decision = await this.decideAs(cloud, [change]);
    return { decision, text: this.outcome(decision) };
  }
  /** Tells advisory violations; returns the text of a blocking decision (undefined when allowed or only reported). */
  outcome(decision) {
    if (decision.violations.length === 0) return void 0;
    if (this.mode === "report") return void 0;
    if (decision.allowed) {
      this.notify({ message: formatDecision(decision).trimEnd(), severity: "warning" });
      return void 0;
    }
    return formatDecision(decision);
  }
  /** Pulumi's check: schema problems per field, then (for a create) the policy. */
  async check(kind, olds, news) {
    this.warmUp();
    const fields = layer(news);
    const checked = checkKnown(kind, address(kind, fields.resourceName), schemaPart(kind, news));
    const inputs = { ...news };
    const isCreate = Object.keys(schemaPart(kind, olds)).length === 0;
    const descriptor = kindDescriptors[kind];
    const local = descriptor.localProblems !== void 0 && unknownPaths(checked.inputs).length === 0 ? descriptor.localProblems(checked.inputs, isCreate ? void 0 : schemaPart(kind, olds)) : [];
    const claims = isCreate && this.mode === "enforce" && descriptor.claimProblems !== void 0 && unknownPaths(checked.inputs).length === 0 ? descriptor.claimProblems(schemaPart(kind, news), this.markOf(fields.resourceUrn)) : [];
    const problems = [...checked.problems, ...local, ...claims];
    if (problems.length > 0) return { inputs, failures: problems.map((p) => failure(`${p.field}: ${p.message} (rule: ${p.rule})`)) };
    if (!isCreate || this.replacing.has(address(kind, fields.resourceName))) return { inputs, failures: [] };
    const { decision, text } = await this.decideOne(kind, fields.resourceName, { action: "create", id: void 0, news });
    if (text === void 0) return { inputs, failures: [] };
    return {
      inputs,
      failures: decision.violations.filter((v) => v.level === "mandatory").map((v) => failure(`policy ${v.rule}: ${v.field === "" ? "" : `${v.field}: `}${v.message} (fix: ${v.remediation})`))
    };
  }
  /**
   * A create's refusals of what another resource owns (a store another stack instance claims), each naming the
   * resource, the field, the ways out and the rule; told from this machine, no API call. `urn`: the resource's.
   */
  claimsOf(kind, name, urn, news) {
    const descriptor = kindDescriptors[kind];
    if (descriptor.claimProblems === void 0) return [];
    return descriptor.claimProblems(schemaPart(kind, news), this.markOf(urn) ?? "").map((p) => `${address(kind, name)}: ${p.field}: ${p.message} (rule: ${p.rule})`);
  }
  /**
   * A create's refusals of what the live catalog holds for another owner (an image of the name that another stack
   * instance made), each with the ways out; read with the cloud that applies the resource (its own, else
   * `providerCloud`, its provider's). `urn`: the resource's.
   */
  async catalogClaimsOf(kind, name, urn, news, providerCloud) {
    const descriptor = kindDescriptors[kind];
    if (descriptor.cataloged !== true || descriptor.catalogClaims === void 0) return [];
    const raw = schemaPart(kind, news);
    const own = layer(news);
    const cloud = cloudOf(kind, raw, own.cloud === void 0 && providerCloud !== void 0 ? { ...own, cloud: providerCloud } : own);
    const live = await this.catalog.images(this.cloudKey(cloud), this.sessionFor(cloud));
    return descriptor.catalogClaims(live, raw, this.markOf(urn)).map((p) => `${address(kind, name)}: ${p.field}: ${p.message} (rule: ${p.rule})`);
  }
  /**
   * The change of one resource as a CrossGuard policy pack sees it: new inputs only, no previous state. A resource
   * of the catalog (an image) is matched to the live catalog by name: a live image of that name makes it an update
   * of that image (before = the live image, properties the inputs do not name are assumed kept); otherwise a create.
   */
  async packChange(kind, urn, news) {
    const descriptor = kindDescriptors[kind];
    const fields = layer(news);
    const checked = checkKnown(kind, urn, schemaPart(kind, news));
    if (checked.problems.length > 0) throw new ResourceInputError(urn, checked.problems);
    const after = checked.inputs;
    if (descriptor.cataloged === true && descriptor.live !== void 0) {
      const target = targetOf(fields.cloud, fields.region);
      const session = this.sessionFor(target);
      const live = (await this.catalog.images(this.cloudKey(target), session)).find((image) => image.name === after["name"]);
      if (live !== void 0) {
        const before = imageDocument(live);
        const after_ = marked(descriptor.live.apply(before, { document: before, wire: live }, {}, after));
        const change = { address: urn, kind, action: "update", before, after: after_ };
        return { cloud: target, change };
      }
    }
    return {
      cloud: targetOf(fields.cloud, fields.region),
      change: { address: urn, kind, action: "create", before: null, after: documentOf(kind, after) }
    };
  }
  /**
   * Pulumi's diff: the schema's update/replace rules; for a change, the policy decides it (a block fails the
   * preview). A field the service does not keep (`x-live: false`) and the old state lacks (an imported resource)
   * comes from the state's inputs or the program, not a change. `diffs` names every changed field. `decide`
   * false: a refresh's diff, which only shows drift (nothing is applied after it).
   */
  async diff(kind, id, olds, news, oldInputs, options = {}) {
    const fields = layer(news);
    const where = address(kind, fields.resourceName);
    const schemaFields = kindDescriptors[kind].schema().fields;
    const { before: oldRaw, adopted } = oldSide(kind, olds, news, oldInputs);
    const before = checkKnown(kind, where, oldRaw).inputs;
    const unknown = unknownPaths(schemaPart(kind, news)).map((p) => p.split(/[.[]/)[0] ?? p).filter((u) => !adopted.has(u));
    const after = checkKnown(kind, where, schemaPart(kind, news)).inputs;
    const changed = diffInputs(kindDescriptors[kind].schema(), before, after);
    const recorded = olds["osHashValue"];
    const sourceChanged = changed.replaces.includes("source");
    const pathOnly = sourceChanged && isFileSource(before["source"]) && isFileSource(after["source"]);
    const seen = pathOnly ? { ...olds, sourceModified: void 0 } : olds;
    const digest = typeof recorded === "string" && (pathOnly || !sourceChanged) ? await this.sourceDigest(kind, after, seen) : void 0;
    const moved = pathOnly && digest !== void 0 && digest === recorded;
    const rebuilt = !sourceChanged && digest !== void 0 && digest !== recorded ? ["source"] : [];
    const oldLayer = layer(oldInputs ?? olds);
    const otherRegion = (oldLayer.region !== void 0 || fields.region !== void 0) && this.regionOf(cloudOf(kind, before, oldLayer)) !== this.regionOf(cloudOf(kind, after, fields)) ? ["region"] : [];
    const replaces = [
      .../* @__PURE__ */ new Set([
        ...changed.replaces.filter((field) => !(moved && field === "source")),
        ...otherRegion,
        ...rebuilt,
        ...unknown.filter((u) => schemaFields.find((f) => f.local === u)?.change === "replace")
      ])
    ];
    const migrated = replaces.length === 0 && hasMarkOutput(kind) && !(markOutput in olds) ? [markOutput] : [];
    const updates = [.../* @__PURE__ */ new Set([...changed.updates, ...unknown.filter((u) => !replaces.includes(u)), ...migrated])];
    if (replaces.length === 0 && updates.length === 0) return { changes: false, replaces: [], diffs: [] };
    const action = replaces.length > 0 ? "replace" : "update";
    if (options.decide === false) return { changes: true, replaces, diffs: [...replaces, ...updates] };
    const { text } = await this.decideOne(kind, fields.resourceName, { action, id, olds, oldInputs, news });
    if (text !== void 0) throw new Error(`${where}: the catalog policy blocks this ${action}:
${text}`);
    if (action === "replace") this.replacing.set(where, id);
    return { changes: true, replaces, diffs: [...replaces, ...updates] };
  }
  track(work) {
    this.inFlight.add(work);
    const settle = () => {
      this.inFlight.delete(work);
    };
    work.then(settle, settle);
    return work;
  }
  /**
   * Stops the work in flight because `reason` (the engine that started this provider is gone): creates stop their
   * upload, remove the record they made and fail. Resolves once all of it settled, or after `graceMs`.
   */
  async interrupt(reason, graceMs = 6e4) {
    this.interruption.abort(new Error(reason));
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), timer]);
  }
  /** Pulumi's create (the policy was decided by check just before). */
  async create(kind, news) {
    const descriptor = kindDescriptors[kind];
    const fields = layer(news);
    const raw = schemaPart(kind, news);
    const name = fields.resourceName;
    const cataloged = descriptor.cataloged === true && typeof raw["name"] === "string";
    const mark = this.markOf(fields.resourceUrn);
    if (cataloged && mark !== void 0) this.catalog.creating(mark);
    const replaces = this.replacing.get(address(kind, name));
    const made = await this.track(
      descriptor.create(this.sessionFor(cloudOf(kind, raw, fields)), name, raw, {
        onProgress: progressReporter(this.notify, name, fields.resourceUrn),
        onNotice: (message) => this.notify({ message, severity: "info", urn: fields.resourceUrn }),
        signal: this.interruption.signal,
        ...mark === void 0 ? {} : { creator: mark },
        ...replaces === void 0 ? {} : { replaces }
      })
    );
    if (cataloged) this.catalog.created(made.id);
    return { id: made.id, outs: outs(kind, fields, { ...made.inputs }, made.outputs) };
  }
  /**
   * Pulumi's read (refresh, import): what the service has now, as outputs, and the inputs: a refresh keeps the
   * state's (what the program declared and the catalog applied: the outputs show the drift, and a diff against them
   * proposes to put it back); an import takes what the service has. `props`/`inputs` are the state's (absent for
   * an import). Undefined when the resource is gone; fields the service does not keep come from the state.
   */
  async read(kind, id, name, props, inputs) {
    const descriptor = kindDescriptors[kind];
    const prior = { ...props, ...inputs };
    const fields = { ...layer(prior), resourceName: name };
    const kept = { ...props, ...schemaPart(kind, inputs ?? props ?? {}) };
    const cloud = cloudOf(kind, schemaPart(kind, prior), fields);
    let found;
    try {
      found = await descriptor.read(this.sessionFor(cloud), id, kept);
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
    const withLayer = { ...pulumiNames(kind, declared), ...layerBag(fields) };
    return { id, inputs: withLayer, outs: outs(kind, fields, found.inputs, found.outputs, props) };
  }
  /** Pulumi's update (the policy was decided by diff just before). */
  async update(kind, id, olds, news, oldInputs) {
    const descriptor = kindDescriptors[kind];
    const fields = layer(news);
    const name = fields.resourceName;
    const raw = schemaPart(kind, news);
    const before = checkKnown(kind, name, oldSide(kind, olds, news, oldInputs).before).inputs;
    const mark = this.markOf(fields.resourceUrn);
    const made = await this.track(
      descriptor.update(this.sessionFor(cloudOf(kind, raw, fields)), id, before, raw, name, mark === void 0 ? {} : { creator: mark })
    );
    if (descriptor.cataloged === true) this.catalog.changed();
    return { outs: outs(kind, fields, { ...made.inputs }, made.outputs, olds) };
  }
  /**
   * A function of the plugin (its Invoke): `getImage`, the lookup of a line's channel, and `getLineShares`, the
   * versions of a line shared with the caller (../resources/lookup.ts), with the cloud given, else the provider's.
   * Arguments that do not fit the function's schema are failures naming the field, before any request; a lookup
   * that finds nothing fails saying why.
   */
  async invoke(token, args) {
    const name = Object.keys(lookupFunctions).find((n) => functionToken(n) === token);
    if (name === void 0) throw new Error(`${token} is not a function of the ${packageName} provider`);
    let call = this.functionCalls.get(name);
    if (call === void 0) {
      call = lookupFunctions[name].prepare();
      this.functionCalls.set(name, call);
    }
    const result = await call(args, (cloud) => this.sessionFor(cloud));
    if ("errors" in result)
      return {
        failures: describeErrors(result.errors).map((p) => ({ property: p.field, reason: `${name}: ${p.field}: ${p.message}` }))
      };
    return { value: { ...result.value } };
  }
  /**
   * Pulumi's delete: the policy decides first (a block fails before any API call). A field the service does not
   * keep is not in the outputs of an imported resource (a store's config folder and reload command): it is taken
   * from the state's inputs (`oldInputs`), as for a change.
   */
  async remove(kind, id, outputs, oldInputs) {
    const props = oldInputs === void 0 ? outputs : { ...outputs, ...oldSide(kind, outputs, void 0, oldInputs).before };
    const descriptor = kindDescriptors[kind];
    const fields = layer(props);
    const inputs = schemaPart(kind, props);
    const session = this.sessionFor(cloudOf(kind, inputs, fields));
    let live;
    if (descriptor.live !== void 0) {
      live = await descriptor.live.get(session, id);
      if (live === void 0) return;
    }
    const { text } = await this.decideOne(kind, fields.resourceName, {
      action: "delete",
      id,
      olds: props,
      ...live === void 0 ? {} : { live }
    });
    if (text !== void 0)
      throw new Error(`${address(kind, fields.resourceName)}: the catalog policy blocks this delete (nothing was deleted):
${text}`);
    await this.track(descriptor.delete(session, id, checkKnown(kind, fields.resourceName, inputs).inputs, fields.resourceName));
    if (descriptor.cataloged === true) this.catalog.changed();
  }
};
export {
  ProviderRuntime,
  address,
  policyConfigProblem,
  splitTarget,
  stackPolicyOverrides,
  targetOf
};
