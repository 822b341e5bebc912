import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  UsageError,
  stackTarget,
  withStackOptions
} from "./chunk-J2VQIL27.js";
import {
  formatDecision
} from "./chunk-PLPHHBSF.js";
import {
  policyModeVariable
} from "./chunk-UUIIL456.js";

// provider/cli/preview.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

// provider/cli/pulumi-sdk.ts
async function loadAutomation() {
  try {
    return await import("./automation-LXF24PWE.js");
  } catch (err) {
    if (err.code === "ERR_MODULE_NOT_FOUND" && err.message.includes("@pulumi/pulumi"))
      throw new UsageError("this command runs a Pulumi project: npm install @pulumi/pulumi (a peer dependency of image-catalog)");
    throw err;
  }
}

// provider/cli/preview.ts
async function previewPlan(target, program, options = {}) {
  const { asThePlugin, decidePlanned, openStack, planChanges, runStack, warmUp } = await loadAutomation();
  const stack = await openStack({ ...target, env: { ...target.env, [policyModeVariable]: "report" } }, program, options);
  const steps = [];
  const collect = (event) => {
    const step = event.resourcePreEvent?.metadata;
    if (step !== void 0) steps.push(step);
  };
  const config = stack.getAllConfig();
  const warm = warmUp();
  const run = await runStack(stack, "preview", { onEvent: collect, decidePlan: false });
  await warm;
  if (!run.ok) {
    const why = run.errors.map((e) => e.message).join("\n") || (run.failure ?? "unknown failure");
    throw new Error(`pulumi preview failed:
${why}`);
  }
  const decisions = await asThePlugin(
    stack,
    async () => {
      const byCloud = /* @__PURE__ */ new Map();
      for (const { cloud, change } of await planChanges(steps)) {
        const key = cloud ?? "";
        byCloud.set(key, [...byCloud.get(key) ?? [], change]);
      }
      const decided = [];
      for (const [cloud, changes] of byCloud) {
        decided.push({
          cloud: cloud === "" ? "(stack default)" : cloud,
          changes: changes.length,
          decision: await decidePlanned(cloud === "" ? void 0 : cloud, changes)
        });
      }
      return decided;
    },
    config
  );
  return { decisions, allowed: decisions.every((d) => d.decision.allowed) };
}
async function loadProgram(file) {
  if (!existsSync(file)) throw new UsageError(`--program ${file}: no such file`);
  const main = (await import(pathToFileURL(file).href)).default;
  if (typeof main !== "function") throw new UsageError(`--program ${file}: its default export is not a function (the program)`);
  return main;
}
function registerPreview(program) {
  withStackOptions(program.command("preview")).description(
    "Preview a Pulumi project (Automation API) and decide its whole plan (creates, updates, replaces and deletes) with the catalog policy, one envelope per cloud that applies changes. Exit 0 when allowed, 1 when blocked, 2 when the preview cannot run."
  ).option("--program <file>", "the program module whose default export is the program (default: <cwd>/index.ts)").option("--format <format>", "text (default) or json (the decisions)", "text").action(async (options) => {
    const target = stackTarget(options);
    const program2 = await loadProgram(resolve(target.cwd, options.program ?? "index.ts"));
    let plan;
    try {
      plan = await previewPlan(target, program2);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      process.stderr.write(`${err.message}
`);
      process.exitCode = 2;
      return;
    }
    if (options.format === "json") process.stdout.write(`${JSON.stringify(plan, null, 2)}
`);
    else if (plan.decisions.length === 0) process.stdout.write("no change of an image-catalog resource: nothing to decide\n");
    else
      for (const d of plan.decisions)
        process.stdout.write(`# ${d.changes} change(s) applied by cloud ${d.cloud}
${formatDecision(d.decision)}
`);
    process.exitCode = plan.allowed ? 0 : 1;
  });
}

export {
  loadAutomation,
  previewPlan,
  loadProgram,
  registerPreview
};
