import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  isYamlProject
} from "./chunk-Q7ESXLQ3.js";
import {
  UsageError,
  stackFailure,
  stackTarget,
  withStackOptions
} from "./chunk-LJL5RMXV.js";
import {
  formatDecision
} from "./chunk-23GM6L4P.js";

// provider/cli/preview.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

// provider/cli/pulumi-sdk.ts
async function loadAutomation() {
  try {
    return await import("./automation-QQKVWCK2.js");
  } catch (err) {
    if (err.code === "ERR_MODULE_NOT_FOUND" && err.message.includes("@pulumi/pulumi"))
      throw new UsageError("this command runs a Pulumi project: npm install @pulumi/pulumi (a peer dependency of image-catalog)");
    throw err;
  }
}

// provider/cli/preview.ts
async function previewPlan(target, program, options = {}) {
  const { openStack, previewStack } = await loadAutomation();
  const stack = await openStack(target, program, options.existing === true ? { existing: true } : {});
  const policy = options.policy;
  const config = stack.getAllConfig().then((all) => {
    if (policy === void 0) return all;
    const rest = Object.fromEntries(Object.entries(all).filter(([key]) => key !== "image-catalog:policy"));
    return policy.value === void 0 ? rest : { ...rest, "image-catalog:policy": { value: policy.value, secret: false } };
  });
  config.catch(() => void 0);
  const run = await previewStack(
    stack,
    {
      ...options.refresh === true ? { refresh: true } : {},
      // What a local preview decides with is said; pr-check decides with the base commit's data and says so itself.
      ...options.policy === void 0 ? { onNotice: (line) => process.stderr.write(`image-catalog preview: ${line}
`) } : {}
    },
    config
  );
  if (run.plan === void 0) {
    const why = run.errors.map((e) => e.message).join("\n") || (run.failure ?? "unknown failure");
    throw new Error(`pulumi preview failed:
${why}`);
  }
  const decisions = run.plan.decisions.map((d) => ({
    cloud: d.cloud,
    changes: d.changes.length,
    logged: d.changes,
    decision: d.decision,
    urns: Object.fromEntries(d.urns)
  }));
  return { decisions, refused: run.plan.refused, allowed: run.plan.allowed, steps: run.plan.steps };
}
async function loadProgram(file) {
  if (!existsSync(file)) throw new UsageError(`--program ${file}: no such file`);
  const main = (await import(pathToFileURL(file).href)).default;
  if (typeof main !== "function") throw new UsageError(`--program ${file}: its default export is not a function (the program)`);
  return main;
}
function registerPreview(program) {
  withStackOptions(program.command("preview")).description(
    "Preview a Pulumi project (Automation API; TypeScript, or Pulumi YAML through pulumi-language-yaml) and decide its whole plan (creates, updates, replaces and deletes) with the catalog policy, one envelope per cloud that applies changes. Exit 0 when allowed, 1 when blocked, 2 when the preview cannot run."
  ).option(
    "--program <file>",
    "the program module whose default export is the program (default: <cwd>/index.ts; a Pulumi YAML project needs none)"
  ).option("--format <format>", "text (default) or json (the decisions, and each resource's step: URN, type, op)", "text").option("--refresh", "read every resource from the Image Service first, so that drift (a hand edit) is in the plan").action(async (options) => {
    const target = stackTarget(options);
    const program2 = isYamlProject(target.cwd) ? void 0 : await loadProgram(resolve(target.cwd, options.program ?? "index.ts"));
    let plan;
    try {
      plan = await previewPlan(target, program2, { existing: true, refresh: options.refresh === true });
    } catch (err) {
      if (err instanceof UsageError) throw err;
      process.stderr.write(`image-catalog preview: ${stackFailure(err)}
`);
      process.exitCode = 2;
      return;
    }
    if (options.format === "json") process.stdout.write(`${JSON.stringify(plan, null, 2)}
`);
    else {
      const ops = /* @__PURE__ */ new Map();
      for (const step of plan.steps) ops.set(step.op, (ops.get(step.op) ?? 0) + 1);
      process.stdout.write(`plan: ${[...ops].map(([op, n]) => `${String(n)} ${op}`).join(", ") || "no resource"}
`);
      if (plan.decisions.length === 0) process.stdout.write("no change of an image-catalog resource to decide\n");
      for (const d of plan.decisions) {
        const listed = d.logged.map((c) => `  ${c.action.padEnd(7)} ${c.address}${c.name === void 0 ? "" : ` (${c.name})`}
`).join("");
        process.stdout.write(`# ${d.changes} change(s) applied by cloud ${d.cloud}
${listed}${formatDecision(d.decision)}
`);
      }
      for (const refusal of plan.refused) process.stdout.write(`refused: ${refusal}
`);
    }
    process.exitCode = plan.allowed ? 0 : 1;
  });
}

export {
  loadAutomation,
  previewPlan,
  loadProgram,
  registerPreview
};
