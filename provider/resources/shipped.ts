/** Files the package ships that more than one layer reads, by their place in the package (source and dist alike). */
import { fileURLToPath } from 'node:url';

/** The policy data, policies/data.json: the policy layer merges a stack's overrides over it; the SCS profile's values. */
export const shippedPolicyDataPath = fileURLToPath(new URL('../../policies/data.json', import.meta.url));
