/**
 * In-process evaluation of the catalog policy with @open-policy-agent/opa-wasm. The Wasm bytes are read once per
 * process and each engine instantiates them once with its policy data; `decide` then costs one evaluation.
 * Fail closed: an envelope that does not fit its schema, or a module that fails to evaluate, blocks.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { loadPolicyData, type PolicyData, type PolicyDataOverride } from './data.js';
import { blocked, type Decision, type Violation } from './decision.js';
import { checkEnvelope, narrowCatalog, type Envelope } from './envelope.js';
import { PolicyBundleError, PolicyEvaluationError, thrownMessage } from './errors.js';

/**
 * The order of a decision's violations: as Rego orders objects (by their keys in order: address, field, level,
 * message, remediation, rule). The policy leaves them unordered: sorting thousands of objects in Wasm costs seconds.
 */
function byViolation(a: Violation, b: Violation): number {
  for (const key of ['address', 'field', 'level', 'message', 'remediation', 'rule'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

/** The shipped bundle: policies compiled by `npm run policy:build` (opa build -t wasm). */
export const bundlePath = fileURLToPath(new URL('../../policies/build/catalog.wasm', import.meta.url));

/** The entrypoint the bundle is built with. */
export const entrypoint = 'catalog/main/decision';

const envelopeRemediation = 'Build the envelope with image-catalog; schemas/policy-input.schema.json describes it.';

let shipped: Promise<Uint8Array> | undefined;

async function readModule(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new PolicyBundleError(`the policy bundle ${path} failed to load: ${thrownMessage(err)} (run npm run policy:build)`);
  }
}

/** Options of {@link PolicyEngine.load}. */
export interface EngineOptions {
  /** Per-stack overrides merged over policies/data.json, in order. */
  readonly overrides?: readonly PolicyDataOverride[];
  /** Another Wasm module (tests); default: the shipped bundle. */
  readonly wasmPath?: string;
}

/** A loaded policy with its data: reuse one per process (or per stack). */
export class PolicyEngine {
  private constructor(
    private readonly policy: LoadedPolicy,
    /** The merged, validated policy data in force. */
    readonly data: PolicyData,
  ) {}

  /**
   * Loads the bundle (compiled once per process) and sets the data. Throws PolicyDataError for a bad override
   * and PolicyBundleError when the module cannot be loaded: callers treat both as a block.
   */
  static async load(options: EngineOptions = {}): Promise<PolicyEngine> {
    const data = loadPolicyData(options.overrides);
    const bytes = options.wasmPath === undefined ? (shipped ??= readModule(bundlePath)) : readModule(options.wasmPath);
    let policy: LoadedPolicy;
    try {
      policy = await loadPolicy(await bytes);
      policy.setData(data);
    } catch (err) {
      if (err instanceof PolicyBundleError) throw err;
      throw new PolicyBundleError(`the policy bundle failed to instantiate: ${thrownMessage(err)}`);
    }
    if (!Object.prototype.hasOwnProperty.call(policy.entrypoints, entrypoint)) {
      throw new PolicyBundleError(`the policy bundle has no entrypoint ${entrypoint} (run npm run policy:build)`);
    }
    return new PolicyEngine(policy, data);
  }

  /**
   * Decides an envelope: checks it against its schema (a misfit blocks with `input` violations, without
   * evaluating), narrows the catalog to what the rules can see, and evaluates once.
   */
  decide(candidate: unknown): Decision {
    const checked = checkEnvelope(candidate);
    if (!checked.ok) return blocked('(envelope)', checked.problems, envelopeRemediation);
    return this.evaluate(narrowCatalog(checked.envelope));
  }

  /** Evaluates an envelope as is (no schema check, no narrowing): what `opa eval` would answer. */
  evaluate(envelope: Envelope): Decision {
    let result: unknown;
    try {
      // opa-wasm skips an input that is falsy (`if (input)`): false, 0, "" or null would be evaluated as no input
      // at all. Its JSON text as an ArrayBuffer is always passed through.
      result = this.policy.evaluate(new TextEncoder().encode(JSON.stringify(envelope)).buffer, entrypoint);
    } catch (err) {
      throw new PolicyEvaluationError(`the policy failed to evaluate: ${thrownMessage(err)}`);
    }
    const decision = (result as { result?: Decision }[] | undefined)?.[0]?.result;
    if (decision === undefined)
      throw new PolicyEvaluationError('the policy returned no decision (is the bundle built with the catalog/main/decision entrypoint?)');
    return { ...decision, violations: [...decision.violations].sort(byViolation) };
  }
}
