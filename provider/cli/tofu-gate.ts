/**
 * `image-catalog-tofu`: the Terraform binary for `cdktn deploy` / `cdktn destroy` (TERRAFORM_BINARY_NAME), which
 * decides every apply and destroy with the catalog policy before it happens (../cdktf/gate.ts). Exit codes are the
 * real binary's; 1 when the policy blocks; 2 when the gate could not decide (fail closed: nothing applied).
 */
import { runGate } from '../cdktf/gate.js';
import { overridesFromEnv } from '../policy/data.js';

if (process.argv[2] === '--help' || process.argv[2] === '-help') {
  process.stdout.write(
    [
      'Usage: image-catalog-tofu <terraform command> [args...]',
      '',
      'The Terraform binary for cdktn deploy / cdktn destroy: TERRAFORM_BINARY_NAME=image-catalog-tofu.',
      'apply and destroy become plan -> show -json -> the catalog policy -> apply of that plan;',
      'every other command runs the real binary (IMAGE_CATALOG_TERRAFORM, else tofu, else terraform on PATH).',
      'Exit 1 when the policy blocks the plan, 2 when it could not be decided (nothing is applied).',
      'IMAGE_CATALOG_POLICY_DATA: policy data overrides (YAML or JSON files, separated by :).',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

try {
  process.exitCode = await runGate(process.argv.slice(2), { self: process.argv[1] ?? '', overrides: overridesFromEnv() });
} catch (err) {
  process.stderr.write(`image-catalog gate: could not decide the plan, nothing was applied: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
