import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  parsePosition
} from "./chunk-JPHF7VO4.js";
import {
  configAddress,
  decidePlan
} from "./chunk-KMKX5TTE.js";
import "./chunk-Y6GIX5SK.js";
import "./chunk-2LACPHUB.js";
import "./chunk-BVGTLBDI.js";
import {
  policyModeVariable
} from "./chunk-PBXZCANS.js";
import "./chunk-RW4AZMZI.js";
import "./chunk-UXAMSLRZ.js";

// provider/cdktf/check.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import { existsSync as existsSync3, mkdtempSync as mkdtempSync2, readdirSync, readFileSync as readFileSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, resolve as resolve2 } from "node:path";

// provider/cdktf/declared.ts
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
var declarationKey = "image_catalog_declared_at";
function synthesizedResources(dir, appDir = process.cwd()) {
  const found = /* @__PURE__ */ new Map();
  const file = resolve(dir, "cdk.tf.json");
  if (!existsSync(file)) return found;
  const config = JSON.parse(readFileSync(file, "utf8"));
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

// provider/cdktf/gate.ts
import { spawn, spawnSync } from "node:child_process";
import { existsSync as existsSync2, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
var gateVariable = { name: "image_catalog_gate", value: "decided-by-image-catalog" };
function realTerraform(env = process.env, self) {
  const explicit = env["IMAGE_CATALOG_TERRAFORM"];
  if (explicit !== void 0 && explicit !== "") return explicit;
  const own = self === void 0 ? void 0 : realpathSync(self);
  for (const name of ["tofu", "terraform"]) {
    for (const dir of (env["PATH"] ?? "").split(delimiter).filter((d) => d !== "")) {
      const candidate = join(dir, name);
      if (existsSync2(candidate) && realpathSync(candidate) !== own) return candidate;
    }
  }
  throw new Error("image-catalog-tofu: neither tofu nor terraform is on PATH; set IMAGE_CATALOG_TERRAFORM to the binary");
}
function stateProviders(binary, env, cwd) {
  const pulled = spawnSync(binary, ["state", "pull"], { env, maxBuffer: 1024 * 1024 * 1024, ...cwd === void 0 ? {} : { cwd } });
  const providers = /* @__PURE__ */ new Map();
  if (pulled.status !== 0 || pulled.stdout.length === 0) return providers;
  const state = JSON.parse(pulled.stdout.toString());
  for (const r of state.resources ?? []) if (r.mode !== "data" && r.module === void 0) providers.set(`${r.type}.${r.name}`, r.provider);
  return providers;
}
async function decidePlanFile(binary, planFile, env, options = {}) {
  const cwd = options.cwd === void 0 ? {} : { cwd: options.cwd };
  const shown = spawnSync(binary, ["show", "-json", planFile], { env, maxBuffer: 1024 * 1024 * 1024, ...cwd });
  if (shown.status !== 0) throw new Error(`${binary} show -json failed: ${shown.stderr.toString()}`);
  return decidePlan(JSON.parse(shown.stdout.toString()), {
    stateProviders: () => stateProviders(binary, env, options.cwd),
    ...options.overrides === void 0 ? {} : { overrides: options.overrides }
  });
}

// provider/cdktf/check.ts
function appEntry(dir) {
  const config = JSON.parse(readFileSync2(join2(dir, "cdktf.json"), "utf8"));
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
  if (!existsSync3(join2(appDir, "cdktf.json"))) throw new Error(`${dir}: no cdktf.json there (a CDKTF app's folder)`);
  const progress = options.progress ?? (() => void 0);
  const env = { ...options.env ?? process.env, [policyModeVariable]: "report" };
  const local = join2(appDir, "node_modules", ".bin", "cdktn");
  const cdktn = existsSync3(local) ? local : "cdktn";
  progress(`cdktn synth (${dir})`);
  const synth = spawnSync2(cdktn, ["synth"], { cwd: appDir, env, maxBuffer: 256 * 1024 * 1024 });
  if (synth.error !== void 0) throw new Error(`cdktn synth: ${synth.error.message} (install cdktn-cli in the app)`);
  if (synth.status !== 0) throw failed("cdktn synth", synth);
  const config = JSON.parse(readFileSync2(join2(appDir, "cdktf.json"), "utf8"));
  const stacksDir = join2(appDir, config.output ?? "cdktf.out", "stacks");
  const stacks = existsSync3(stacksDir) ? readdirSync(stacksDir).filter((s) => existsSync3(join2(stacksDir, s, "cdk.tf.json"))) : [];
  const binary = realTerraform(env);
  const gated = { ...env, [`TF_VAR_${gateVariable.name}`]: gateVariable.value };
  const checked = [];
  for (const stack of stacks.sort()) {
    const stackDir = join2(stacksDir, stack);
    const scratch = mkdtempSync2(join2(tmpdir(), "image-catalog-pr-check-"));
    try {
      progress(`${binary} init + plan (stack ${stack})`);
      const init = spawnSync2(binary, ["init", "-input=false", "-no-color"], { cwd: stackDir, env: gated, maxBuffer: 64 * 1024 * 1024 });
      if (init.status !== 0) throw failed(`${binary} init (stack ${stack})`, init);
      const planFile = join2(scratch, "plan.tfplan");
      const plan = spawnSync2(binary, ["plan", "-input=false", "-lock=false", "-no-color", `-out=${planFile}`], {
        cwd: stackDir,
        env: gated,
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
        notes: decided.notes,
        declaredAt: (address) => resources.get(configAddress(address))?.declaredAt,
        constructPath: (address) => resources.get(configAddress(address))?.path
      });
    } finally {
      rmSync2(scratch, { recursive: true, force: true });
    }
  }
  return checked;
}
export {
  appEntry,
  checkApp
};
