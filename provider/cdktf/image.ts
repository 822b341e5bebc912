/**
 * `CatalogImage`: a catalog image over terraform-provider-openstack's `openstack_images_image_v2`. Its shape is
 * the catalog's: the name is derived from os, osVersion, profile and version (`<os>-<osversion>-<profile>-v<version>`,
 * os_distro and os_version set from them), and the fields are validated with the same schema as the Pulumi Image
 * (schemas/image.schema.json) when the construct is made, naming the construct path, the field and the rule.
 *
 * What terraform-provider-openstack 3.4.0 cannot do is refused rather than dropped: pinned hashes (sha256,
 * sha512) and multi-store imports (stores, allStoresMustSucceed) have no attribute there. Deactivation
 * (`isDeactivated`, a revoked version) has none either: the construct records it in the resource's `//` metadata
 * ({@link deactivationKey}) and the gate decides it with the plan and sets it after the apply (./deactivation.ts).
 * `image_cache_path` is always set (its default lives in the user's home, so plans would differ between users),
 * and a file source is written relative to the stack's working folder (cdktf.out/stacks/<stack>), because
 * `local_file_path` replaces the image when it changes: an absolute path would differ between checkouts.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkInputs } from '../resources/schema.js';
import { creationMark, imageDescriptor, type ImageFields, type ImageInputs } from '../resources/image/image.js';
import { catalogImageName, familyPropertyConflict } from '../resources/versionLine.js';
import { App, Construct, TerraformStack, type ITerraformDependable } from './cdktn.js';
import { annotateConstruct } from './annotate.js';
import { deactivationKey, markDeclaration } from './declared.js';
import { requireGate } from './gate-variable.js';
import { marksVariable } from './marks.js';
import { ImagesImageV2 } from './openstack/images-image-v2/index.js';
import type { OpenstackProvider } from './openstack/provider/index.js';

/** Fields of the Image schema that terraform-provider-openstack 3.4.0 has no attribute for. */
const unsupported = {
  sha256: 'it cannot pin a hash of the data',
  sha512: 'it cannot pin a hash of the data',
  stores: 'it cannot import into chosen stores',
  allStoresMustSucceed: 'it cannot import into chosen stores',
} as const;

/** Props of {@link CatalogImage}: the family and version that make the name, then the Image's fields. */
export interface CatalogImageProps extends Omit<ImageFields, 'name' | 'diskFormat' | keyof typeof unsupported> {
  readonly os: string;
  readonly osVersion: string;
  readonly profile: string;
  /** `<major>.<minor>`. */
  readonly version: string;
  /** Default qcow2. */
  readonly diskFormat?: ImageFields['diskFormat'];
  /** Where terraform-provider-openstack caches downloaded data, relative to the stack's folder (default `.terraform/image-cache`). */
  readonly imageCachePath?: string;
  /**
   * How long the create may wait for the image to become active (its upload, or Glance's import of a url), as a
   * Terraform duration (default `30m`, terraform-provider-openstack's); when it passes, the apply fails and the
   * gate removes the half-made record.
   */
  readonly createTimeout?: string;
  /** The owner's provider (default: the stack's default openstack provider). */
  readonly provider?: OpenstackProvider;
  readonly dependsOn?: ITerraformDependable[];
}

/** A catalog image, validated by the catalog's schema, as `openstack_images_image_v2`. */
export class CatalogImage extends Construct {
  /** The image's name, `<os>-<osversion>-<profile>-v<version>`. */
  readonly name: string;
  /** The checked fields (defaults applied), as the policy sees them. */
  readonly inputs: ImageInputs;
  /** The Terraform resource. */
  readonly resource: ImagesImageV2;
  /** The provider it is applied with (undefined: the stack's default). */
  readonly provider: OpenstackProvider | undefined;

  constructor(scope: Construct, id: string, props: CatalogImageProps) {
    super(scope, id);
    const path = this.node.path;
    for (const key of Object.keys(props))
      if (Object.hasOwn(unsupported, key))
        throw new Error(
          `CatalogImage "${path}": ${key}: terraform-provider-openstack 3.4.0 has no such attribute: ` +
            `${unsupported[key as keyof typeof unsupported]} (rule: cdktf-unsupported)`,
        );
    const { os, osVersion, profile, version, imageCachePath, createTimeout, provider, dependsOn, ...fields } = props;
    // os_distro and os_version come from os and osVersion (they make the name): another value would be dropped.
    const conflict = familyPropertyConflict(fields.properties, { os, osVersion });
    if (conflict !== undefined)
      throw new Error(`CatalogImage "${path}": properties.${conflict}, which sets it and names the image (rule: const)`);
    this.name = catalogImageName({ os, osVersion, profile }, version);
    this.provider = provider;
    this.inputs = checkInputs(imageDescriptor.schema(), path, {
      ...fields,
      name: this.name,
      diskFormat: fields.diskFormat ?? 'qcow2',
      properties: { ...fields.properties, os_distro: os, os_version: osVersion },
    });
    requireGate(this);
    const inputs = this.inputs;
    // What the Pulumi path refuses at check (a source file that is not there), refused at synth: without it,
    // terraform-provider-openstack would make the record first and leave it queued.
    const source = inputs.source;
    if ('imported' in source)
      annotateConstruct(
        this,
        'error',
        'source.imported: an adopted image is not supported by the CDKTF layer yet (docs/adopt.md); declare its file or url source (rule: import)',
      );
    else
      for (const problem of imageDescriptor.localProblems?.(inputs) ?? [])
        annotateConstruct(this, 'error', `${problem.field}: ${problem.message} (rule: ${problem.rule})`);
    this.resource = new ImagesImageV2(this, 'image', {
      ...(provider === undefined ? {} : { provider }),
      ...(dependsOn === undefined ? {} : { dependsOn }),
      name: inputs.name,
      diskFormat: inputs.diskFormat,
      containerFormat: inputs.containerFormat,
      visibility: inputs.visibility,
      minDiskGb: inputs.minDisk,
      minRamMb: inputs.minRam,
      protected: inputs.isProtected,
      hidden: inputs.isHidden,
      tags: inputs.tags,
      properties: inputs.properties,
      imageCachePath: imageCachePath ?? '.terraform/image-cache',
      timeouts: { create: createTimeout ?? '30m' },
      ...('file' in source
        ? { localFilePath: stackRelative(this, source.file) }
        : 'url' in source
          ? { imageSourceUrl: source.url, webDownload: (source.method ?? 'web-download') === 'web-download' }
          : {}),
    });
    markDeclaration(this.resource);
    // Always written, false too: the gate manages deactivation only for the records a CatalogImage declares.
    this.resource.addOverride(`//.${deactivationKey}`, inputs.isDeactivated);
    // Written with the record, before any data: the gate recognises what an interrupted apply left (./marks.ts).
    this.resource.addOverride(`properties.${creationMark}`, `\${lookup(var.${marksVariable}, "${this.resource.node.path}", "")}`);
  }

  /** The image's id, once applied (a token in the configuration). */
  get imageId(): string {
    return this.resource.id;
  }
}

/** `file` (relative to the app's working folder) as seen from the stack's folder, where tofu runs. */
function stackRelative(scope: Construct, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(file);
  const app = App.of(scope);
  const stackDir = resolve(join(app.outdir, 'stacks', TerraformStack.of(scope).node.id));
  return relative(stackDir, absolute);
}
