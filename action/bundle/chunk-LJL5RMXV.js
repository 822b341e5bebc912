import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  essential
} from "./chunk-YCMZDLS2.js";
import {
  Session
} from "./chunk-XLIOZ4WR.js";
import {
  PolicyEngine,
  blocked,
  formatDecision
} from "./chunk-23GM6L4P.js";
import {
  PolicyBundleError,
  PolicyDataError,
  PolicyEvaluationError,
  readOverrideFile
} from "./chunk-AP7GKTRD.js";
import {
  CloudConfigError,
  ImageServiceError
} from "./chunk-AUYGMNHL.js";

// provider/cli/stack-options.ts
import { existsSync as existsSync2 } from "node:fs";
import { join, resolve } from "node:path";

// provider/cli/policy.ts
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
var UsageError = class extends Error {
};
function cloudSession(cloud) {
  try {
    return Session.forCloud(cloud);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
function isUnusableInput(err) {
  return err instanceof ImageServiceError || err instanceof CloudConfigError || err instanceof PolicyDataError || err instanceof PolicyEvaluationError;
}
function readInput(file) {
  let text;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`--input ${file}: cannot read it (${err.code ?? err.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    return { $unreadable: err.message };
  }
}
function readOverrides(files) {
  const overrides = [];
  for (const file of files) {
    try {
      overrides.push(readOverrideFile(file));
    } catch (err) {
      if (err instanceof PolicyDataError) throw new UsageError(err.message);
      throw new UsageError(`--data ${file}: cannot read it (${err.code ?? err.message})`);
    }
  }
  return overrides;
}
async function evalCommand(options) {
  const overrides = readOverrides(options.data ?? []);
  const input = readInput(options.input);
  let engine;
  try {
    engine = await PolicyEngine.load({ overrides });
  } catch (err) {
    if (err instanceof PolicyDataError) throw new UsageError(err.message);
    if (err instanceof PolicyBundleError) {
      return {
        decision: blocked(
          "(bundle)",
          [{ field: "", message: err.message }],
          "Reinstall image-catalog, or run npm run policy:build in a checkout."
        ),
        code: 1
      };
    }
    throw err;
  }
  const decision = typeof input === "object" && input !== null && "$unreadable" in input ? blocked(
    "(envelope)",
    [{ field: "", message: `--input ${options.input} is not JSON: ${String(input.$unreadable)}` }],
    "Pass the envelope as JSON."
  ) : engine.decide(input);
  return { decision, code: decision.allowed ? 0 : 1 };
}
function registerPolicy(program) {
  const policy = program.command("policy").description("The catalog policy bundle (Rego compiled to Wasm, evaluated in-process).");
  policy.command("eval").description(
    "Decide a change envelope (schemas/policy-input.schema.json) and print the decision as JSON: {allowed, violations: [{rule, level, address, field, message, remediation}]}. Exit 0 when allowed, 1 when blocked (a mandatory violation, an envelope that does not fit its schema, a bundle that fails to load), 2 for unusable arguments."
  ).requiredOption("--input <file>", 'the envelope as JSON ("-" for standard input)').option(
    "--data <file>",
    "policy data overrides (JSON or YAML), merged over policies/data.json; repeatable",
    (v, prev) => [...prev ?? [], v]
  ).option("--format <format>", "json (default, the stable contract) or text (one block per violation)", "json").action(async (options) => {
    if (options.format !== "json" && options.format !== "text") throw new UsageError(`--format ${options.format}: use json or text`);
    const { decision, code } = await evalCommand(options);
    process.stdout.write(options.format === "json" ? `${JSON.stringify(decision, null, 2)}
` : formatDecision(decision));
    process.exitCode = code;
  });
  policy.command("test").description(
    "Run Rego tests with `opa test` (the opa CLI on PATH; in a checkout of image-catalog, npm run toolchain builds it): by default the policies/ folder of the current directory. Extra arguments go to opa test."
  ).allowUnknownOption().option("--dir <dir>", "the folder of Rego policies and their tests", "policies").argument("[opa-args...]").action((args, options) => {
    if (!existsSync(options.dir)) throw new UsageError(`--dir ${options.dir}: no such folder`);
    const ran = spawnSync("opa", ["test", ...args, options.dir], { stdio: "inherit" });
    if (ran.error !== void 0)
      throw new UsageError(`opa is not on PATH (${ran.error.message}): install OPA 1.x, or run npm run toolchain in a checkout`);
    process.exitCode = ran.status ?? 1;
  });
}

// provider/cli/stack-options.ts
function withStackOptions(command) {
  return command.option("--cwd <dir>", "the project folder (its Pulumi.yaml)", ".").option("--stack <name>", "the stack", "dev").option("--state-dir <dir>", "a local file backend folder (default: the backend of PULUMI_BACKEND_URL or pulumi login)");
}
function stackTarget(options) {
  const cwd = resolve(options.cwd);
  if (!existsSync2(join(cwd, "Pulumi.yaml"))) throw new UsageError(`--cwd ${options.cwd}: no Pulumi.yaml there`);
  return { cwd, stack: options.stack, ...options.stateDir === void 0 ? {} : { stateDir: resolve(options.stateDir) } };
}
function stackFailure(err) {
  const message = essential(err instanceof Error ? err.message : String(err));
  const hint = /PULUMI_ACCESS_TOKEN|pulumi login/.test(message) ? "\n(the stack's backend: --state-dir DIR for a local folder, PULUMI_BACKEND_URL, or pulumi login)" : /no stack named/.test(message) ? "\n(the stack must exist in that backend: pulumi stack ls lists them, pulumi stack init makes one)" : /passphrase/i.test(message) ? "\n(the stack's secrets need its passphrase: PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE)" : "";
  return `${message}${hint}`;
}

export {
  UsageError,
  cloudSession,
  isUnusableInput,
  readOverrides,
  registerPolicy,
  withStackOptions,
  stackTarget,
  stackFailure
};
