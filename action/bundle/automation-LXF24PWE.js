import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  essential,
  pluginDir,
  pluginName
} from "./chunk-XQSF2ZDN.js";
import {
  decisionLogVariable,
  loggedChange
} from "./chunk-CLRY37YK.js";
import {
  kindOfType
} from "./chunk-57QESGMA.js";
import {
  policyModeVariable
} from "./chunk-UUIIL456.js";
import "./chunk-UXAMSLRZ.js";

// provider/pulumi/automation.ts
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CommandError,
  LocalWorkspace,
  PulumiCommand
} from "@pulumi/pulumi/automation/index.js";
var commands = /* @__PURE__ */ new Map();
function pulumiCommand(root) {
  const key = root ?? "";
  let command = commands.get(key);
  if (command === void 0) {
    command = PulumiCommand.get(root === void 0 ? {} : { root });
    commands.set(key, command);
    command.catch(() => commands.delete(key));
  }
  return command;
}
function backendEnv(target) {
  if (target.stateDir === void 0) return {};
  mkdirSync(target.stateDir, { recursive: true });
  return { PULUMI_BACKEND_URL: pathToFileURL(target.stateDir).href };
}
function pluginPath(env) {
  const path = env?.["PATH"] ?? process.env["PATH"] ?? "";
  return path.split(delimiter).includes(pluginDir) ? path : `${pluginDir}${delimiter}${path}`;
}
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function clearStaleLock(stack, target, say) {
  const locks = await stackLocks(stack, target);
  if (locks.length === 0 || locks.some((l) => l.held)) return false;
  for (const lock of locks)
    say(
      `stack ${target.stack} is locked by pulumi pid ${lock.pid} (${lock.username}@${lock.hostname}, since ${lock.timestamp}), which is no longer running (an interrupted run): clearing its lock (pulumi cancel)`
    );
  await stack.cancel();
  return true;
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
  return files.filter((f) => f.endsWith(".json") && dirname(f).endsWith(suffix)).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8"))).map((lock) => ({ ...lock, held: lock.hostname !== hostname() || running(lock.pid) }));
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
  const args = { stackName: target.stack, projectName: "image-catalog", program };
  const workspace = {
    workDir: target.cwd,
    envVars: { ...backendEnv(target), ...target.env, PATH: pluginPath(target.env) },
    pulumiCommand: await pulumiCommand(target.pulumiRoot)
  };
  return options.existing === true ? LocalWorkspace.selectStack(args, workspace) : LocalWorkspace.createOrSelectStack(args, workspace);
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
async function planChanges(steps, only = () => true) {
  const planned = /* @__PURE__ */ new Map();
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
  const wanted = [...planned].filter(
    ([, step]) => only(step.action) && kindOfType(step.new?.type ?? step.old?.type ?? step.type) !== void 0
  );
  if (wanted.length === 0) return [];
  const runtime = await import("./runtime-WXTUDFAP.js");
  const changes = [];
  for (const [urn, step] of wanted) {
    const kind = kindOfType(step.new?.type ?? step.old?.type ?? step.type);
    if (kind === void 0) continue;
    const olds = step.action === "create" ? void 0 : step.old?.outputs;
    const news = step.action === "delete" ? void 0 : step.new?.inputs;
    changes.push(await runtime.planChange(kind, step.action, step.old?.id, olds, news, urn));
  }
  return changes;
}
async function asThePlugin(stack, work, read) {
  const runtime = await import("./runtime-WXTUDFAP.js");
  const config = await (read ?? stack.getAllConfig());
  runtime.configure({ get: (key) => config[key]?.value });
  const saved = Object.fromEntries(
    Object.keys(stack.workspace.envVars).filter((k) => k.startsWith("OS_")).map((k) => [k, process.env[k]])
  );
  Object.assign(process.env, Object.fromEntries(Object.keys(saved).map((k) => [k, stack.workspace.envVars[k]])));
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === void 0) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}
async function warmUp() {
  const [{ PolicyEngine }] = await Promise.all([import("./engine-67Y5MR4K.js"), import("./runtime-WXTUDFAP.js")]);
  await PolicyEngine.load();
}
async function decidePlanned(cloud, changes) {
  return (await import("./runtime-WXTUDFAP.js")).decideAs(cloud, changes);
}
async function decideDeletes(stack, steps) {
  if (!steps.some((s) => s.op === "delete")) return [];
  return asThePlugin(stack, async () => {
    const decided = [];
    for (const { cloud, change } of await planChanges(steps, (action) => action === "delete"))
      decided.push({ changes: [loggedChange(change)], decision: await decidePlanned(cloud, [change]) });
    return decided;
  });
}
async function runStack(stack, command, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "image-catalog-run-"));
  const log = join(dir, "decisions.jsonl");
  const errors = [];
  const policyViolations = [];
  let summary = {};
  let applying = false;
  const onEvent = (event) => {
    if (applying && event.summaryEvent !== void 0) summary = event.summaryEvent.resourceChanges;
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === "error") errors.push({ urn: diagnostic.urn, message: diagnostic.message.trim() });
    if (event.policyEvent !== void 0) policyViolations.push(event.policyEvent);
    options.onEvent?.(event);
  };
  const extra = [];
  const seen = () => ({
    decisions: [...readDecisions(log), ...extra],
    errors,
    policyViolations
  });
  const env = stack.workspace.envVars;
  const previous = env[decisionLogVariable];
  env[decisionLogVariable] = log;
  const common = {
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
  const packs = options.policyPacks === void 0 ? {} : { policyPacks: [...options.policyPacks] };
  const planned = async () => {
    if (options.decidePlan === false) return { blocked: 0, changeSummary: (await stack.preview({ ...common, ...packs })).changeSummary };
    const steps = [];
    const collect = (event) => {
      const step = event.resourcePreEvent?.metadata;
      if (step !== void 0) steps.push(step);
      onEvent(event);
    };
    const mode = env[policyModeVariable];
    env[policyModeVariable] = "report";
    let changeSummary;
    try {
      changeSummary = (await stack.preview({ ...common, onEvent: collect, ...packs })).changeSummary;
    } finally {
      if (mode === void 0) Reflect.deleteProperty(env, policyModeVariable);
      else env[policyModeVariable] = mode;
    }
    extra.push(...await decideDeletes(stack, steps));
    const blocked = [...readDecisions(log), ...extra].filter(({ decision }) => !decision.allowed).length;
    return { blocked, changeSummary };
  };
  const blockedRun = (blocked) => ({
    ok: false,
    changes: {},
    outputs: {},
    failure: `the catalog policy blocks ${blocked} change(s) of this plan: nothing was applied (the decisions say each violation)`,
    ...seen()
  });
  try {
    if (command === "up" || command === "destroy") await resolvePending(stack, options.onNotice);
    if (command === "up") {
      const plan2 = await planned();
      if (plan2.blocked > 0) return blockedRun(plan2.blocked);
      applying = true;
      const result = await stack.up({ ...common, ...packs });
      return { ok: true, changes: result.summary.resourceChanges ?? {}, outputs: result.outputs, failure: void 0, ...seen() };
    }
    if (command === "refresh") {
      applying = true;
      const result = await stack.refresh(common);
      return { ok: true, changes: result.summary.resourceChanges ?? {}, outputs: {}, failure: void 0, ...seen() };
    }
    if (command === "destroy") {
      applying = true;
      const result = await stack.destroy(common);
      return { ok: true, changes: result.summary.resourceChanges ?? {}, outputs: {}, failure: void 0, ...seen() };
    }
    const plan = await planned();
    if (plan.blocked > 0) return blockedRun(plan.blocked);
    return { ok: true, changes: plan.changeSummary, outputs: {}, failure: void 0, ...seen() };
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    return { ok: false, changes: summary, outputs: {}, failure: errors.length > 0 ? void 0 : essential(err.message), ...seen() };
  } finally {
    if (previous === void 0) Reflect.deleteProperty(env, decisionLogVariable);
    else env[decisionLogVariable] = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}
function urnName(urn) {
  return urn === void 0 ? "" : urn.split("::").at(-1) ?? urn;
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
  refresh: ["refreshing", "refreshed"]
};
var shownSeverities = /* @__PURE__ */ new Set(["info", "info#err", "warning", "error"]);
function progressPrinter(write) {
  const started = /* @__PURE__ */ new Map();
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
      const verb = verbs[done.metadata.op];
      const key = `${done.metadata.op} ${done.metadata.urn}`;
      const step = started.get(key);
      if (verb === void 0 || step === void 0) return;
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
      for (const line of diagnostic.message.trimEnd().split("\n")) write(`  ${label}${who}${line}`);
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
    replace: ["replaced", "to replace"]
  };
  const parts = Object.entries(changes).filter(([, n]) => n > 0).map(([op, n]) => `${n} ${names[op]?.[planned ? 1 : 0] ?? op}`);
  return parts.length === 0 ? "no change" : parts.join(", ");
}
export {
  asThePlugin,
  clearStaleLock,
  decidePlanned,
  formatChanges,
  openStack,
  planChanges,
  progressPrinter,
  resolvePending,
  runStack,
  stackLocks,
  urnName,
  warmUp
};
