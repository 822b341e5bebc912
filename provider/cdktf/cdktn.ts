/**
 * The one hand-written module of this layer that imports the CDK library: CDK Terrain (`cdktn`, the maintained
 * continuation of the archived `cdktf`, the same API renamed). Moving to another release line, or back to
 * `cdktf`, changes this import and regenerates the bindings (scripts/gen-bindings.ts); nothing else here names
 * the library. `constructs` is the construct model both build on.
 */
export {
  App,
  Aspects,
  DataResource,
  Fn,
  TerraformIterator,
  TerraformStack,
  TerraformVariable,
  Token,
  type IAspect,
  type ITerraformDependable,
  type TerraformProvider,
} from 'cdktn';
export { Construct, type IConstruct } from 'constructs';
