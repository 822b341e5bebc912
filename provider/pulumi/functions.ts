/**
 * The provider's functions, for consumer programs: `getImage` asks the plugin (its Invoke, token
 * `image-catalog:index:getImage`) which image a version line's channel points at, as the caller's cloud sees it
 * (../resources/lookup.ts). It runs at every preview and `up`, so a program that boots from `stable` follows the
 * channel when the platform team moves it (docs/consumers.md).
 */
import * as pulumi from '@pulumi/pulumi';
import type { LineShares, LineSharesQuery, LookupQuery, LookupResult } from '../resources/lookup.js';
import { functionToken } from './tokens.js';

/** Arguments of {@link getImage}: the line, the channel (default latest), the owner to trust, the cloud to look with. */
export interface GetImageArgs extends LookupQuery {
  /** The clouds.yaml cloud to look with (default: the provider's cloud, then OS_CLOUD / OS_*). */
  readonly cloud?: string;
}

/** What {@link getImage} returns. */
export type GetImageResult = LookupResult;

/** The image a line's channel points at; fails saying why when there is none (no such line, empty channel, revoked). */
export function getImage(args: GetImageArgs, opts?: pulumi.InvokeOptions): Promise<GetImageResult> {
  return pulumi.runtime.invoke(functionToken('getImage'), { ...args }, opts) as Promise<GetImageResult>;
}

/** {@link getImage} as an Output, taking Inputs (a channel from config, an owner from a stack reference). */
export function getImageOutput(
  args: { readonly [K in keyof GetImageArgs]: pulumi.Input<GetImageArgs[K]> },
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetImageResult> {
  return pulumi.runtime.invokeOutput<GetImageResult>(functionToken('getImage'), { ...args }, opts);
}

/** Arguments of {@link getLineShares}: the line, the owner whose shares count, the member project's cloud. */
export interface GetLineSharesArgs extends LineSharesQuery {
  /** The clouds.yaml cloud of the member project (default: the provider's cloud, then OS_CLOUD / OS_*). */
  readonly cloud?: string;
}

/** Every version of a line the owner shares with the caller's project, accepted or not (what LineAcceptance accepts). */
export function getLineSharesOutput(
  args: { readonly [K in keyof GetLineSharesArgs]: pulumi.Input<GetLineSharesArgs[K]> },
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<LineShares> {
  return pulumi.runtime.invokeOutput<LineShares>(functionToken('getLineShares'), { ...args }, opts);
}
