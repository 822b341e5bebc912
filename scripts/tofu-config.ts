/**
 * The head of a tofu configuration with terraform-provider-openstack at its pinned version (scripts/versions.json),
 * for the benches and the tests that run tofu: the provider's source and version are read from the pin, never
 * written again.
 */
import { toolSpec } from './tools.js';

/** A configuration: terraform-provider-openstack at the pinned version, its provider block for `cloud`, then `body`. */
export function openstackConfiguration(body: string, cloud = 'platform'): string {
  const spec = toolSpec('terraform-provider-openstack');
  // The mirror address is host/namespace/type; a source names namespace/type (the host is the default registry).
  const source = (spec.mirror ?? '').split('/').slice(1).join('/');
  return [
    'terraform {',
    '  required_providers {',
    '    openstack = {',
    `      source  = "${source}"`,
    `      version = "${spec.version}"`,
    '    }',
    '  }',
    '}',
    '',
    'provider "openstack" {',
    `  cloud = "${cloud}"`,
    '}',
    '',
    body,
  ].join('\n');
}

/**
 * One openstack_images_image_v2 resource (HCL) making a raw image named `name` with `properties`: from `file`
 * (an upload), or from `url` (Glance's web-download import); `createTimeout` bounds its wait for active.
 */
export function imageResource(
  address: string,
  image: {
    readonly name: string;
    readonly file?: string;
    readonly url?: string;
    readonly properties: Readonly<Record<string, string>>;
    readonly visibility?: string;
    readonly createTimeout?: string;
  },
): string {
  return [
    `resource "openstack_images_image_v2" "${address}" {`,
    `  name             = "${image.name}"`,
    ...(image.url === undefined
      ? [`  local_file_path  = "${image.file ?? ''}"`]
      : [`  image_source_url = "${image.url}"`, '  web_download     = true']),
    ...(image.createTimeout === undefined ? [] : [`  timeouts {`, `    create = "${image.createTimeout}"`, '  }']),
    '  container_format = "bare"',
    '  disk_format      = "raw"',
    ...(image.visibility === undefined ? [] : [`  visibility       = "${image.visibility}"`]),
    '  properties = {',
    ...Object.entries(image.properties).map(([k, v]) => `    ${k} = "${v}"`),
    '  }',
    '}',
    '',
  ].join('\n');
}
