import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  loggedChange
} from "./chunk-UPQKETR3.js";
import {
  configAddress,
  decidePlan,
  declaredDeactivation,
  statusChanges,
  synthesizedResources
} from "./chunk-DUWL2BZX.js";
import "./chunk-JPHF7VO4.js";
import "./chunk-62CAMSCM.js";
import "./chunk-XLIOZ4WR.js";
import "./chunk-23GM6L4P.js";
import "./chunk-JZW3ABCF.js";
import {
  policyModeVariable
} from "./chunk-AP7GKTRD.js";
import {
  StackMarks
} from "./chunk-AUYGMNHL.js";
import "./chunk-UXAMSLRZ.js";

// provider/cdktf/check.ts
import { spawnSync as spawnSync3 } from "node:child_process";
import { existsSync as existsSync3, mkdtempSync as mkdtempSync3, readdirSync, readFileSync, rmSync as rmSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3, resolve as resolve2 } from "node:path";

// provider/cdktf/gate.ts
import { spawn, spawnSync as spawnSync2 } from "node:child_process";
import { existsSync as existsSync2, mkdtempSync as mkdtempSync2, realpathSync, rmSync as rmSync2 } from "node:fs";
import { delimiter, join as join2 } from "node:path";

// provider/cdktf/marks.ts
import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
var marksVariable = "image_catalog_marks";
function pullState(binary, env, dir) {
  const pulled = spawnSync(binary, ["state", "pull"], { cwd: dir, env, maxBuffer: 1024 * 1024 * 1024 });
  const text = pulled.status === 0 ? pulled.stdout.toString().trim() : "";
  if (text === "") return void 0;
  return JSON.parse(text);
}
function stackMarks(binary, env, dir, create, state = pullState(binary, env, dir)) {
  const lineage = state?.lineage;
  if (lineage !== void 0 && lineage !== "") return new StackMarks(lineage);
  const fresh = randomUUID();
  if (create) {
    const scratch = mkdtempSync(join(tmpdir(), "image-catalog-state-"));
    try {
      const file = join(scratch, "empty.tfstate");
      writeFileSync(file, JSON.stringify({ version: 4, serial: 0, lineage: fresh, outputs: {}, resources: [] }));
      const pushed = spawnSync(binary, ["state", "push", "-force", file], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
      if (pushed.status !== 0) throw new Error(`${binary} state push of a new, empty state failed: ${pushed.stderr.toString().trim()}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const stored = pullState(binary, env, dir)?.lineage;
    if (stored !== void 0 && stored !== "") return new StackMarks(stored);
  }
  return new StackMarks(fresh);
}
function marksByPath(marks, dir) {
  const paths = [...synthesizedResources(dir).values()].flatMap((r) => r.path === void 0 ? [] : [r.path]);
  return Object.fromEntries(paths.map((path) => [path, marks.of(path)]));
}

// provider/cdktf/gate.ts
var gateVariable = { name: "image_catalog_gate", value: "decided-by-image-catalog" };
function realTerraform(env = process.env, self) {
  const explicit = env["IMAGE_CATALOG_TERRAFORM"];
  if (explicit !== void 0 && explicit !== "") return explicit;
  const own = self === void 0 ? void 0 : realpathSync(self);
  for (const name of ["tofu", "terraform"]) {
    for (const dir of (env["PATH"] ?? "").split(delimiter).filter((d) => d !== "")) {
      const candidate = join2(dir, name);
      if (existsSync2(candidate) && realpathSync(candidate) !== own) return candidate;
    }
  }
  throw new Error("image-catalog-tofu: neither tofu nor terraform is on PATH; set IMAGE_CATALOG_TERRAFORM to the binary");
}
function constructPaths(dir) {
  const paths = /* @__PURE__ */ new Map();
  for (const [address, resource] of synthesizedResources(dir)) if (resource.path !== void 0) paths.set(address, resource.path);
  return paths;
}
function stateProviders(binary, env, cwd) {
  const providers = /* @__PURE__ */ new Map();
  for (const r of pullState(binary, env, cwd ?? process.cwd())?.resources ?? [])
    if (r.mode !== "data" && r.module === void 0 && r.provider !== void 0) providers.set(`${r.type}.${r.name}`, r.provider);
  return providers;
}
async function decidePlanFile(binary, planFile, env, options = {}) {
  const cwd = options.cwd === void 0 ? {} : { cwd: options.cwd };
  const shown = spawnSync2(binary, ["show", "-json", planFile], { env, maxBuffer: 1024 * 1024 * 1024, ...cwd });
  if (shown.status !== 0) throw new Error(`${binary} show -json failed: ${shown.stderr.toString()}`);
  const plan = JSON.parse(shown.stdout.toString());
  const dir = options.cwd ?? process.cwd();
  const deactivation = declaredDeactivation(dir);
  const decided = await decidePlan(plan, {
    stateProviders: () => stateProviders(binary, env, options.cwd),
    deactivation,
    ...options.overrides === void 0 ? {} : { overrides: options.overrides }
  });
  const paths = constructPaths(dir);
  const statuses = [...statusChanges(decided.changes)].map(
    ([address, deactivated]) => `${paths.get(address) ?? address} (${address}): ${deactivated ? "revoked: deactivated after the apply" : "no longer revoked: reactivated after the apply"}`
  );
  return { ...decided, notes: [...decided.notes, ...statuses], plan, paths };
}

// provider/cdktf/check.ts
function appEntry(dir) {
  const config = JSON.parse(readFileSync(join3(dir, "cdktf.json"), "utf8"));
  const words = (config.app ?? "").split(/\s+/).reverse();
  const file = words.find((w) => /\.[cm]?[jt]s$/.test(w) && existsSync3(resolve2(dir, w)));
  return resolve2(dir, file ?? "cdktf.json");
}
function failed(what, ran) {
  const output = `${String(ran.stdout)}${String(ran.stderr)}`.trim().split("\n").slice(-40).join("\n");
  return new Error(`${what} failed (exit ${ran.status ?? ran.signal}):
${output}`);
}
async function checkApp(dir, options = {}) {
  const appDir = resolve2(dir);
  if (!existsSync3(join3(appDir, "cdktf.json"))) throw new Error(`${dir}: no cdktf.json there (a CDKTF app's folder)`);
  const progress = options.progress ?? (() => void 0);
  const env = { ...options.env ?? process.env, [policyModeVariable]: "report" };
  const local = join3(appDir, "node_modules", ".bin", "cdktn");
  const cdktn = existsSync3(local) ? local : "cdktn";
  progress(`cdktn synth (${dir})`);
  const synth = spawnSync3(cdktn, ["synth"], { cwd: appDir, env, maxBuffer: 256 * 1024 * 1024 });
  if (synth.error !== void 0) throw new Error(`cdktn synth: ${synth.error.message} (install cdktn-cli in the app)`);
  if (synth.status !== 0) throw failed("cdktn synth", synth);
  const config = JSON.parse(readFileSync(join3(appDir, "cdktf.json"), "utf8"));
  const stacksDir = join3(appDir, config.output ?? "cdktf.out", "stacks");
  const stacks = existsSync3(stacksDir) ? readdirSync(stacksDir).filter((s) => existsSync3(join3(stacksDir, s, "cdk.tf.json"))) : [];
  const binary = realTerraform(env);
  const gated = { ...env, [`TF_VAR_${gateVariable.name}`]: gateVariable.value };
  const checked = [];
  for (const stack of stacks.sort()) {
    const stackDir = join3(stacksDir, stack);
    const scratch = mkdtempSync3(join3(tmpdir2(), "image-catalog-pr-check-"));
    try {
      progress(`${binary} init + plan (stack ${stack})`);
      const init = spawnSync3(binary, ["init", "-input=false", "-no-color"], { cwd: stackDir, env: gated, maxBuffer: 64 * 1024 * 1024 });
      if (init.status !== 0) throw failed(`${binary} init (stack ${stack})`, init);
      const planFile = join3(scratch, "plan.tfplan");
      const marked = {
        ...gated,
        [`TF_VAR_${marksVariable}`]: JSON.stringify(marksByPath(stackMarks(binary, gated, stackDir, false), stackDir))
      };
      const plan = spawnSync3(binary, ["plan", "-input=false", "-lock=false", "-no-color", `-out=${planFile}`], {
        cwd: stackDir,
        env: marked,
        maxBuffer: 256 * 1024 * 1024
      });
      if (plan.status !== 0) throw failed(`${binary} plan (stack ${stack})`, plan);
      const decided = await decidePlanFile(binary, planFile, gated, {
        cwd: stackDir,
        ...options.overrides === void 0 ? {} : { overrides: options.overrides }
      });
      const resources = synthesizedResources(stackDir, appDir);
      checked.push({
        stack,
        decision: decided.decision,
        changes: decided.changes.length,
        logged: decided.changes.map(loggedChange),
        notes: decided.notes,
        declaredAt: (address) => resources.get(configAddress(address))?.declaredAt,
        constructPath: (address) => resources.get(configAddress(address))?.path
      });
    } finally {
      rmSync3(scratch, { recursive: true, force: true });
    }
  }
  return checked;
}
export {
  appEntry,
  checkApp
};
