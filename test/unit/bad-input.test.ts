/**
 * Bad input, generated (fast-check) from each resource's JSON Schema: every invalid input is refused by the
 * kind's create with an error naming the resource, the field and the rule, with zero requests (a session whose
 * transport counts them), no crash and no hang; every valid variation passes validation. Credentials: any
 * clouds.yaml text that holds a password gives either a cloud or one line that does not hold it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import t from 'tap';
import { resolveCloud } from '../../provider/client/config.js';
import { CloudConfigError } from '../../provider/client/errors.js';
import { Session } from '../../provider/client/session.js';
import { kindDescriptors, kinds, type Kind } from '../../provider/resources/kinds.js';
import { checkInputs, ResourceInputError } from '../../provider/resources/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'image-catalog-bad-input-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'disk.raw');
writeFileSync(file, 'data');

/** A valid input of each kind (the generated ones vary it). */
const valid: Readonly<Record<Kind, Record<string, unknown>>> = {
  image: {
    name: 'ubuntu-24.04-base-v1.0',
    diskFormat: 'raw',
    source: { file },
    properties: { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'base' },
  },
  member: { imageId: '0b7d4c1e-5a2f-4c9e-8f00-3d2b1a0c9e8f', memberProjectId: '0123456789abcdef0123456789abcdef' },
  acceptance: { imageId: '0b7d4c1e-5a2f-4c9e-8f00-3d2b1a0c9e8f', memberProjectId: '0123456789abcdef0123456789abcdef', status: 'accepted' },
  store: { id: 'fast2', type: 'file', configDir: dir, reloadCommand: ['true'], options: { dataDir: dir } },
};

type Spec = Readonly<Record<string, unknown>>;

/** The schema's top-level fields of a kind, with their specs and whether they are required. */
function fieldsOf(kind: Kind): { name: string; spec: Spec; required: boolean }[] {
  const document = kindDescriptors[kind].schema().document as { properties: Record<string, Spec>; required?: string[] };
  return Object.entries(document.properties).map(([name, spec]) => ({ name, spec, required: (document.required ?? []).includes(name) }));
}

/** A value of the wrong JSON type for a field's spec (its type, enum, pattern or oneOf cannot take it). */
function wrongValue(spec: Spec): unknown {
  switch (spec['type']) {
    case 'boolean':
      return 'yes';
    case 'integer':
    case 'number':
      return 'ten';
    case 'array':
      return 'not-a-list';
    case 'object':
      return 'not-an-object';
    default:
      return 12345;
  }
}

/** A session that can reach nothing, counting what it tries: any request at all fails the property. */
function countingSession(): Session {
  return new Session({
    source: 'bad-input test',
    authUrl: 'http://127.0.0.1:9/v3',
    auth: { type: 'password', username: 'u', password: 'p' },
    scope: { kind: 'project', id: 'p' },
    interface: 'public',
    insecure: false,
    endpointOverrides: {},
  });
}

/** Creates with `raw` and returns the refusal (a create that went on would have made a request). */
async function refusal(kind: Kind, raw: Record<string, unknown>): Promise<{ error: unknown; requests: number }> {
  const session = countingSession();
  try {
    const error = await kindDescriptors[kind].create(session, 'gen', raw, {}).then(
      () => new Error('the create went through'),
      (err: unknown) => err,
    );
    return { error, requests: session.transport.requests };
  } finally {
    await session.close();
  }
}

const runs = { numRuns: 60, interruptAfterTimeLimit: 20_000 };
let tried = 0;

for (const kind of kinds) {
  const fields = fieldsOf(kind);
  const names = new Set(fields.map((f) => f.name));

  t.test(
    `${kind}: a field of the wrong type, a missing required field or an unknown field is refused, naming it, with no request`,
    async (t) => {
      const mutation = fc.oneof(
        fc.constantFrom(...fields).map((f) => ({ field: f.name, raw: { ...valid[kind], [f.name]: wrongValue(f.spec) } })),
        fc.constantFrom(...fields.filter((f) => f.required)).map((f) => {
          const raw = { ...valid[kind] };
          Reflect.deleteProperty(raw, f.name);
          return { field: f.name, raw };
        }),
        fc
          .stringMatching(/^[a-z][A-Za-z0-9]{0,12}$/)
          .filter((n) => !names.has(n))
          .map((n) => ({ field: n, raw: { ...valid[kind], [n]: 'x' } })),
      );
      await fc.assert(
        fc.asyncProperty(mutation, async ({ field, raw }) => {
          tried += 1;
          const { error, requests } = await refusal(kind, raw);
          if (!(error instanceof ResourceInputError)) throw new Error(`not refused as bad input: ${String(error)}`);
          if (!error.message.startsWith('gen: ') && !error.message.includes('"gen"')) throw new Error(`no resource name: ${error.message}`);
          if (!error.problems.some((p) => p.field === field || p.field.startsWith(`${field}.`)))
            throw new Error(`field ${field} not named: ${error.message}`);
          if (!/\(rule: [a-zA-Z]+\)/.test(error.message)) throw new Error(`no rule: ${error.message}`);
          if (requests !== 0) throw new Error(`${requests} request(s) made`);
        }),
        runs,
      );
      t.pass(`every generated bad ${kind} input was refused before any request`);
    },
  );
}

t.test('image: any property value passes unless it holds a 4-byte character, which is refused naming the property', (t) => {
  const schema = kindDescriptors.image.schema();
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/), (value, key) => {
      tried += 1;
      const raw = { ...valid.image, properties: { ...(valid.image['properties'] as object), [`x_${key}`]: value } };
      const astral = Array.from(value).some((c) => (c.codePointAt(0) ?? 0) > 0xffff);
      try {
        checkInputs(schema, 'gen', raw);
        return !astral;
      } catch (err) {
        return (
          astral && err instanceof ResourceInputError && err.problems.some((p) => p.field === `properties.x_${key}` && p.rule === 'format')
        );
      }
    }),
    { numRuns: 300 },
  );
  t.pass('valid values pass, 4-byte ones are refused');
  t.end();
});

t.test('image: valid variations of name, sizes and tags pass validation', (t) => {
  const schema = kindDescriptors.image.schema();
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 255 }),
      fc.nat(),
      fc.nat(),
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }),
      (name, minDisk, minRam, tags) => {
        tried += 1;
        checkInputs(schema, 'gen', { ...valid.image, name, minDisk, minRam, tags });
      },
    ),
    { numRuns: 200 },
  );
  t.pass('no valid variation is refused');
  t.end();
});

t.test('clouds.yaml text holding a password gives a cloud or one line without the password, never a crash', (t) => {
  const secret = 'Pa55-w0rd-never-shown';
  const path = join(dir, 'clouds.yaml');
  const text = fc
    .tuple(
      fc.constantFrom('clouds:\n  c:\n    auth:\n', 'clouds:\n  c:\n', 'clouds: [\n', '', 'c:\n  auth:\n'),
      fc.array(
        fc.constantFrom('      auth_url: http://k\n', '      username: u\n', '      project_id: p\n', '  : x\n', '\t', '"', '{', '- '),
      ),
      fc.constantFrom(
        `      password: ${secret}\n`,
        `      password: "${secret}\n`,
        `      password: ${secret}: x\n`,
        `password ${secret}\n`,
      ),
      fc.array(fc.constantFrom('      user_domain_name: D\n', '    region_name: R\n', ']', '}', ': :\n')),
    )
    .map(([head, before, password, after]) => `${head}${before.join('')}${password}${after.join('')}`);
  fc.assert(
    fc.property(text, (yaml) => {
      tried += 1;
      writeFileSync(path, yaml);
      try {
        resolveCloud('c', { OS_CLIENT_CONFIG_FILE: path }, dir);
        return true;
      } catch (err) {
        return err instanceof CloudConfigError && !err.message.includes(secret) && !err.message.includes('\n');
      }
    }),
    { numRuns: 300 },
  );
  t.pass('every malformed file was said in one line, without the password');
  t.end();
});

t.teardown(() => {
  t.comment(`bad inputs tried: ${tried}`);
});
