/**
 * In-process evaluation of the catalog policy with @open-policy-agent/opa-wasm. The Wasm bytes are read once per
 * process and each engine instantiates them once with its policy data; `decide` then costs one evaluation.
 * Fail closed: an envelope that does not fit its schema, or a module that fails to evaluate, blocks.
 *
 * Memory: OPA's Wasm allocator never frees within an evaluation and grows its memory a little at a time, and each
 * growth costs more as the memory gets larger: an audit of 10,000 images takes about 220 MB, and growing to it from
 * the default 5 pages took three quarters of the first evaluation (5.5 s of 7). An envelope larger than the memory
 * it will likely need gets an instance whose memory starts at that size (the module's allocator takes the memory
 * size it starts with as its own; memory grown from JavaScript afterwards is not used): `initialPages`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as opaWasm from '@open-policy-agent/opa-wasm';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
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

/**
 * opa-wasm's synchronous load. Its ESM entry exports `loadPolicy` and, as its default, the CommonJS module that
 * also has `loadPolicySync`; its types declare `loadPolicySync` as an export of the entry (which it is not).
 */
const { loadPolicySync } = (opaWasm as unknown as { default: Pick<typeof opaWasm, 'loadPolicySync'> }).default;

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

/** OPA's Wasm page: 64 KiB. */
const pageBytes = 65_536;
/** The default memory of an instance (opa-wasm's own default: 5 pages). */
const defaultPages = 5;
/** At most 2 GiB (a Wasm32 memory holds 4). */
const maxPages = 32_768;

/** Below this much likely memory (64 MiB) growing costs little, and a new instance (about 150 ms) more. */
const growthPages = 1_024;

/**
 * The memory an instance should start with to evaluate an envelope of `inputBytes` (its JSON), in pages: what it
 * likely needs, about 64 times the input (measured: 220 MB for the 3.6 MB of a 10,000-image audit), when that is
 * more than 64 MiB; else the default (the allocator grows to it cheaply).
 */
export function initialPages(inputBytes: number): number {
  const likely = Math.ceil((inputBytes * 64) / pageBytes);
  return likely < growthPages ? defaultPages : Math.min(maxPages, likely);
}

/** An instance of the module with `pages` of memory to start with, and the policy data set. */
function instantiate(module: Uint8Array, data: PolicyData, pages: number): LoadedPolicy {
  try {
    const policy = loadPolicySync(module, { initial: pages });
    policy.setData(data);
    return policy;
  } catch (err) {
    throw new PolicyBundleError(`the policy bundle failed to instantiate: ${thrownMessage(err)}`);
  }
}

/** A loaded policy with its data: reuse one per process (or per stack). */
export class PolicyEngine {
  private constructor(
    /** The bundle's Wasm bytes (an instance with more memory is made from them). */
    private readonly module: Uint8Array,
    private policy: LoadedPolicy,
    /** The memory the instance started with, in pages. */
    private pages: number,
    /** The merged, validated policy data in force. */
    readonly data: PolicyData,
  ) {}

  /**
   * Loads the bundle (compiled once per process) and sets the data. Throws PolicyDataError for a bad override
   * and PolicyBundleError when the module cannot be loaded: callers treat both as a block.
   */
  static async load(options: EngineOptions = {}): Promise<PolicyEngine> {
    const data = loadPolicyData(options.overrides);
    const module = await (options.wasmPath === undefined ? (shipped ??= readModule(bundlePath)) : readModule(options.wasmPath));
    const policy = instantiate(module, data, defaultPages);
    if (!Object.prototype.hasOwnProperty.call(policy.entrypoints, entrypoint)) {
      throw new PolicyBundleError(`the policy bundle has no entrypoint ${entrypoint} (run npm run policy:build)`);
    }
    return new PolicyEngine(module, policy, defaultPages, data);
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
      const input = new TextEncoder().encode(JSON.stringify(envelope));
      // A large envelope (an audit) gets an instance with the memory it will likely need from the start (see above).
      const pages = initialPages(input.byteLength);
      if (pages > this.pages) {
        this.policy = instantiate(this.module, this.data, pages);
        this.pages = pages;
      }
      result = this.policy.evaluate(input.buffer, entrypoint);
    } catch (err) {
      throw new PolicyEvaluationError(`the policy failed to evaluate: ${thrownMessage(err)}`);
    }
    const decision = (result as { result?: Decision }[] | undefined)?.[0]?.result;
    if (decision === undefined)
      throw new PolicyEvaluationError('the policy returned no decision (is the bundle built with the catalog/main/decision entrypoint?)');
    return { ...decision, violations: [...decision.violations].sort(byViolation) };
  }
}
