/**
 * The SCS-0102 image metadata (Sovereign Cloud Stack's image metadata standard), once for every layer: the values
 * the standard's checker accepts (Tests/iaas/scs_0102_image_metadata/image_metadata.py of
 * SovereignCloudStack/standards at 077174d9), the check of what a declaration gives, and the properties it makes.
 * A VersionLine fills them from its `scs` (../resources/versionLine.ts); a plain image spreads
 * {@link scsMetadata} into its `properties`. The policy's rule scs_0102 decides what is published (docs/policy.md).
 */
import { readFileSync } from 'node:fs';
import { isDate, utcToday } from './day.js';
import { shippedPolicyDataPath } from './shipped.js';
import type { LineScsFields } from './versionLine.types.js';

/**
 * The values the profile accepts, as the standard's checker has them: the shipped policy data
 * (policies/data.json, `image_catalog.scs_0102`), which the rule scs_0102 reads too.
 */
const values = (
  JSON.parse(readFileSync(shippedPolicyDataPath, 'utf8')) as {
    image_catalog: { scs_0102: { architectures: string[]; purposes: string[]; replace_frequencies: Record<string, number> } };
  }
).image_catalog.scs_0102;

/** `replace_frequency`: yearly, quarterly, monthly, weekly, daily, critical_bug, never. */
export const scsFrequencies: readonly string[] = Object.keys(values.replace_frequencies);
/** `architecture`: x86_64, aarch64, risc-v. */
export const scsArchitectures: readonly string[] = values.architectures;
/** What a declaration may give as `os_purpose` (`oldgeneric` is the line's own: an older version of a generic line). */
export const scsPurposes: readonly string[] = values.purposes.filter((purpose) => purpose !== 'oldgeneric');

/** The SCS-0102 values a line (or an image) declares once (schemas/versionLine.schema.json, `$defs/scs`). */
export type ScsValues = LineScsFields;

/** The SCS-0102 values of one image that is not a line's version ({@link scsMetadata}). */
export interface ScsImageValues extends LineScsFields {
  readonly description: string;
  /** `image_build_date`: the day the image was built, YYYY-MM-DD. */
  readonly buildDate: string;
  /** `image_source`: the url the image came from, or `private` (the default). */
  readonly source?: string;
  /** `provided_until`: YYYY-MM-DD, `none` (the default) or `notice`. */
  readonly providedUntil?: string;
  /** `uuid_validity`: `none` (the default), `notice`, `forever`, `last-N` or YYYY-MM-DD. */
  readonly uuidValidity?: string;
}

/** The standard's testcase of a property (`scs-0102-prop-replace_frequency`), named in each refusal. */
const testcase = (property: string): string => `scs-0102-prop-${property}`;

/** Checks the values every declaration gives; throws naming `where` (`VersionLine "x": scs`), the field and the rule. */
export function checkScsValues(where: string, scs: ScsValues): void {
  const oneOf = (field: string, property: string, value: string | undefined, allowed: readonly string[]): void => {
    if (value !== undefined && !allowed.includes(value))
      throw new Error(`${where}.${field}: "${value}" is not one of ${allowed.join(', ')} (rule: enum; ${testcase(property)})`);
  };
  oneOf('replaceFrequency', 'replace_frequency', scs.replaceFrequency, scsFrequencies);
  oneOf('architecture', 'architecture', scs.architecture, scsArchitectures);
  oneOf('purpose', 'os_purpose', scs.purpose, scsPurposes);
  if (scs.originalUser.trim() === '')
    throw new Error(
      `${where}.originalUser: empty; the user the image logs in as, or none (rule: minLength; ${testcase('image_original_user')})`,
    );
}

/** The properties fixed at publication, from the declared values (the line's or the image's). */
export function scsFixedProperties(scs: ScsValues, description: string, source: string | undefined): Record<string, string> {
  return {
    architecture: scs.architecture ?? 'x86_64',
    image_source: source ?? 'private',
    image_description: scs.description ?? description,
    image_original_user: scs.originalUser,
    replace_frequency: scs.replaceFrequency,
  };
}

/**
 * The SCS-0102 properties of a plain image (an `Image` or a `CatalogImage`), to spread into its `properties`:
 * `{ ...scsMetadata({ replaceFrequency: 'never', originalUser: 'cirros', buildDate: '2026-12-01', description: ... }) }`.
 * Throws naming the field, the rule and the standard's testcase when a value is not one the standard accepts
 * (`today`: the UTC day a build date may not be after).
 */
export function scsMetadata(scs: ScsImageValues, today: string = utcToday()): Record<string, string> {
  const where = `scsMetadata (${JSON.stringify(scs.description)})`;
  checkScsValues(where, scs);
  const refuse = (field: string, property: string, problem: string, rule: string): never => {
    throw new Error(`${where}.${field}: ${problem} (rule: ${rule}; ${testcase(property)})`);
  };
  if (scs.description.trim() === '') refuse('description', 'image_description', 'empty', 'minLength');
  if (!isDate(scs.buildDate))
    refuse('buildDate', 'image_build_date', `"${scs.buildDate}" is not a day of the calendar, YYYY-MM-DD`, 'format');
  if (scs.buildDate > today)
    refuse('buildDate', 'image_build_date', `${scs.buildDate} is in the future (today is ${today}, UTC)`, 'format');
  const until = scs.providedUntil ?? 'none';
  if (until !== 'none' && until !== 'notice' && !isDate(until))
    refuse('providedUntil', 'provided_until', `"${until}" is not YYYY-MM-DD, none or notice`, 'format');
  if (isDate(until) && until < scs.buildDate)
    refuse('providedUntil', 'provided_until', `${until} is before its buildDate ${scs.buildDate}`, 'lifecycle');
  const validity = scs.uuidValidity ?? 'none';
  if (!['none', 'notice', 'forever'].includes(validity) && !/^last-\d+$/.test(validity) && !isDate(validity))
    refuse('uuidValidity', 'uuid_validity', `"${validity}" is not none, notice, forever, last-N or YYYY-MM-DD`, 'format');
  const source = scs.source ?? 'private';
  if (source !== 'private' && !/^(https?|ftps?):\/\//.test(source))
    refuse('source', 'image_source', `"${source}" is not an http(s) or ftp(s) url, or private`, 'format');
  return {
    ...scsFixedProperties(scs, scs.description, source),
    os_purpose: scs.purpose ?? 'generic',
    image_build_date: scs.buildDate,
    provided_until: until,
    uuid_validity: validity,
  };
}
