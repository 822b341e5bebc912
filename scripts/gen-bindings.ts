/**
 * `npm run gen:bindings`: the CDK Terrain bindings of terraform-provider-openstack (the pinned version,
 * scripts/versions.json) that provider/cdktf builds on, generated offline and committed under
 * provider/cdktf/openstack/.
 *
 * 1. The provider's schema from `tofu providers schema -json` in a scratch configuration initialised from the
 *    filesystem mirror only (toolEnv: the project's own TF_CLI_CONFIG_FILE, no registry).
 * 2. Trimmed to what the layer uses (`keep` below): the provider block, the three image resources and the two
 *    image data sources (the consumer's lookup and acceptance). The full
 *    schema generates about 200 resource classes (several MB) that nothing here needs.
 * 3. @cdktn/provider-generator's TerraformProviderGenerator (the code `cdktn get` runs) for the provider's
 *    fully-qualified source at `= <version>`, so the generated classes carry the version constraint into
 *    cdk.tf.json's required_providers, with `.js` relative imports (ESM, NodeNext). Its CommonJS
 *    `lazy-index.ts` is left out; each file gets a header naming this script.
 *
 * Rerun after a version bump of the provider or of @cdktn/provider-generator; the unit test
 * test/unit/cdktf-bindings.test.ts fails when the committed files differ from what this writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ConstructsMakerProviderTarget, Language, TerraformProviderConstraint } from '@cdktn/commons';
import { CodeMaker, TerraformProviderGenerator } from '@cdktn/provider-generator';
import { openstackConfiguration } from './tofu-config.js';
import { locateTool, repoRoot, toolEnv, toolSpec } from './tools.js';

/** Where the bindings live (committed). */
export const bindingsDir = join(repoRoot, 'provider', 'cdktf', 'openstack');

/** The resource types the layer uses (provider/cdktf/plan.ts decides these) and the data sources of the consumer constructs. */
const keep = {
  resources: ['openstack_images_image_v2', 'openstack_images_image_access_v2', 'openstack_images_image_access_accept_v2'],
  dataSources: ['openstack_images_image_v2', 'openstack_images_image_ids_v2'],
};

interface ProviderSchemas {
  format_version: string;
  provider_schemas: Record<
    string,
    { provider: unknown; resource_schemas?: Record<string, unknown>; data_source_schemas?: Record<string, unknown> }
  >;
}

/** The provider's schema, as tofu prints it, trimmed to `keep`. */
async function trimmedSchema(): Promise<ProviderSchemas> {
  const tofu = await locateTool('tofu');
  if (!tofu.ok) throw new Error(`tofu is needed (npm run toolchain builds it): ${tofu.reason}`);
  const env = await toolEnv();
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-bindings-'));
  try {
    writeFileSync(join(dir, 'main.tf'), openstackConfiguration(''));
    execFileSync(tofu.path, ['init', '-input=false', '-backend=false'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const full = JSON.parse(
      execFileSync(tofu.path, ['providers', 'schema', '-json'], { cwd: dir, env, maxBuffer: 256 * 1024 * 1024 }).toString(),
    ) as ProviderSchemas;
    const source = toolSpec('terraform-provider-openstack').mirror ?? '';
    const schema = full.provider_schemas[source];
    if (schema === undefined) throw new Error(`tofu's schema has no ${source} (it has ${Object.keys(full.provider_schemas).join(', ')})`);
    const pick = (all: Record<string, unknown> = {}, names: string[]): Record<string, unknown> =>
      Object.fromEntries(
        names.map((name) => {
          if (all[name] === undefined) throw new Error(`the provider's schema has no ${name}`);
          return [name, all[name]];
        }),
      );
    return {
      format_version: full.format_version,
      provider_schemas: {
        [source]: {
          provider: schema.provider,
          resource_schemas: pick(schema.resource_schemas, keep.resources),
          data_source_schemas: pick(schema.data_source_schemas, keep.dataSources),
        },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The generator's files for the trimmed schema, by path relative to the bindings folder. */
export async function generateBindings(): Promise<Map<string, string>> {
  const schema = await trimmedSchema();
  const spec = toolSpec('terraform-provider-openstack');
  const out = mkdtempSync(join(tmpdir(), 'image-catalog-bindings-out-'));
  try {
    const code = new CodeMaker();
    const generator = new TerraformProviderGenerator(code, schema as never, { importExtension: '.js' });
    const constraint = new TerraformProviderConstraint({ name: 'openstack', source: spec.mirror ?? '', version: `= ${spec.version}` });
    generator.generate(new ConstructsMakerProviderTarget(constraint, Language.TYPESCRIPT));
    await generator.save(out);
    const header =
      `// Generated by scripts/gen-bindings.ts (npm run gen:bindings) with @cdktn/provider-generator from\n` +
      `// terraform-provider-openstack ${spec.version}'s schema; do not edit.\n` +
      // Written for cdktn's own compiler settings (no exactOptionalPropertyTypes, noImplicitOverride): this
      // project's stricter ones would reject it; its types still serve the layer, and cdktn's tests cover the code.
      `// @ts-nocheck\n`;
    const files = new Map<string, string>();
    for (const file of filesUnder(out).filter((f) => f.endsWith('.ts') && !f.endsWith('lazy-index.ts'))) {
      files.set(relative(join(out, 'providers', 'openstack'), file), header + readFileSync(file, 'utf8'));
    }
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await generateBindings();
  rmSync(bindingsDir, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(bindingsDir, path);
    execFileSync('mkdir', ['-p', join(target, '..')]);
    writeFileSync(target, text);
  }
  process.stdout.write(`${files.size} file(s) written to ${relative(repoRoot, bindingsDir)}\n`);
}
