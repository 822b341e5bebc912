/**
 * The catalog rules as their Rego METADATA declares them (title, description, remediation), extracted by
 * `npm run policy:build` into policies/build/rules.json beside the Wasm bundle: the reports that list rules (SARIF)
 * read them here, so a rule's text lives in its .rego file only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleId } from './decision.js';

/** Where the rule list ships. */
export const rulesPath = fileURLToPath(new URL('../../policies/build/rules.json', import.meta.url));

/** One rule: its package METADATA and where that is declared (repository-relative). */
export interface CatalogRule {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly remediation: string;
  readonly source: { readonly file: string; readonly line: number };
}

let loaded: readonly (CatalogRule & { readonly id: RuleId })[] | undefined;

/** The shipped rule list, in id order. */
export function catalogRules(): readonly (CatalogRule & { readonly id: RuleId })[] {
  return (loaded ??= JSON.parse(readFileSync(rulesPath, 'utf8')) as (CatalogRule & { id: RuleId })[]);
}
