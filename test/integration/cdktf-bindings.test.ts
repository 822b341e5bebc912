/**
 * The committed CDK Terrain bindings (provider/cdktf/openstack) are what scripts/gen-bindings.ts generates now from
 * terraform-provider-openstack's schema (tofu providers schema -json against the mirror): a version bump of the
 * provider or of @cdktn/provider-generator without `npm run gen:bindings` fails here.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import t from 'tap';
import { bindingsDir, generateBindings } from '../../scripts/gen-bindings.js';

function committed(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? committed(path) : [relative(bindingsDir, path)];
  });
}

t.test('the committed bindings are what the generator writes', async (t) => {
  const generated = await generateBindings();
  t.same(committed(bindingsDir).sort(), [...generated.keys()].sort(), 'the same files');
  for (const [path, text] of generated)
    t.equal(readFileSync(join(bindingsDir, path), 'utf8'), text, `${path} is current (npm run gen:bindings)`);
  t.ok([...generated.keys()].includes('images-image-access-accept-v2/index.ts'), 'the accept resource is among them');
});
