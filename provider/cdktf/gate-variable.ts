/**
 * Fail closed without the gate: every stack with a catalog construct declares the root variable
 * `image_catalog_gate`, valid only with the value the gate sets (`TF_VAR_image_catalog_gate`, ./gate.ts). Its
 * default fails that validation on purpose (a variable without one would make cdktn ask for it, naming the
 * environment variable that bypasses the gate): `cdktn deploy` through plain tofu or terraform stops at plan, before
 * any API call, with the message below; through the gate (`TERRAFORM_BINARY_NAME`), the plan is decided first. A guard against deploying past the policy by mistake, not a security boundary: whoever
 * sets the variable by hand has chosen to.
 */
import { TerraformStack, TerraformVariable, type IConstruct } from './cdktn.js';
import { gateVariable } from './gate.js';
import { marksVariable } from './marks.js';

/** Declares the gate variable in the stack of `scope`, once. */
export function requireGate(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(gateVariable.name) !== undefined) return;
  const variable = new TerraformVariable(stack, gateVariable.name, {
    type: 'string',
    nullable: false,
    default: 'not-decided',
    description:
      'Set by the image-catalog gate once the catalog policy has allowed the plan: deploy with TERRAFORM_BINARY_NAME=image-catalog-tofu.',
    validation: [
      {
        condition: `\${var.${gateVariable.name} == "${gateVariable.value}"}`,
        errorMessage:
          'This stack is applied only through the image-catalog gate, which decides the plan with the catalog policy first: ' +
          'run cdktn deploy with TERRAFORM_BINARY_NAME=image-catalog-tofu (docs/cdktf.md).',
      },
    ],
  });
  variable.overrideLogicalId(gateVariable.name);
  // The creation marks the gate gives (./marks.ts): each CatalogImage reads its own into its record.
  const marks = new TerraformVariable(stack, marksVariable, {
    type: 'map(string)',
    default: {},
    description: 'Set by the image-catalog gate: the creation mark of each CatalogImage record, by construct path.',
  });
  marks.overrideLogicalId(marksVariable);
}
