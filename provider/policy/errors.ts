/**
 * The policy layer's errors. opa-wasm throws strings (and sometimes plain objects), never Errors: every call
 * into it is wrapped so callers only ever see these classes.
 */

/** Base class: anything that stops the policy from deciding. */
export class PolicyError extends Error {
  override readonly name: string = 'PolicyError';
}

/** Policy data (data.json or a stack override) that does not fit schemas/policy-data.schema.json. */
export class PolicyDataError extends PolicyError {
  override readonly name = 'PolicyDataError';
  constructor(
    /** Where the bad data came from (a file path, or "policies/data.json"). */
    readonly source: string,
    /** Each problem as `field: message`. */
    readonly problems: readonly string[],
  ) {
    super(`policy data from ${source} is not valid (schemas/policy-data.schema.json):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The Wasm bundle could not be read or instantiated. */
export class PolicyBundleError extends PolicyError {
  override readonly name = 'PolicyBundleError';
}

/** The Wasm evaluation itself failed (opa-wasm threw). */
export class PolicyEvaluationError extends PolicyError {
  override readonly name = 'PolicyEvaluationError';
}

/** Turns whatever a library threw into a message. */
export function thrownMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}
