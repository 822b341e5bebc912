/**
 * `LineAcceptance`, in the consumer's own program: every version of a line that the owner project shares with this
 * project is accepted, as each version appears, with the consumer's credentials only (the platform's repository
 * declares the members and never holds them). Each run asks the plugin which versions are shared
 * (`getLineShares`: the line's tag and the owner, filtered by Glance) and declares one `ImageMemberAcceptance` per
 * version: a new version is an acceptance to create in the next preview and `up`; a version retention deleted, or
 * no longer shared after its end of life, leaves the list and its acceptance is dropped (the membership is gone with
 * it). Only the owner's images are accepted: any project can tag an image with a line's name.
 */
import * as pulumi from '@pulumi/pulumi';
import { getLineSharesOutput } from './functions.js';
import { ImageMemberAcceptance } from './resources.js';
import { componentToken } from './tokens.js';

/** Args of {@link LineAcceptance}. */
export interface LineAcceptanceArgs {
  /** The line, `<os>-<osversion>-<profile>` (such as `ubuntu-24.04-base`). */
  readonly line: string;
  /** The owner project's id (the platform team's): only its shares are accepted. */
  readonly owner: pulumi.Input<string>;
  /** This project's cloud (clouds.yaml; default: the provider's cloud, then OS_CLOUD / OS_*). */
  readonly cloud?: string;
}

/** The consumer's acceptance of a line (`image-catalog:index:LineAcceptance`). */
export class LineAcceptance extends pulumi.ComponentResource {
  /** The names of the versions accepted, in version order. */
  readonly accepted: pulumi.Output<string[]>;

  constructor(name: string, args: LineAcceptanceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentToken('lineAcceptance'), name, {}, opts);
    const cloud = args.cloud === undefined ? {} : { cloud: args.cloud };
    const shares = getLineSharesOutput({ line: args.line, owner: args.owner, ...cloud }, { parent: this });
    // The list is known in a preview too (an invoke runs in both), so each acceptance shows in the plan.
    this.accepted = shares.apply((found) =>
      found.images.map((image) => {
        new ImageMemberAcceptance(
          `${name}-v${image.version}`,
          { imageId: image.id, memberProjectId: found.project, status: 'accepted', ...cloud },
          { parent: this },
        );
        return image.name;
      }),
    );
    this.registerOutputs({ accepted: this.accepted });
  }
}
