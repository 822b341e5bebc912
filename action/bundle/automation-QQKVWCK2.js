import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  pluginDir,
  pluginName
} from "./chunk-4JFV4HSO.js";
import {
  isYamlProject
} from "./chunk-Q7ESXLQ3.js";
import {
  loggedChange
} from "./chunk-UPQKETR3.js";
import {
  instanceKey,
  kindOfType,
  packageName,
  parseUrn
} from "./chunk-37CEI6GO.js";
import {
  backendProblem,
  essential,
  lockHolders,
  programError
} from "./chunk-YCMZDLS2.js";
import {
  policyModeVariable
} from "./chunk-AP7GKTRD.js";
import {
  CloudConfigError
} from "./chunk-AUYGMNHL.js";
import "./chunk-UXAMSLRZ.js";

// provider/pulumi/automation.ts
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CommandError,
  LocalWorkspace,
  PulumiCommand,
  StackNotFoundError
} from "@pulumi/pulumi/automation/index.js";

// provider/pulumi/decision-log.ts
var decisionLogVariable = "IMAGE_CATALOG_DECISION_LOG";
var planCreatesVariable = "IMAGE_CATALOG_PLAN_CREATES";

// provider/pulumi/automation.ts
function backendEnv(target) {
  if (target.stateDir !== void 0 && target.backendUrl !== void 0)
    throw new Error(`stack ${target.stack}: a state folder (stateDir) or a backend URL (backendUrl), not both`);
  if (target.backendUrl !== void 0) return { PULUMI_BACKEND_URL: target.backendUrl };
  if (target.stateDir === void 0) return {};
  mkdirSync(target.stateDir, { recursive: true });
  return { PULUMI_BACKEND_URL: pathToFileURL(target.stateDir).href };
}
function pluginPath(env) {
  const path = (env?.["PATH"] ?? process.env["PATH"] ?? "").split(delimiter);
  const first = [pluginDir, dirname(process.execPath)];
  return [...first, ...path.filter((dir) => !first.includes(dir))].join(delimiter);
}
function held(lock) {
  return { ...lock, held: lock.hostname !== hostname() || running(lock.pid) };
}
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function stackLocks(stack, target) {
  if (target.stateDir === void 0) return [];
  const dir = join(target.stateDir, ".pulumi", "locks");
  let files;
  try {
    files = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  const suffix = join((await stack.workspace.projectSettings()).name, target.stack);
  return files.filter((f) => f.endsWith(".json") && dirname(f).endsWith(suffix)).map((f) => held(JSON.parse(readFileSync(join(dir, f), "utf8"))));
}
async function resolvePending(stack, say = () => void 0) {
  const deployment = (await stack.exportStack()).deployment;
  const pending = deployment?.pending_operations ?? [];
  if (pending.length === 0) return [];
  await stack.refresh({ clearPendingCreates: true });
  say(
    `an interrupted run left ${pending.length} operation(s) pending in the state (${pending.map((p) => `${p.type} ${urnName(p.resource.urn)}`).join(", ")}): resolved with a refresh; an interrupted create is made again, taking over or removing what it left`
  );
  return pending;
}
async function openStack(target, program = () => Promise.resolve({}), options = {}) {
  const workspace = {
    workDir: target.cwd,
    envVars: { ...backendEnv(target), ...target.env, PATH: pluginPath(target.env) },
    pulumiCommand: await PulumiCommand.get(target.pulumiRoot === void 0 ? {} : { root: target.pulumiRoot })
  };
  const open = () => {
    if (isYamlProject(target.cwd)) {
      const local = { stackName: target.stack, workDir: target.cwd };
      return options.existing === true ? LocalWorkspace.selectStack(local, workspace) : LocalWorkspace.createOrSelectStack(local, workspace);
    }
    const args = { stackName: target.stack, projectName: "image-catalog", program };
    return options.existing === true ? LocalWorkspace.selectStack(args, workspace) : LocalWorkspace.createOrSelectStack(args, workspace);
  };
  try {
    return await open();
  } catch (err) {
    throw withBackendProblem(err, target);
  }
}
function withBackendProblem(err, target) {
  if (target.backendUrl === void 0 || !(err instanceof CommandError) || err instanceof StackNotFoundError) return err;
  const problem = backendProblem(err.message, target.backendUrl);
  return problem === void 0 ? err : new Error(problem, { cause: err });
}
function readDecisions(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line));
}
function actionOf(op) {
  if (op === "create") return "create";
  if (op === "update") return "update";
  if (op === "delete") return "delete";
  if (op === "replace" || op === "create-replacement" || op === "delete-replaced") return "replace";
  return void 0;
}
function providerUrnOf(step) {
  return (step.new?.provider ?? step.old?.provider)?.split("::").slice(0, -1).join("::");
}
function providerClouds(steps) {
  const clouds = /* @__PURE__ */ new Map();
  const providerOf = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const cloud = (step.new?.inputs ?? step.old?.inputs)?.["cloud"];
    if (step.type === `pulumi:providers:${packageName}` && typeof cloud === "string" && cloud !== "") clouds.set(step.urn, cloud);
    const provider = providerUrnOf(step);
    if (provider !== void 0 && !providerOf.has(step.urn)) providerOf.set(step.urn, provider);
  }
  return (urn) => {
    const provider = providerOf.get(urn);
    return provider === void 0 ? void 0 : clouds.get(provider);
  };
}
async function planChanges(runtime, steps) {
  const planned = /* @__PURE__ */ new Map();
  const providerCloud = providerClouds(steps);
  for (const step of steps) {
    const action = actionOf(step.op);
    if (action === void 0) continue;
    const known = planned.get(step.urn);
    const old = known?.old ?? step.old;
    const next = known?.new ?? step.new;
    planned.set(step.urn, {
      action: known?.action ?? action,
      type: step.type,
      ...old === void 0 ? {} : { old },
      ...next === void 0 ? {} : { new: next }
    });
  }
  const changes = [];
  const secret = /* @__PURE__ */ new Set();
  for (const [urn, step] of planned) {
    const kind = kindOfType(step.new?.type ?? step.old?.type ?? step.type);
    if (kind === void 0) continue;
    if (step.action !== "delete" && (hasSecret(step.new?.inputs) || hasSecret(step.old?.inputs) || hasSecret(step.old?.outputs))) {
      secret.add(urnName(urn));
      continue;
    }
    const bag = (value) => withoutSecrets(value);
    const { cloud, change } = await runtime.changeOf(kind, urnName(urn), {
      action: step.action,
      id: step.old?.id,
      urn,
      providerCloud: providerCloud(urn),
      ...step.action === "create" ? {} : { olds: bag(step.old?.outputs), oldInputs: bag(step.old?.inputs) },
      ...step.action === "delete" ? {} : { news: bag(step.new?.inputs) }
    });
    changes.push({ cloud, change, urn });
  }
  return { planned: changes, secret };
}
function linkedImages(changes, all) {
  const here = new Set(changes.map((c) => c.address));
  const wanted = new Set(changes.flatMap((c) => typeof c.after?.["image_address"] === "string" ? [c.after["image_address"]] : []));
  return all.map((p) => p.change).filter((c) => c.kind === "image" && wanted.has(c.address) && !here.has(c.address) && c.after !== null).map((c) => ({ ...c, action: "noop", before: c.after, after: c.after }));
}
var secretSignature = "4dabf18193072939515e22adb298388d";
function withoutSecrets(value) {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== "object" || value === null) return value;
  if (secretSignature in value) return "[secret]";
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
}
function hasSecret(value) {
  if (value === "[secret]") return true;
  if (Array.isArray(value)) return value.some(hasSecret);
  if (typeof value !== "object" || value === null) return false;
  return secretSignature in value || Object.values(value).some(hasSecret);
}
async function planRuntime(stack, read, instanceKeyOf) {
  const [{ ProviderRuntime }, config] = await Promise.all([import("./runtime-V2JZ37BW.js"), read ?? stack.getAllConfig()]);
  const runEnv = Object.fromEntries(Object.entries(stack.workspace.envVars).filter(([k]) => k.startsWith("OS_")));
  const runtime = new ProviderRuntime({
    ...instanceKeyOf === void 0 ? {} : { instanceKeyOf },
    config: { get: (key) => config[key]?.value },
    env: { ...process.env, ...runEnv },
    cwd: stack.workspace.workDir,
    mode: "report"
  });
  runtime.warmUp();
  return runtime;
}
async function decidePlan(runtime, steps, plugin = () => []) {
  const { planned: all, secret } = await planChanges(runtime, steps);
  const byCloud = /* @__PURE__ */ new Map();
  for (const planned of all) {
    const key = runtime.cloudName(planned.cloud) ?? "";
    byCloud.set(key, [...byCloud.get(key) ?? [], planned]);
  }
  const decided = [];
  for (const [cloud, planned] of byCloud) {
    const changes = planned.map((p) => p.change);
    decided.push({
      cloud: cloud === "" ? "(environment)" : cloud,
      changes: changes.map(loggedChange),
      urns: new Map(planned.map((p) => [p.change.address, p.urn])),
      decision: await runtime.decideAs(cloud === "" ? void 0 : cloud, [...changes, ...linkedImages(changes, all)])
    });
  }
  if (secret.size > 0) {
    const urns = new Map(steps.filter((s) => secret.has(urnName(s.urn))).map((s) => [urnName(s.urn), s.urn]));
    const nameOf = (address) => address.split("::").slice(1).join("::");
    for (const logged of plugin())
      if (logged.changes.some((c) => secret.has(nameOf(c.address))))
        decided.push({
          cloud: "(provider plugin)",
          changes: logged.changes,
          urns: new Map(
            logged.changes.flatMap((c) => {
              const urn = urns.get(nameOf(c.address));
              return urn === void 0 ? [] : [[c.address, urn]];
            })
          ),
          decision: logged.decision
        });
  }
  return decided;
}
var RunRecord = class {
  constructor(options) {
    this.options = options;
  }
  options;
  errors = [];
  policyViolations = [];
  /** Decisions made in this process (the whole plan). */
  planned = [];
  /** The engine's count of what the update, refresh or destroy did (sent when it ends, failed or not). */
  summary = {};
  applying = false;
  dir = mkdtempSync(join(tmpdir(), "image-catalog-run-"));
  /** The creation marks of the decided plan's creates, for the plugins that apply it (planCreatesVariable). */
  creates = join(this.dir, "creates.json");
  /** The decision logs the providers of this run append to: while they only report (the plan), and as they apply. */
  logs = {
    report: join(this.dir, "reported.jsonl"),
    enforce: join(this.dir, "applied.jsonl")
  };
  /** Where the run tells what it does on its own (RunOptions.onNotice). */
  get onNotice() {
    return this.options.onNotice;
  }
  onEvent = (event) => {
    if (this.applying && event.summaryEvent !== void 0) this.summary = event.summaryEvent.resourceChanges;
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === "error") {
      const message = programError(diagnostic.message);
      if (!this.errors.some((e) => e.urn === diagnostic.urn && e.message === message)) this.errors.push({ urn: diagnostic.urn, message });
    }
    if (event.policyEvent !== void 0) this.policyViolations.push(event.policyEvent);
    this.options.onEvent?.(event);
  };
  /** The options every Automation API call of the run takes. */
  common(onEvent = this.onEvent) {
    const options = this.options;
    return {
      onEvent,
      ...options.refresh === true ? { refresh: true } : {},
      ...options.parallel === void 0 ? {} : { parallel: options.parallel },
      ...options.log === void 0 ? {} : {
        logVerbosity: options.log.verbosity,
        logToStdErr: true,
        logFlow: true,
        onOutput: options.log.onText,
        onError: options.log.onText
      }
    };
  }
  packs() {
    return this.options.policyPacks === void 0 ? {} : { policyPacks: [...this.options.policyPacks] };
  }
  seen() {
    const decisions = [...this.planned, ...readDecisions(this.logs.enforce)];
    const violations = /* @__PURE__ */ new Map();
    for (const { decision } of decisions)
      for (const v of decision.violations) violations.set(JSON.stringify([v.address, v.rule, v.field, v.message, v.level]), v);
    return { decisions, violations: [...violations.values()], errors: this.errors, policyViolations: this.policyViolations };
  }
  ok(changes, outputs = {}) {
    return { ok: true, changes, outputs, failure: void 0, ...this.seen() };
  }
  failed(err) {
    const locks = lockHolders(err.message);
    return {
      ok: false,
      changes: this.summary,
      outputs: {},
      failure: this.errors.length > 0 ? void 0 : essential(err.message),
      ...this.seen(),
      ...locks === void 0 ? {} : { locks: locks.map(held) }
    };
  }
  blocked(count, refused = []) {
    const policy = count === 0 ? [] : [`the catalog policy blocks ${count} change(s) of this plan (the decisions say each violation)`];
    return {
      ok: false,
      changes: {},
      outputs: {},
      failure: [...policy, ...refused.map((line) => `refused: ${line}`), "nothing was applied"].join("\n"),
      ...this.seen()
    };
  }
  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }
};
async function withRun(stack, record, mode, work) {
  const env = stack.workspace.envVars;
  const saved = { log: env[decisionLogVariable], mode: env[policyModeVariable], creates: env[planCreatesVariable] };
  env[decisionLogVariable] = record.logs[mode];
  if (mode === "report") env[policyModeVariable] = "report";
  else Reflect.deleteProperty(env, policyModeVariable);
  env[planCreatesVariable] = record.creates;
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof CommandError) && !(err instanceof CloudConfigError)) throw err;
    return record.failed(err);
  } finally {
    for (const [key, value] of [
      [decisionLogVariable, saved.log],
      [policyModeVariable, saved.mode],
      [planCreatesVariable, saved.creates]
    ]) {
      if (value === void 0) Reflect.deleteProperty(env, key);
      else env[key] = value;
    }
  }
}
function planSteps(steps) {
  const byUrn = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const op = ["replace", "create-replacement", "delete-replaced", "import-replacement"].includes(step.op) ? "replace" : step.op;
    const known = byUrn.get(step.urn);
    if (known === void 0 || op === "replace") byUrn.set(step.urn, { urn: step.urn, type: step.type, op });
  }
  return [...byUrn.values()];
}
function providerKeys(exported) {
  const resources = exported.deployment?.resources;
  const keys = /* @__PURE__ */ new Map();
  for (const resource of resources ?? []) {
    const key = resource.inputs?.[instanceKey];
    if (resource.type === `pulumi:providers:${packageName}` && typeof key === "string") keys.set(resource.urn, key);
  }
  return keys;
}
async function previewPlan(stack, record, config, kind = "update") {
  const steps = [];
  const providerOf = /* @__PURE__ */ new Map();
  const collect = (event) => {
    const step = event.resourcePreEvent?.metadata;
    if (step !== void 0) {
      steps.push(step);
      const provider = providerUrnOf(step);
      if (provider !== void 0 && !providerOf.has(step.urn)) providerOf.set(step.urn, provider);
    }
    record.onEvent(event);
  };
  const keys = stack.exportStack().then(providerKeys, () => /* @__PURE__ */ new Map());
  let keyOf = /* @__PURE__ */ new Map();
  const instanceKeyOf = (urn) => {
    const provider = providerOf.get(urn);
    return provider === void 0 ? void 0 : keyOf.get(provider);
  };
  const read = config ?? stack.getAllConfig();
  const runtime = planRuntime(stack, read, instanceKeyOf);
  runtime.catch(() => void 0);
  const { changeSummary } = kind === "destroy" ? await stack.previewDestroy(record.common(collect)) : await stack.preview({ ...record.common(collect), ...record.packs() });
  const policy = (await read)["image-catalog:policy"]?.value;
  if (policy !== void 0 && policy !== "" && record.onNotice !== void 0) {
    const { describeOverrides } = await import("./data-DAD4FS5Z.js");
    for (const line of describeOverrides([{ source: "stack config image-catalog:policy", value: JSON.parse(policy) }]))
      record.onNotice(`policy data override: ${line}`);
  }
  keyOf = await keys;
  const rt = await runtime;
  const decisions = await decidePlan(rt, steps, () => readDecisions(record.logs.report));
  record.planned.push(...decisions.map((d) => ({ changes: d.changes, decision: d.decision })));
  const refused = await claimRefusals(rt, steps);
  const creates = steps.flatMap((step) => {
    const kind2 = kindOfType(step.type);
    const mark = kind2 === void 0 || actionOf(step.op) !== "create" ? void 0 : rt.creatingMark(kind2, step.urn);
    return mark === void 0 ? [] : [mark];
  });
  writeFileSync(record.creates, JSON.stringify(creates), { mode: 384 });
  return {
    changeSummary,
    steps: planSteps(steps),
    decisions,
    refused,
    allowed: decisions.every((d) => d.decision.allowed) && refused.length === 0
  };
}
async function previewStack(stack, options = {}, config) {
  const record = new RunRecord(options);
  let plan;
  try {
    const result = await withRun(stack, record, options.decidePlan === false ? "enforce" : "report", async () => {
      if (options.decidePlan === false) return record.ok((await stack.preview({ ...record.common(), ...record.packs() })).changeSummary);
      plan = await previewPlan(stack, record, config);
      return plan.allowed ? record.ok(plan.changeSummary) : record.blocked(blockedCount(plan), plan.refused);
    });
    return { ...result, plan };
  } finally {
    record.dispose();
  }
}
async function claimRefusals(runtime, steps) {
  const refused = [];
  const providerCloud = providerClouds(steps);
  for (const step of steps) {
    const kind = kindOfType(step.type);
    if (kind === void 0 || actionOf(step.op) !== "create" || step.new === void 0) continue;
    const news = withoutSecrets(step.new.inputs);
    refused.push(...runtime.claimsOf(kind, urnName(step.urn), step.urn, news));
    refused.push(...await runtime.catalogClaimsOf(kind, urnName(step.urn), step.urn, news, providerCloud(step.urn)));
  }
  return refused;
}
function blockedCount(plan) {
  return new Set(plan.decisions.flatMap((d) => d.decision.violations.filter((v) => v.level === "mandatory").map((v) => v.address))).size;
}
async function upStack(stack, options = {}) {
  const record = new RunRecord(options);
  try {
    const plan = await withRun(stack, record, options.decidePlan === false ? "enforce" : "report", async () => {
      await resolvePending(stack, options.onNotice);
      if (options.decidePlan === false) return record.ok({});
      const decided = await previewPlan(stack, record);
      return decided.allowed ? record.ok({}) : record.blocked(blockedCount(decided), decided.refused);
    });
    if (!plan.ok) return plan;
    return await withRun(stack, record, "enforce", async () => {
      record.applying = true;
      const result = await stack.up({ ...record.common(), ...record.packs() });
      return record.ok(result.summary.resourceChanges ?? {}, result.outputs);
    });
  } finally {
    record.dispose();
  }
}
async function refreshStack(stack, options = {}) {
  const record = new RunRecord(options);
  try {
    return await withRun(stack, record, "enforce", async () => {
      record.applying = true;
      const result = await stack.refresh(record.common());
      return record.ok(result.summary.resourceChanges ?? {});
    });
  } finally {
    record.dispose();
  }
}
async function destroyStack(stack, options = {}) {
  const record = new RunRecord(options);
  try {
    const plan = await withRun(stack, record, options.decidePlan === false ? "enforce" : "report", async () => {
      await resolvePending(stack, options.onNotice);
      if (options.decidePlan === false) return record.ok({});
      const decided = await previewPlan(stack, record, void 0, "destroy");
      return decided.allowed ? record.ok({}) : record.blocked(blockedCount(decided), decided.refused);
    });
    if (!plan.ok) return plan;
    return await withRun(stack, record, "enforce", async () => {
      record.applying = true;
      const result = await stack.destroy(record.common());
      return record.ok(result.summary.resourceChanges ?? {});
    });
  } finally {
    record.dispose();
  }
}
var stackCommands = { up: upStack, preview: previewStack, refresh: refreshStack, destroy: destroyStack };
async function runStack(stack, command, options = {}) {
  const run = () => stackCommands[command](stack, options);
  const stale = (result) => !result.ok && result.locks !== void 0 && result.locks.length > 0 && result.locks.every((lock) => !lock.held);
  const first = await run();
  if (!stale(first)) return first;
  const second = await run();
  if (!stale(second)) return second;
  const holders = new Map((second.locks ?? []).map((lock) => [`${lock.pid}@${lock.hostname}@${lock.timestamp}`, lock]));
  for (const lock of holders.values())
    options.onNotice?.(
      `stack ${stack.name} is locked by pulumi pid ${lock.pid} (${lock.username}@${lock.hostname}, since ${lock.timestamp}), which is no longer running (an interrupted run): clearing its lock (pulumi cancel)`
    );
  await stack.cancel();
  return run();
}
function urnName(urn) {
  return urn === void 0 ? "" : parseUrn(urn).name;
}
function shortType(type) {
  return type.split(":").at(-1) ?? type;
}
var verbs = {
  create: ["creating", "created"],
  update: ["updating", "updated"],
  delete: ["deleting", "deleted"],
  replace: ["replacing", "replaced"],
  "create-replacement": ["creating replacement", "created replacement"],
  "delete-replaced": ["deleting replaced", "deleted replaced"],
  refresh: ["refreshing", "refreshed"],
  import: ["importing", "imported"]
};
var shownSeverities = /* @__PURE__ */ new Set(["info", "info#err", "warning", "error"]);
function progressPrinter(write) {
  const started = /* @__PURE__ */ new Map();
  const said = /* @__PURE__ */ new Set();
  return (event) => {
    const pre = event.resourcePreEvent;
    if (pre !== void 0 && pre.planning !== true) {
      const verb = verbs[pre.metadata.op];
      if (verb === void 0 || pre.metadata.type === "pulumi:pulumi:Stack" || pre.metadata.type.startsWith("pulumi:providers:")) return;
      const { op, type, urn } = pre.metadata;
      started.set(`${op} ${urn}`, { t0: Date.now(), op, type, urn });
      write(`  ${shortType(type)} ${urnName(urn)}: ${verb[0]}`);
      return;
    }
    const done = event.resOutputsEvent;
    if (done !== void 0 && done.planning !== true) {
      const key = [`${done.metadata.op} ${done.metadata.urn}`, `refresh ${done.metadata.urn}`].find((k) => started.has(k));
      const step = key === void 0 ? void 0 : started.get(key);
      const verb = step === void 0 ? void 0 : verbs[step.op];
      if (key === void 0 || step === void 0 || verb === void 0) return;
      started.delete(key);
      write(
        `  ${shortType(done.metadata.type)} ${urnName(done.metadata.urn)}: ${verb[1]} (${((Date.now() - step.t0) / 1e3).toFixed(1)} s)`
      );
      return;
    }
    const failed = event.resOpFailedEvent;
    if (failed !== void 0) {
      started.delete(`${failed.metadata.op} ${failed.metadata.urn}`);
      write(`  ${shortType(failed.metadata.type)} ${urnName(failed.metadata.urn)}: ${failed.metadata.op} failed`);
      return;
    }
    if (event.summaryEvent !== void 0 || event.cancelEvent !== void 0) {
      for (const step of started.values())
        write(`  ${shortType(step.type)} ${urnName(step.urn)}: ${step.op} not finished (the run stopped first)`);
      started.clear();
      return;
    }
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === "warning" && diagnostic.message.includes(`${pluginName} from $PATH at ${pluginDir}`)) return;
    if (diagnostic !== void 0 && shownSeverities.has(diagnostic.severity)) {
      const who = diagnostic.urn === void 0 || diagnostic.urn === "" ? "" : `${urnName(diagnostic.urn)}: `;
      const label = diagnostic.severity === "info" || diagnostic.severity === "info#err" ? "" : `${diagnostic.severity}: `;
      const message = diagnostic.severity === "error" ? programError(diagnostic.message) : diagnostic.message.trimEnd();
      const text = `${label}${who}${message}`;
      if ((label === "" || diagnostic.severity === "error") && said.has(text)) return;
      said.add(text);
      for (const line of message.split("\n")) write(`  ${label}${who}${line}`);
      return;
    }
    const policy = event.policyEvent;
    if (policy !== void 0) {
      write(`  policy ${policy.enforcementLevel} ${policy.policyName}: ${urnName(policy.resourceUrn)}: ${policy.message.trim()}`);
    }
  };
}
function formatChanges(changes, planned = false) {
  const names = {
    same: ["unchanged", "unchanged"],
    create: ["created", "to create"],
    update: ["updated", "to update"],
    delete: ["deleted", "to delete"],
    replace: ["replaced", "to replace"],
    import: ["imported", "to import"]
  };
  const parts = Object.entries(changes).filter(([, n]) => n > 0).map(([op, n]) => `${n} ${names[op]?.[planned ? 1 : 0] ?? op}`);
  return parts.length === 0 ? "no change" : parts.join(", ");
}
export {
  decidePlan,
  destroyStack,
  formatChanges,
  openStack,
  planChanges,
  planRuntime,
  planSteps,
  previewStack,
  progressPrinter,
  refreshStack,
  resolvePending,
  runStack,
  stackCommands,
  stackLocks,
  upStack,
  urnName
};
