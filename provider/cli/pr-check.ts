/**
 * `image-catalog pr-check`: the catalog policy on a pull request. It computes the planned change of the checkout
 * (a Pulumi project's preview, a CDKTF app's synth and gated plan, or a plan JSON file), decides it with the same
 * envelope builder and Wasm bundle as every other entry point, per applying cloud, finds the line that declares
 * each violating resource, and reports: a check run with annotations, one PR comment updated in place, SARIF for
 * code scanning; with a read-only token (a fork's pull request), workflow annotations and the job summary. Exit 0
 * allowed, 1 blocked, 2 not decided (the check says so and fails: nothing is allowed without a decision).
 *
 * Interface (CI templates call it; keep it stable):
 *   image-catalog pr-check [--pulumi DIR [--stack NAME] | --cdktf DIR | --plan FILE]
 *     [--report check-run,comment,sarif | --report none] [--sarif FILE] [--format text|json|github]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import {
  EventFileError,
  gitHubToken,
  pullRequestContext,
  readEvent,
  type ContextFlags,
  type PullRequestContext,
  type PullRequestEvent,
} from '../github/context.js';
import { redact } from '../github/redact.js';
import {
  conclusionOf,
  defaultCheckName,
  postCheckRun,
  summaryOf,
  upsertComment,
  type CheckResult,
  type LocatedViolation,
  type SourceLocation,
} from '../github/report.js';
import { packageTool, sarifLog, uploadSarif, type SarifRun } from '../github/sarif.js';
import { lineTimelines } from '../github/timeline.js';
import { loggedChange, type LoggedChange } from '../policy/summary.js';
import { formatDecision, type Decision, type Violation } from '../policy/decision.js';
import { essential } from '../pulumi/cli-failure.js';
import type { SourcePosition } from '../resources/source.js';
import { readPlan } from './plan-check.js';
import { tpoResources } from '../cdktf/plan.js';
import { policyDataVariable } from '../policy/data.js';
import { kindDescriptors, kinds, type Kind } from '../resources/kinds.js';
import type * as ts from 'typescript';
import { fieldLine, hclFieldLine, loadTypeScript, yamlFieldLine, type FieldQuery } from './field-line.js';
import { isYamlProject } from '../pulumi/project.js';
import { baseCommit, governedPolicy, type GovernedPolicy } from './policy-base.js';
import { readOverrides, UsageError } from './policy.js';

/** The report channels, each on its own switch. */
export const channels = ['check-run', 'comment', 'sarif'] as const;
export type Channel = (typeof channels)[number];

/** One analysed stack (a Pulumi or CDKTF stack) or configuration (an HCL plan's folder). */
interface StackCheck {
  readonly kind: 'stack' | 'configuration' | 'policy';
  readonly stack: string;
  readonly changes: number;
  readonly notes: readonly string[];
  readonly decision: Decision | undefined;
  readonly violations: readonly LocatedViolation[];
  /** Where a violation without a declaring line is reported (the project's entry file). */
  readonly fallback: SourceLocation;
  /** The changes decided, for the version lines' timelines of the report. */
  readonly logged: readonly LoggedChange[];
}

/** What was checked: every stack, or why nothing could be decided. */
interface Checked {
  readonly stacks: readonly StackCheck[];
  readonly undecided?: string;
}

/** The folder paths are made relative to: GITHUB_WORKSPACE, else the checkout's top (git), else the project's folder. */
export function repositoryRoot(projectDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const workspace = env['GITHUB_WORKSPACE'];
  if (workspace !== undefined && workspace !== '') return resolve(workspace);
  const git = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: projectDir, encoding: 'utf8' });
  return git.status === 0 && git.stdout.trim() !== '' ? git.stdout.trim() : resolve(projectDir);
}

/** A location relative to `root` (forward slashes); undefined outside it (GitHub would not show it). */
export function locate(root: string, position: Pick<SourcePosition, 'file' | 'line'> | undefined): SourceLocation | undefined {
  if (position === undefined) return undefined;
  const path = relative(root, position.file).split('\\').join('/');
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return { path, line: position.line };
}

/** The violation on its declaring line, or on the fallback (the entry file) marked undeclared: every channel shows it. */
function placed(v: Violation, location: SourceLocation | undefined, fallback: SourceLocation): LocatedViolation {
  return location === undefined ? { ...v, location: fallback, undeclared: true } : { ...v, location };
}

/** The decisions of several clouds as one: allowed when each is. */
function merged(decisions: readonly Decision[]): Decision | undefined {
  if (decisions.length === 0) return undefined;
  return { allowed: decisions.every((d) => d.allowed), violations: decisions.flatMap((d) => d.violations) };
}

/** The program of a Pulumi project: Pulumi.yaml's `main` (a file, or a folder's index.ts), else index.ts. */
export function programOf(dir: string): string {
  const project = parseYaml(readFileSync(join(dir, 'Pulumi.yaml'), 'utf8')) as { main?: unknown } | null;
  const main = typeof project?.main === 'string' && project.main !== '' ? resolve(dir, project.main) : dir;
  return existsSync(main) && statSync(main).isDirectory() ? join(main, 'index.ts') : main;
}

/** A Pulumi project's preview, decided as `image-catalog preview` decides it; each resource's line from its URN. */
async function checkPulumi(dir: string, stack: string, root: string, refresh: boolean, governed: GovernedPolicy): Promise<StackCheck> {
  const { stackTarget } = await import('./stack-options.js');
  const { loadProgram, previewPlan } = await import('./preview.js');
  const { declarations } = await import('../pulumi/declarations.js');
  const target = stackTarget({ cwd: dir, stack });
  // A Pulumi YAML project is its own program (pulumi-language-yaml runs it): its lines are Pulumi.yaml's.
  const yaml = isYamlProject(target.cwd);
  const programFile = yaml ? join(target.cwd, 'Pulumi.yaml') : programOf(target.cwd);
  const program = yaml ? undefined : await loadProgram(programFile);
  // The stack must exist: a mistyped --stack must not leave a new stack in the shared backend.
  const plan = await previewPlan(target, program, {
    existing: true,
    refresh,
    // The base commit's stack policy, not the pull request's (when there is a base to compare with).
    ...(governed.base === undefined ? {} : { policy: { value: governed.stackPolicy } }),
  });
  const decision = merged(plan.decisions.map((d) => d.decision));
  const urns = Object.assign({}, ...plan.decisions.map((d) => d.urns)) as Record<string, string>;
  const declared = declarations();
  const typescript = loadTypeScript(target.cwd);
  const yamlText = yaml ? readFileSync(programFile, 'utf8') : '';
  /** The line of the violation's field in the program, else the declaring line. */
  const at = (v: Violation): SourcePosition | undefined => {
    const name = v.address.split('::').slice(1).join('::');
    if (yaml) {
      const line = yamlFieldLine(yamlText, name, programField(kindOfAddress(v.address), name, v.field));
      return line === undefined ? undefined : { file: programFile, line, column: 1 };
    }
    return fieldAt(typescript, declared.get(urns[v.address] ?? v.address), programField(kindOfAddress(v.address), name, v.field));
  };
  const fallback = locate(root, { file: programFile, line: 1 }) ?? { path: yaml ? 'Pulumi.yaml' : 'index.ts', line: 1 };
  return {
    kind: 'stack',
    stack,
    changes: plan.decisions.reduce((n, d) => n + d.changes, 0),
    notes: [
      ...(refresh
        ? ["the stack's state was refreshed from the Image Service first, so a hand edit is in the plan (--no-refresh skips it)"]
        : []),
      policyNote(governed),
      // Told from this machine (a store's claim in its config directory, a name another stack instance holds): the
      // apply here would refuse them, whatever the policy says.
      ...plan.refused.map((refusal) => `an apply would refuse: ${refusal}`),
    ],
    decision,
    violations: (decision?.violations ?? []).map((v) => placed(v, locate(root, at(v)), fallback)),
    fallback,
    logged: plan.decisions.flatMap((d) => d.logged),
  };
}

/** A CDKTF app: synth, then each stack's gated plan; each resource's line from cdk.tf.json. */
async function checkCdktf(dir: string, root: string, governed: GovernedPolicy): Promise<StackCheck[]> {
  const { appEntry, checkApp } = await import('../cdktf/check.js');
  const typescript = loadTypeScript(resolve(dir));
  // The app's own synth-time check would read IMAGE_CATALOG_POLICY_DATA (the pull request's files): the check
  // decides here, with the base's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== policyDataVariable));
  const stacks = await checkApp(dir, {
    env,
    overrides: governed.overrides,
    progress: (line) => process.stderr.write(`image-catalog pr-check: ${line}\n`),
  });
  const fallback = locate(root, { file: appEntry(resolve(dir)), line: 1 }) ?? { path: 'cdktf.json', line: 1 };
  return stacks.map((s) => ({
    kind: 'stack',
    stack: s.stack,
    changes: s.changes,
    notes: [...s.notes, policyNote(governed)],
    decision: s.decision,
    violations: (s.decision?.violations ?? []).map((v) => {
      const path = s.constructPath(v.address);
      const kind = tpoResources[v.address.split('.').find((part) => part in tpoResources) ?? '']?.kind;
      return placed(
        { ...v, ...(path === undefined ? {} : { address: `${path} (${v.address})` }) },
        locate(root, fieldAt(typescript, s.declaredAt(v.address), programField(kind, path ?? '', v.field))),
        fallback,
      );
    }),
    fallback,
    logged: s.logged,
  }));
}

/**
 * The `resource "type" "name"` and `module "name"` blocks of the .tf files in `dir` (the root module): their file
 * and line, by address (`type.name`, `module.name`).
 */
export function hclDeclarations(dir: string): Map<string, SourcePosition> {
  const found = new Map<string, SourcePosition>();
  if (!existsSync(dir)) return found;
  for (const name of tfFiles(dir)) {
    const file = join(dir, name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const resource = /^\s*resource\s+"([^"]+)"\s+"([^"]+)"/.exec(text);
        if (resource !== null) found.set(`${resource[1]}.${resource[2]}`, { file, line: i + 1, column: 1 });
        const module = /^\s*module\s+"([^"]+)"/.exec(text);
        if (module !== null) found.set(`module.${module[1]}`, { file, line: i + 1, column: 1 });
      });
  }
  return found;
}

/** The .tf files of a folder, in name order. */
function tfFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.tf'))
        .sort()
    : [];
}

/**
 * The line of a plan address: its resource block in the root module, or for a resource of a module the root
 * module's `module` block that calls it (`module.a.module.b.x.y` -> `module "a"`).
 */
export function hclLine(
  declared: ReadonlyMap<string, SourcePosition>,
  address: string,
  configAddress: (a: string) => string,
): SourcePosition | undefined {
  const call = /^module\.([^.[]+)/.exec(address);
  return call === null ? declared.get(configAddress(address)) : declared.get(`module.${call[1] ?? ''}`);
}

/** A plan JSON (HCL users): decided as plan-check decides it; each resource's line from the .tf files of `configDir`. */
async function checkPlanFile(file: string, configDir: string, root: string, governed: GovernedPolicy): Promise<StackCheck> {
  const { configAddress, decidePlan } = await import('../cdktf/decide.js');
  const plan = readPlan(file);
  const decided = await decidePlan(plan, { overrides: governed.overrides });
  const declared = hclDeclarations(configDir);
  // A resource no block declares (removed from the configuration) is shown on the folder's first .tf file, line 1.
  const first = tfFiles(configDir)[0];
  const fallback = locate(root, { file: first === undefined ? resolve(file) : join(configDir, first), line: 1 }) ?? {
    path: 'main.tf',
    line: 1,
  };
  return {
    kind: 'configuration',
    stack: relative(root, resolve(configDir)) || basename(resolve(configDir)),
    changes: decided.changes.length,
    notes: [...decided.notes, policyNote(governed)],
    decision: decided.decision,
    violations: (decided.decision?.violations ?? []).map((v) => {
      const block = hclLine(declared, v.address, configAddress);
      const keys = hclKeys(v.address, v.field);
      const line = block === undefined || keys.length === 0 ? undefined : hclFieldLine(readFileSync(block.file, 'utf8'), block.line, keys);
      return placed(v, locate(root, line === undefined || block === undefined ? block : { ...block, line }), fallback);
    }),
    fallback,
    logged: decided.changes.map(loggedChange),
  };
}

/**
 * The program's path of a violation's field (`properties.hw_vif_model`, `min_disk` -> `minDisk`: the kind's
 * schema maps wire names to the program's) and, for a version line's child, its version (`name`: the Pulumi
 * resource's `line-v1.1`, or the CDKTF construct path `.../v1.1/image`).
 */
function programField(kind: Kind | undefined, name: string, field: string): FieldQuery | undefined {
  if (kind === undefined || field === '') return undefined;
  const [head = '', ...rest] = field.split('.');
  const local = kindDescriptors[kind].schema().fields.find((f) => f.wire === head)?.local ?? head;
  // A share's image may be given as `image` instead of `imageId`.
  const path = local === 'imageId' ? ['imageId'] : [local, ...rest];
  const version = /(?:-v|\/v)(\d+\.\d+)(?:$|\/)/.exec(name)?.[1];
  // A share's image may be `image`; a version line's (or CDKTF image's) os_distro/os_version are its os/osVersion.
  const alternatives: Readonly<Record<string, readonly string[]>> = {
    imageId: ['image'],
    'properties.os_version': ['osVersion'],
    'properties.os_distro': ['os'],
  };
  const alternative = alternatives[local === 'imageId' ? 'imageId' : field];
  return { path, ...(version === undefined ? {} : { version }), ...(alternative === undefined ? {} : { alternative }) };
}

/** The kind of a Pulumi address (`Image::name`). */
function kindOfAddress(address: string): Kind | undefined {
  const title = address.split('::')[0] ?? '';
  return kinds.find((k) => kindDescriptors[k].schema().title === title);
}

/** The line of a violation's field at a declaring position, else the position itself. */
function fieldAt(
  typescript: typeof ts | undefined,
  position: SourcePosition | undefined,
  query: FieldQuery | undefined,
): SourcePosition | undefined {
  if (position === undefined || typescript === undefined || query === undefined) return position;
  const line = fieldLine(typescript, position, query);
  return line === undefined ? position : { ...position, line };
}

/** The HCL keys of a violation's field: terraform-provider-openstack's attribute, then a map key under it. */
function hclKeys(address: string, field: string): string[] {
  const type = address.split('.').find((part) => part in tpoResources) ?? '';
  const wire = tpoResources[type]?.wire ?? {};
  const [head = '', ...rest] = field.split('.');
  if (head === '') return [];
  const attribute = Object.entries(wire).find(([, w]) => w === head)?.[0] ?? head;
  return [attribute, ...rest];
}

/** What the notes say of the policy data decided with. */
function policyNote(governed: GovernedPolicy): string {
  return governed.base === undefined
    ? "decided with the working tree's policy data (no base commit: --base, or a pull_request event, gives one)"
    : `decided with the policy data of the base commit ${governed.base.slice(0, 12)}, not the pull request's`;
}

/** The line of a policy change in its file: the first line naming the changed key, else line 1. */
function policyChangeLine(root: string, source: string, field: string): SourceLocation {
  const path = source.replace(/ \(image-catalog:policy\)$/, '');
  const key = field.split('.').at(-1) ?? field;
  let line = 1;
  try {
    const found = readFileSync(join(root, path), 'utf8')
      .split('\n')
      .findIndex((text) => text.includes(key));
    if (found >= 0) line = found + 1;
  } catch {
    // A file the pull request removed: line 1.
  }
  return { path, line };
}

/** The policy data the pull request changes, decided by the bundle with the base's data (its level is the base's). */
async function checkPolicyChanges(governed: GovernedPolicy, root: string): Promise<StackCheck | undefined> {
  if (governed.changes.length === 0) return undefined;
  const { PolicyEngine } = await import('../policy/engine.js');
  const { buildEnvelope } = await import('../policy/envelope.js');
  const stack =
    governed.stackPolicy === undefined
      ? []
      : [{ source: 'base stack config image-catalog:policy', value: JSON.parse(governed.stackPolicy) as unknown }];
  const engine = await PolicyEngine.load({ overrides: [...governed.overrides, ...stack] });
  const nobody = { user_id: '(pull request)', project_id: '(pull request)', roles: [] };
  const decision = engine.decide(buildEnvelope(nobody, [], [], governed.changes));
  const fallback = policyChangeLine(root, governed.changes[0]?.source ?? '.', '');
  return {
    kind: 'policy',
    stack: 'policy data',
    changes: governed.changes.length,
    notes: [policyNote(governed)],
    decision,
    violations: decision.violations.map((v) => ({ ...v, location: policyChangeLine(root, v.address, v.field) })),
    fallback,
    logged: [],
  };
}

/** The whole check as one result for the reports. */
function resultOf(checked: Checked): CheckResult {
  if (checked.undecided !== undefined) return { decision: undefined, violations: [], undecided: checked.undecided };
  const decision = merged(checked.stacks.flatMap((s) => (s.decision === undefined ? [] : [s.decision])));
  const timelines = lineTimelines(checked.stacks.flatMap((s) => s.logged));
  // Each stack's own notes; the note of the policy data decided with is said once for all.
  const notes = [...new Set(checked.stacks.flatMap((s) => s.notes))];
  return {
    decision,
    violations: checked.stacks.flatMap((s) => s.violations),
    ...(timelines === '' ? {} : { timelines }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}

/** Options of the command. */
interface PrCheckOptions extends ContextFlags {
  pulumi?: string;
  stack: string;
  cdktf?: string;
  plan?: string;
  configDir?: string;
  report?: string;
  sarif?: string;
  format: string;
  data?: string[];
  name: string;
  /** With --pulumi: refresh the state first (default; --no-refresh). */
  refresh: boolean;
  /** The commit whose policy data decides (default: the event's base sha). */
  base?: string;
}

/** The channels --report names (default: check-run and comment inside GitHub Actions, none elsewhere). */
export function reportChannels(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Channel[] {
  if (value === undefined) return env['GITHUB_ACTIONS'] === 'true' ? ['check-run', 'comment'] : [];
  if (value === 'none') return [];
  const named = value.split(',').map((c) => c.trim());
  if (named.includes('none')) throw new UsageError(`--report ${value}: none posts nothing, so it stands alone`);
  const unknown = named.filter((c) => !(channels as readonly string[]).includes(c));
  if (unknown.length > 0) throw new UsageError(`--report ${value}: ${unknown.join(', ')}: not a channel (${channels.join(', ')}, or none)`);
  return [...new Set(named as Channel[])];
}

/** The project and what to check, from the flags; `event` gives the base commit when --base does not. */
async function check(options: PrCheckOptions, event: PullRequestEvent): Promise<{ checked: Checked; root: string }> {
  const given = [options.pulumi, options.cdktf, options.plan].filter((o) => o !== undefined);
  if (given.length !== 1) throw new UsageError('give one of --pulumi DIR, --cdktf DIR or --plan FILE');
  if (options.pulumi !== undefined && options.data !== undefined)
    throw new UsageError(
      "--data with --pulumi: a Pulumi stack's policy data is its config image-catalog:policy, which the check uses, as pulumi up does",
    );
  // The --data files and those IMAGE_CATALOG_POLICY_DATA names (the workflow in the pull request sets both).
  const files = [...(options.data ?? []), ...(process.env[policyDataVariable] ?? '').split(':').filter((f) => f !== '')];
  const heads = readOverrides(files);
  const projectDir = resolve(options.pulumi ?? options.cdktf ?? options.configDir ?? dirname(options.plan ?? '.'));
  if (!existsSync(projectDir)) throw new UsageError(`${projectDir}: no such folder`);
  const root = repositoryRoot(projectDir);
  const stackConfig = options.pulumi === undefined ? undefined : join(resolve(options.pulumi), `Pulumi.${options.stack}.yaml`);
  const governed = governedPolicy(root, baseCommit(options.base, event), heads, stackConfig);
  const policyCheck = await checkPolicyChanges(governed, root);
  const withPolicy = (stacks: StackCheck[]): Checked => ({ stacks: policyCheck === undefined ? stacks : [policyCheck, ...stacks] });
  try {
    if (options.pulumi !== undefined)
      return { checked: withPolicy([await checkPulumi(options.pulumi, options.stack, root, options.refresh, governed)]), root };
    if (options.cdktf !== undefined) return { checked: withPolicy(await checkCdktf(options.cdktf, root, governed)), root };
    return { checked: withPolicy([await checkPlanFile(options.plan ?? '', projectDir, root, governed)]), root };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    return { checked: { stacks: [], undecided: redact(essential((err as Error).message)) }, root };
  }
}

/** What the reports did, for the output. */
interface Reported {
  readonly channel: Channel | 'workflow';
  readonly result: string;
}

/** Posts to each channel; a 403 (a read-only token) turns to workflow annotations and the job summary. */
async function report(
  channelsWanted: readonly Channel[],
  checked: Checked,
  context: PullRequestContext,
  token: string,
  formatIsGithub: boolean,
  name: string,
): Promise<Reported[]> {
  // Octokit loads here, not with the CLI: the other commands never need it.
  const { gitHubClient } = await import('../github/client.js');
  const client = gitHubClient({ token });
  const result = resultOf(checked);
  const target = { owner: context.owner, repo: context.repo };
  const reported: Reported[] = [];
  let readOnly: string | undefined = context.fromFork
    ? 'this pull request comes from a fork, whose workflow token is read-only'
    : undefined;
  for (const channel of channelsWanted) {
    if (readOnly !== undefined) break;
    try {
      if (channel === 'check-run') {
        const posted = await postCheckRun(client, { ...target, headSha: context.headSha, name }, result);
        reported.push({
          channel,
          result: `check run ${posted.id}: ${posted.conclusion}, ${posted.annotations} annotation(s) in ${posted.requests} request(s)`,
        });
      } else if (channel === 'comment') {
        // Checked before the run: a comment needs a pull request.
        const made = await upsertComment(client, { ...target, issueNumber: context.pullRequest ?? 0 }, summaryOf(result), name);
        reported.push({ channel, result: `comment ${made.id} ${made.created ? 'created' : 'updated'}` });
      } else {
        const id = await uploadSarif(client, { ...target, commitSha: context.commitSha, ref: context.ref }, sarifOf(checked));
        reported.push({ channel, result: `SARIF uploaded (${id})` });
      }
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 403)
        readOnly = `the token may not write ${channel === 'sarif' ? 'code scanning' : channel === 'comment' ? 'pull request comments' : 'checks'} (403: a fork's pull request gets a read-only token; otherwise grant the permission in the workflow)`;
      else throw new Error(`${channel}: GitHub answered ${status ?? 'nothing'}: ${redact((err as Error).message)}`, { cause: err });
    }
  }
  if (readOnly !== undefined) {
    const why = `image-catalog pr-check: ${readOnly}: reporting through workflow annotations and the job summary instead`;
    process.stdout.write(`${why}\n`);
    const { workflowAnnotations } = await import('../github/workflow.js');
    if (!formatIsGithub) workflowAnnotations(result);
    reported.push({ channel: 'workflow', result: `annotations (${readOnly})` });
  }
  return reported;
}

/** The SARIF log of the check, one run per stack. */
function sarifOf(checked: Checked): object {
  const runs: SarifRun[] = checked.stacks.map((s) => ({
    stack: s.stack,
    decision: s.decision,
    violations: s.violations,
    fallback: s.fallback,
  }));
  return sarifLog(runs, packageTool());
}

/** The text output: each stack's decision, each violation with its line. */
function text(checked: Checked): string {
  if (checked.undecided !== undefined) return `could not decide (blocked: nothing is allowed without a decision):\n${checked.undecided}\n`;
  const parts = checked.stacks.map((s) => {
    const notes = s.notes.map((n) => `note: ${n}\n`).join('');
    if (s.decision === undefined) return `${notes}# ${s.kind} ${s.stack}: no change of an image, share or acceptance: nothing to decide\n`;
    const shown = {
      ...s.decision,
      violations: s.violations.map((v) => ({
        ...v,
        address:
          v.location === undefined
            ? v.address
            : `${v.address} (${v.location.path}:${v.location.line}${v.undeclared === true ? ', not declared there' : ''})`,
      })),
    };
    const what =
      s.kind === 'policy'
        ? `# policy data: ${s.changes} value(s) this pull request changes`
        : `# ${s.kind} ${s.stack}: ${s.changes} change(s) of the catalog`;
    return `${notes}${what}\n${formatDecision(shown)}`;
  });
  return parts.join('\n');
}

/** Registers `pr-check`. */
export function registerPrCheck(program: Command): void {
  program
    .command('pr-check')
    .description(
      'Decide the catalog change of a pull request (a Pulumi preview, a CDKTF synth + gated plan, or a plan JSON) and report it on GitHub: ' +
        'a check run with an annotation on the line that declares each violating resource, one PR comment updated in place, SARIF for code scanning. ' +
        'The repository, commit, ref and PR come from the GitHub Actions environment or the flags; the token from GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise Server). ' +
        'With a read-only token (a fork) it reports through workflow annotations and the job summary. Exit 0 allowed, 1 blocked, 2 not decided.',
    )
    .option(
      '--pulumi <dir>',
      'a Pulumi project (its Pulumi.yaml; the program is its main, else index.ts; a Pulumi YAML project is its own program): previewed through the Automation API',
    )
    .option('--stack <name>', 'the Pulumi stack (PULUMI_BACKEND_URL or pulumi login names the backend)', 'dev')
    .option(
      '--base <commit>',
      "the commit whose policy data decides (default: the pull_request event's base sha); each value the pull request changes is a policy_change finding",
    )
    .option(
      '--no-refresh',
      "with --pulumi: preview without reading the stack's resources from the Image Service first (by default a hand edit is in the plan and decided)",
    )
    .option('--cdktf <dir>', "a CDKTF app (its cdktf.json): cdktn synth, then each stack's plan through the gate")
    .option('--plan <file>', "a plan's JSON (tofu show -json <planfile>), for HCL configurations")
    .option(
      '--config-dir <dir>',
      "with --plan: the configuration's folder, whose .tf files give the lines (default: the plan file's folder)",
    )
    .option(
      '--report <channels>',
      `where to report: a comma list of ${channels.join(', ')}, or none (default: check-run,comment in GitHub Actions, none elsewhere)`,
    )
    .option('--sarif <file>', 'also write the SARIF 2.1.0 log to this file')
    .option('--format <format>', 'text (default), json (the decisions and locations), or github (workflow-command annotations)', 'text')
    .option('--repo <owner/name>', 'the repository (default: GITHUB_REPOSITORY)')
    .option('--sha <sha>', "the commit to report on (default: the pull request's head from the event, else GITHUB_SHA)")
    .option('--ref <ref>', 'the ref code scanning files the analysis under (default: GITHUB_REF, else refs/pull/<pr>/merge)')
    .option('--pr <number>', 'the pull request to comment on (default: from the event or GITHUB_REF)')
    .option(
      '--name <name>',
      "the check run's name, and the comment's: one per step when a workflow checks several stacks (a required status check names it)",
      defaultCheckName,
    )
    .option(
      '--data <file...>',
      'with --cdktf or --plan: policy data overrides (YAML or JSON) over policies/data.json (a Pulumi stack uses its config image-catalog:policy)',
    )
    .addHelpText(
      'after',
      '\nPermissions the workflow grants: checks: write (check-run), pull-requests: write (comment), security-events: write (sarif).\n' +
        'See docs/pr-check.md and examples/pr-check/ for the workflow to copy.',
    )
    .action(async (options: PrCheckOptions) => {
      if (!['text', 'json', 'github'].includes(options.format)) throw new UsageError(`--format ${options.format}: text, json or github`);
      const wanted = reportChannels(options.report);
      // Everything about where to report is checked before the (long) preview or plan runs; an event payload that
      // cannot be read stops the check (it cannot tell a fork from the base repository, nor the base commit).
      let event: PullRequestEvent;
      try {
        event = readEvent();
      } catch (err) {
        if (err instanceof EventFileError) throw new UsageError(err.message);
        throw err;
      }
      let context: PullRequestContext | undefined;
      let token: string | undefined;
      if (wanted.length > 0) {
        token = gitHubToken();
        const found = pullRequestContext(options, process.env, event);
        const missing = [
          ...(token === undefined ? ['the token (set GITHUB_TOKEN)'] : []),
          ...(found.ok ? [] : found.missing),
          ...(found.ok && found.context.pullRequest === undefined && wanted.includes('comment')
            ? ['the pull request to comment on (--pr, a pull_request event, or GITHUB_REF refs/pull/<n>/…)']
            : []),
        ];
        if (missing.length > 0) throw new UsageError(`--report ${wanted.join(',')}: missing ${missing.join('; ')} (or give --report none)`);
        if (found.ok) context = found.context;
      }
      const { checked } = await check(options, event);
      const result = resultOf(checked);
      if (options.sarif !== undefined) writeFileSync(options.sarif, `${JSON.stringify(sarifOf(checked), null, 2)}\n`);
      if (options.format === 'github') {
        const { workflowAnnotations } = await import('../github/workflow.js');
        workflowAnnotations(result);
      }
      let reported: Reported[] = [];
      if (context !== undefined && token !== undefined) {
        try {
          reported = await report(wanted, checked, context, token, options.format === 'github', options.name);
        } catch (err) {
          // Not reported is not decided, as far as the pull request can tell: the required check never completes.
          process.stdout.write(text(checked));
          process.stderr.write(`image-catalog pr-check: the check could not be reported: ${redact((err as Error).message)}\n`);
          process.exitCode = 2;
          return;
        }
      }
      // Inside GitHub Actions the job summary always has the check, whatever was posted.
      if ((process.env['GITHUB_STEP_SUMMARY'] ?? '') !== '') {
        const { jobSummary } = await import('../github/workflow.js');
        const fallback = reported.find((r) => r.channel === 'workflow');
        // A job summary that cannot be written is said; the exit code stays the decision's.
        await jobSummary(result, options.name, fallback === undefined ? undefined : `image-catalog pr-check: ${fallback.result}`).catch(
          (err: unknown) =>
            process.stderr.write(`image-catalog pr-check: the job summary could not be written: ${redact((err as Error).message)}\n`),
        );
      }
      const conclusion = conclusionOf(result);
      if (options.format === 'json') {
        const out = {
          conclusion,
          ...(checked.undecided === undefined ? {} : { undecided: checked.undecided }),
          stacks: checked.stacks.map((s) => ({
            stack: s.stack,
            changes: s.changes,
            notes: s.notes,
            decision: s.decision ?? null,
            violations: s.violations,
          })),
          reported,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        if (options.format === 'text') process.stdout.write(text(checked));
        for (const r of reported) process.stdout.write(`image-catalog pr-check: ${r.channel}: ${r.result}\n`);
      }
      process.exitCode = checked.undecided !== undefined ? 2 : result.decision === undefined || result.decision.allowed ? 0 : 1;
    });
}
