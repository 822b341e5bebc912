/**
 * The decision the policy returns, and its human-readable form.
 */

/** Rule ids, as the policy's METADATA declares them (custom.id). */
export const ruleIds = [
  'naming',
  'versioning',
  'immutability',
  'public_visibility',
  'required_metadata',
  'input',
  'policy_change',
  'sharing',
  'lifecycle',
  'channels',
  'consumption',
  'consumption_deprecated',
  'scs_0102',
] as const;
export type RuleId = (typeof ruleIds)[number];

/** Levels a reported violation can have (disabled ones are never reported). */
export type Level = 'mandatory' | 'advisory';

/** One violation. */
export interface Violation {
  readonly rule: RuleId;
  readonly level: Level;
  /** The resource's address in the envelope ("(envelope)" for the envelope itself). */
  readonly address: string;
  /** The field, dotted (`properties.os_version`), "" when the whole document is at fault. */
  readonly field: string;
  readonly message: string;
  readonly remediation: string;
}

/** The decision: allowed when no violation is mandatory. */
export interface Decision {
  readonly allowed: boolean;
  readonly violations: readonly Violation[];
}

/** A decision that blocks with `input` violations (fail closed), for what the policy could not evaluate. */
export function blocked(address: string, problems: readonly { field: string; message: string }[], remediation: string): Decision {
  return {
    allowed: false,
    violations: problems.map((p) => ({ rule: 'input', level: 'mandatory', address, field: p.field, message: p.message, remediation })),
  };
}

/**
 * One block per violation, mandatory first:
 *
 *   ✖ mandatory  naming  image.v11  name
 *     name "x" does not follow <os>-<osversion>-<profile>-v<major>.<minor>
 *     fix: Name the image ...
 */
export function formatDecision(decision: Decision): string {
  const order = (v: Violation): number => (v.level === 'mandatory' ? 0 : 1);
  const blocks = [...decision.violations]
    .sort((a, b) => order(a) - order(b) || a.address.localeCompare(b.address) || a.rule.localeCompare(b.rule))
    .map((v) =>
      [
        `${v.level === 'mandatory' ? '✖' : '!'} ${v.level}  ${v.rule}  ${v.address}${v.field === '' ? '' : `  ${v.field}`}`,
        `  ${v.message}`,
        `  fix: ${v.remediation}`,
      ].join('\n'),
    );
  const mandatory = decision.violations.filter((v) => v.level === 'mandatory').length;
  const advisory = decision.violations.length - mandatory;
  const verdict = decision.allowed
    ? `allowed${advisory > 0 ? ` with ${advisory} advisory violation${advisory === 1 ? '' : 's'}` : ''}`
    : `blocked by ${mandatory} mandatory violation${mandatory === 1 ? '' : 's'}${advisory > 0 ? ` (and ${advisory} advisory)` : ''}`;
  return [...blocks, `policy: ${verdict}`].join('\n\n') + '\n';
}
