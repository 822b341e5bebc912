/**
 * The resource types are generated from the schemas (scripts/gen-types.ts): each committed
 * provider/resources/<kind>/<kind>.types.ts is what the generator makes of schemas/<kind>.schema.json now.
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { kinds } from '../../provider/resources/kinds.js';
import { components, generateComponentTypes, generateTypes, typesFile } from '../../scripts/gen-types.js';

t.test("each kind's types file is current with its schema (else: npm run gen:types)", async (t) => {
  for (const kind of kinds) t.equal(readFileSync(typesFile(kind), 'utf8'), await generateTypes(kind), `${kind}.types.ts`);
  for (const component of components)
    t.equal(readFileSync(typesFile(component), 'utf8'), await generateComponentTypes(component), `${component}.types.ts`);
});

t.test('a field with a default is optional in Fields and present in Inputs', async (t) => {
  const text = await generateTypes('image');
  const fields = text.slice(text.indexOf('export interface ImageFields'), text.indexOf('export interface ImageInputs'));
  const inputs = text.slice(text.indexOf('export interface ImageInputs'), text.indexOf('export interface ImageOutputs'));
  t.match(fields, /readonly visibility\?: 'private'/, 'visibility (default private) is optional to declare');
  t.match(inputs, /readonly visibility: 'private'/, 'and always there after defaults');
  t.match(inputs, /readonly sha256\?: string/, 'a field without a default stays optional');
});
