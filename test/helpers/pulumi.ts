/**
 * Real `pulumi` runs for e2e tests: a throwaway project and stack in a local file backend (or the lab S3's state
 * bucket), its programs run
 * through the Automation API (provider/pulumi/automation.ts), and the reference python client to look at the
 * result.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { EngineEvent } from '@pulumi/pulumi/automation/index.js';
import { formatDecision } from '../../provider/policy/decision.js';
import { creationMark } from '../../provider/resources/image/image.js';
import { openStack, runStack, type Program, type RunOptions, type RunResult, type StackTarget } from '../../provider/pulumi/automation.js';
import { Image, type ImageArgs } from '../../provider/pulumi/resources.js';
import { labS3BackendUrl, labS3Env, labStackEnv } from '../../scripts/lab-settings.js';
import { repoRoot } from '../../scripts/tools.js';
import { glance, lab, scratchDir } from './lab.js';
import { runCommand, type Ran } from './run.js';

/**
 * A fresh project (its own Pulumi.yaml) with stack `e2e` in a state folder of its own, or with `backend: 's3'` in
 * the lab S3's state bucket (removed from there when the file ends); its images are deleted as admin when the file
 * ends.
 */
export async function e2eStack(family: string, options: { readonly backend?: 'file' | 's3' } = {}): Promise<StackTarget> {
  const dir = scratchDir();
  writeFileSync(join(dir, 'Pulumi.yaml'), 'name: e2e\nruntime: nodejs\n');
  // The scratch project has no node_modules of its own: what runs there finds @pulumi/pulumi from the checkout's.
  const env = { ...labStackEnv(lab()), NODE_PATH: join(repoRoot, 'node_modules') };
  const stackName = `e2e-${family}`;
  const target: StackTarget =
    options.backend === 's3'
      ? { cwd: dir, stack: stackName, backendUrl: labS3BackendUrl(lab()), env: { ...env, ...labS3Env(lab()) } }
      : { cwd: dir, stack: 'e2e', stateDir: join(dir, 'state'), env };
  const stack = await openStack(target);
  await stack.setConfig('image-catalog:cloud', { value: 'platform' });
  t.teardown(() => removeFamily(family));
  if (options.backend === 's3') t.teardown(() => stack.workspace.removeStack(stackName, { force: true }));
  return target;
}

/** A file of `mib` MiB that does not compress away (a create of it takes long enough to be cut in the middle). */
export function incompressibleFile(name: string, mib: number): string {
  const dir = join(repoRoot, 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.raw`);
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i += 1) {
    for (let j = 0; j < block.length; j += 4) block.writeUInt32LE((i * 2654435761 + j * 40503) >>> 0, j);
    writeSync(fd, block);
  }
  closeSync(fd);
  return file;
}

/** A run's result with `text`: its errors and the policy's decisions, for assertion messages and matches. */
export interface Outcome extends RunResult {
  readonly text: string;
  /** The rules of the mandatory violations the providers found. */
  readonly blockedBy: readonly string[];
}

/**
 * Runs `up` of `program` and, once an upload has started (the provider's progress says `uploaded`), runs `cut`
 * once: a kill of `pulumi`, of the S3 server, ... Returns the run's outcome and what `cut` returned; fails when the
 * run ended before any upload (the cut would have tested nothing).
 */
export async function upCutDuringUpload<T>(target: StackTarget, program: Program, cut: () => T): Promise<{ outcome: Outcome; cut: T }> {
  let result: { value: T } | undefined;
  const onEvent = (event: EngineEvent): void => {
    if (result !== undefined || event.diagnosticEvent?.message.includes('uploaded') !== true) return;
    result = { value: cut() };
  };
  const outcome = await pulumi(target, 'up', program, { onEvent });
  if (result === undefined) throw new Error('the cut did not land during an upload');
  return { outcome, cut: result.value };
}

/** Runs `up`, `preview` or `destroy` of the target's stack with `program` through the Automation API. */
export async function pulumi(
  target: StackTarget,
  command: 'up' | 'preview' | 'refresh' | 'destroy',
  program: Program = () => Promise.resolve({}),
  options: RunOptions = {},
): Promise<Outcome> {
  const run = await runStack(await openStack(target, program), command, options);
  const violations = run.decisions.flatMap((d) => d.decision.violations);
  const text = [
    ...run.errors.map((e) => `error: ${e.message}`),
    ...(violations.length > 0 ? [formatDecision({ allowed: run.ok, violations })] : []),
    ...(run.failure === undefined ? [] : [run.failure]),
  ].join('\n');
  const blockedBy = [...new Set(violations.filter((v) => v.level === 'mandatory').map((v) => v.rule))];
  return { ...run, text, blockedBy };
}

/** Deletes every image of a family whatever the policy says (test cleanup, as admin). */
export async function removeFamily(family: string): Promise<void> {
  for (const id of await imagesNamed(family)) {
    await glance(
      'admin',
      'PATCH',
      `/v2/images/${id}`,
      [{ op: 'replace', path: '/protected', value: false }],
      'application/openstack-images-v2.1-json-patch',
    );
    await glance('admin', 'DELETE', `/v2/images/${id}`);
  }
}

/** Ids of the images whose name starts with `prefix` (as admin: every project, hidden ones too). */
export async function imagesNamed(prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (const hidden of ['false', 'true']) {
    const res = await glance('admin', 'GET', `/v2/images?limit=1000&os_hidden=${hidden}&visibility=all`);
    for (const image of (res.body as { images: { id: string; name: string | null }[] }).images)
      if (image.name?.startsWith(prefix) === true) ids.push(image.id);
  }
  return ids;
}

/** The images whose name starts with `prefix` as admin sees them (name, status, creation mark), by name. */
export async function imageRecords(prefix: string): Promise<{ name: string; status: string; mark: unknown }[]> {
  const found = [];
  for (const id of await imagesNamed(prefix)) {
    const image = (await glance('admin', 'GET', `/v2/images/${id}`)).body as Record<string, unknown>;
    found.push({ name: String(image['name']), status: String(image['status']), mark: image[creationMark] });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The reference client (python-openstackclient) as a lab persona, `-f json` parsed. */
export async function openstack(persona: string, args: readonly string[]): Promise<unknown> {
  const ran = await runCommand('openstack', ['--os-cloud', persona, ...args, '-f', 'json'], {
    ...process.env,
    OS_CLIENT_CONFIG_FILE: lab().clouds,
  });
  if (ran.code !== 0) throw new Error(`openstack ${args.join(' ')} failed: ${ran.stderr}`);
  return JSON.parse(ran.stdout) as unknown;
}

/**
 * An image made the way many catalogs are, with `openstack image create` as `persona` (raw, bare; the OpenStack SDK
 * adds its own owner_specified.openstack.* properties): its id. `file` uploads data; `project` (an admin's) sets the
 * owner.
 */
export async function openstackImage(
  persona: string,
  name: string,
  options: {
    visibility?: string;
    properties?: Readonly<Record<string, string>>;
    file?: string;
    project?: string;
    tags?: readonly string[];
  } = {},
): Promise<string> {
  const made = (await openstack(persona, [
    'image',
    'create',
    '--disk-format',
    'raw',
    '--container-format',
    'bare',
    `--${options.visibility ?? 'private'}`,
    ...(options.file === undefined ? [] : ['--file', options.file]),
    ...(options.project === undefined ? [] : ['--project', options.project]),
    ...Object.entries(options.properties ?? {}).flatMap(([k, v]) => ['--property', `${k}=${v}`]),
    ...(options.tags ?? []).flatMap((tag) => ['--tag', tag]),
    name,
  ])) as { id: string };
  return made.id;
}

/**
 * A program of images of one family, named `<family>-v<version>` (resource `v<version>`), each shared (published)
 * from one data file with the given metadata, unless its args say otherwise.
 */
export function familyProgram(
  family: string,
  base: { readonly data: string; readonly metadata: Record<string, string> },
  images: Record<string, Partial<ImageArgs>>,
): Program {
  return () => {
    for (const [version, args] of Object.entries(images)) {
      new Image(`v${version}`, {
        name: `${family}-v${version}`,
        diskFormat: 'raw',
        visibility: 'shared',
        source: { file: base.data },
        properties: base.metadata,
        ...args,
      });
    }
    return Promise.resolve({});
  };
}

/**
 * `image-catalog preview` of the target's stack, as a user runs it (a process of its own), with the program of
 * test/e2e/programs/<program>.ts; `extra` are more arguments, `env` more variables for the program.
 */
export function imageCatalogPreview(
  target: StackTarget,
  program: string,
  extra: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<Ran> {
  const args = ['--cwd', target.cwd, '--stack', target.stack, '--state-dir', target.stateDir ?? ''];
  const file = join(repoRoot, 'test', 'e2e', 'programs', `${program}.ts`);
  return runCommand(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'provider', 'cli', 'main.ts'), 'preview', ...args, '--program', file, ...extra],
    { ...process.env, ...target.env, ...env },
  );
}
