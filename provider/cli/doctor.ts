/**
 * `image-catalog doctor`: what this package needs to run, found or not: the Node that runs it (and why that
 * one), the policy bundle, and for each layer the project in the current folder uses (the package it installed:
 * @pulumi/pulumi, cdktn) what that layer needs — the `pulumi` CLI and the provider plugin
 * `pulumi-resource-image-catalog`; tofu or terraform and the gate `image-catalog-tofu` — and `opa` (only for
 * `policy test`). A layer the project does not use is reported, never failed. A checkout adds its pinned tools
 * and the lab (npm run doctor, scripts/doctor.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { PolicyEngine } from '../policy/engine.js';
import { pluginDir, pluginName } from '../pulumi/plugin/location.js';

const run = promisify(execFile);

/** One line of the report; `needed: false` lines never fail the report. */
export interface DoctorLine {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly needed?: boolean;
  /** Not needed for this package's own runs, but a way of running the project fails without it: said in the verdict. */
  readonly warn?: boolean;
}

/** What doctor found; `ok` is false when something needed is missing. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly lines: readonly DoctorLine[];
}

/** The environment variable through which a launcher (scripts/bootstrap.js) says why this Node runs. */
export const nodeReasonVariable = 'IMAGE_CATALOG_NODE';

/** The package's `engines.node` floor (`>=22.19` -> [22, 19]). */
function minimumNode(): readonly [number, number] {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
  const [major = 0, minor = 0] = manifest.engines.node
    .replace(/^>=\s*/, '')
    .split('.')
    .map(Number);
  return [major, minor];
}

/** Whether a Node version (`24.22.3`, `v20.20.2`) meets engines.node. */
function meetsFloor(version: string): boolean {
  const [wantMajor, wantMinor] = minimumNode();
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

function nodeLine(): DoctorLine {
  const [wantMajor, wantMinor] = minimumNode();
  const ok = meetsFloor(process.versions.node);
  const why = process.env[nodeReasonVariable] ?? 'the node that runs this command';
  return {
    name: 'node',
    ok,
    detail: `${process.version}  ${process.execPath}  (${ok ? why : `image-catalog needs Node >= ${wantMajor}.${wantMinor}: install Node 24 LTS`})`,
  };
}

/** The first executable of that name on PATH. */
export function onPath(file: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, file))) return join(dir, file);
  }
  return undefined;
}

async function versionOf(path: string, args: readonly string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run(path, [...args], { timeout: 20_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: 'true' } });
    return stdout.trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

/** The version of a package the project in the current folder installed, if it did. */
function projectPackage(name: string): string | undefined {
  try {
    const manifest = createRequire(join(process.cwd(), 'package.json')).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** The provider plugin: the engine runs it from PATH, a project's plugins.providers, or its plugin cache. */
function pluginLine(): DoctorLine {
  const name = pluginName;
  const found = onPath(name);
  const shipped = join(pluginDir, name);
  if (found !== undefined) return { name, ok: true, detail: `on PATH: ${found}` };
  return {
    name,
    ok: existsSync(shipped),
    detail: existsSync(shipped)
      ? `${shipped} (a run of this package's Automation API puts its folder on PATH; for the pulumi CLI see docs/pulumi.md#the-provider-plugin)`
      : `missing from the package (${shipped}): reinstall image-catalog`,
  };
}

/** The lines of the Pulumi layer: needed when the project installed @pulumi/pulumi. */
async function pulumiLines(): Promise<DoctorLine[]> {
  const sdk = projectPackage('@pulumi/pulumi');
  if (sdk === undefined)
    return [
      {
        name: 'pulumi',
        ok: false,
        needed: false,
        detail: 'not checked: this project has no @pulumi/pulumi (the Pulumi layer is not used)',
      },
    ];
  const pulumi = onPath('pulumi');
  const lines: DoctorLine[] = [];
  if (pulumi === undefined) {
    lines.push({
      name: 'pulumi',
      ok: false,
      detail: 'not on PATH: install the Pulumi CLI (programs run through it, with the Automation API)',
    });
  } else {
    const version = await versionOf(pulumi, ['version']);
    lines.push({
      name: 'pulumi',
      ok: version !== undefined,
      detail: `${version ?? 'does not answer `pulumi version`'}  ${pulumi}  (@pulumi/pulumi ${sdk})`,
    });
  }
  return [...lines, pluginLine(), await pluginNodeLine(), ...languageHostLine(pulumi)];
}

/**
 * The `node` on PATH, which the provider plugin's launcher runs when the pulumi CLI starts it: older than
 * engines.node, the plugin exits at its start. This package's Automation API (runStack, preview, pr-check) puts its
 * own Node first on the PATH of the runs it starts, so only `pulumi up` from the CLI depends on it.
 */
async function pluginNodeLine(): Promise<DoctorLine> {
  const node = onPath('node');
  const version = node === undefined ? undefined : await versionOf(node, ['--version']);
  const [wantMajor, wantMinor] = minimumNode();
  const ok = version !== undefined && meetsFloor(version);
  return {
    name: 'node on PATH',
    ok,
    needed: false,
    warn: true,
    detail: ok
      ? `${version}  ${node ?? ''}  (the provider plugin runs with it under the pulumi CLI)`
      : `${version ?? 'none'}  ${node ?? ''}: the provider plugin runs with the node on PATH under the pulumi CLI, and needs Node >= ${wantMajor}.${wantMinor}: ` +
        "put Node 24 first on PATH for `pulumi up` (this package's Automation API runs put their own Node first)",
  };
}

/**
 * The language host the project's Pulumi.yaml runtime needs for `pulumi up` from the CLI (`pulumi-language-nodejs`
 * for runtime nodejs): on PATH or beside `pulumi` (Pulumi's installer puts them there). The Automation API
 * (runStack, image-catalog preview and pr-check) needs none, so it is not needed here, only warned about.
 */
function languageHostLine(pulumi: string | undefined): DoctorLine[] {
  let runtime: unknown;
  try {
    runtime = (parseYaml(readFileSync(join(process.cwd(), 'Pulumi.yaml'), 'utf8')) as { runtime?: unknown } | null)?.runtime;
  } catch {
    return [];
  }
  const name = typeof runtime === 'object' && runtime !== null ? (runtime as { name?: unknown }).name : runtime;
  if (typeof name !== 'string') return [];
  const host = `pulumi-language-${name}`;
  const beside = pulumi === undefined ? undefined : join(dirname(pulumi), host);
  const found = onPath(host) ?? (beside !== undefined && existsSync(beside) ? beside : undefined);
  if (found !== undefined)
    return [{ name: host, ok: true, detail: `${found}  (runtime ${name} in Pulumi.yaml: pulumi up runs the program with it)` }];
  return [
    {
      name: host,
      ok: false,
      needed: false,
      warn: true,
      detail:
        `not on PATH nor beside pulumi: \`pulumi up\` from the CLI fails for want of it (runtime ${name} in Pulumi.yaml). ` +
        "Install the Pulumi CLI with Pulumi's installer or release archive, which ship the language hosts beside pulumi; " +
        'or run the program through the Automation API (docs/install.md), which needs none',
    },
  ];
}

/** The lines of the CDKTF layer: needed when the project installed cdktn. */
async function cdktfLines(): Promise<DoctorLine[]> {
  const cdktn = projectPackage('cdktn');
  if (cdktn === undefined)
    return [
      {
        name: 'tofu',
        ok: false,
        needed: false,
        detail: 'not checked: this project has no cdktn (the CDKTF layer is not used; plan-check needs no tofu)',
      },
    ];
  const explicit = process.env['IMAGE_CATALOG_TERRAFORM'];
  const binary = explicit !== undefined && explicit !== '' ? explicit : (onPath('tofu') ?? onPath('terraform'));
  const version = binary === undefined ? undefined : await versionOf(binary, ['version']);
  const shipped = fileURLToPath(new URL('../../bin/image-catalog-tofu.js', import.meta.url));
  const gate = onPath('image-catalog-tofu') ?? (existsSync(shipped) ? shipped : undefined);
  return [
    {
      name: 'tofu',
      ok: version !== undefined,
      detail:
        binary === undefined
          ? 'neither tofu nor terraform on PATH (the gate runs it; IMAGE_CATALOG_TERRAFORM names another)'
          : `${version ?? 'does not answer `version`'}  ${binary}  (cdktn ${cdktn})`,
    },
    {
      name: 'image-catalog-tofu',
      ok: gate !== undefined,
      detail:
        gate === undefined
          ? `missing from the package (${shipped}): reinstall image-catalog`
          : `${gate}  (deploy with TERRAFORM_BINARY_NAME=${gate === shipped ? gate : 'image-catalog-tofu'})`,
    },
  ];
}

async function bundleLine(): Promise<DoctorLine> {
  try {
    await PolicyEngine.load();
    return { name: 'policy bundle', ok: true, detail: 'loads (policies/build/catalog.wasm, policies/data.json)' };
  } catch (err) {
    return { name: 'policy bundle', ok: false, detail: (err as Error).message };
  }
}

async function opaLine(): Promise<DoctorLine> {
  const opa = onPath('opa');
  const version = opa === undefined ? undefined : await versionOf(opa, ['version']);
  return {
    name: 'opa',
    ok: opa !== undefined,
    needed: false,
    detail: opa === undefined ? 'not on PATH (only `image-catalog policy test` needs it)' : `${version ?? '?'}  ${opa}`,
  };
}

/** Collects the package's lines; never throws for a missing piece (that is what it reports). */
export async function packageDoctorLines(): Promise<DoctorLine[]> {
  return [nodeLine(), await bundleLine(), ...(await pulumiLines()), ...(await cdktfLines()), await opaLine()];
}

/** A report of lines; `ok` when every needed line is. */
export function doctorReport(lines: readonly DoctorLine[]): DoctorReport {
  return { ok: lines.every((l) => l.ok || l.needed === false), lines };
}

/** Renders the report as aligned text with a verdict; `remedy` says what to do when something is missing. */
export function formatDoctor(report: DoctorReport, remedy = 'see the detail of each FAIL line'): string {
  const width = Math.max(...report.lines.map((l) => l.name.length));
  const mark = (l: DoctorLine): string => (l.ok ? 'ok  ' : l.needed === false ? '--  ' : 'FAIL');
  const body = report.lines.map((l) => `${mark(l)}  ${l.name.padEnd(width)}  ${l.detail}`).join('\n');
  const warned = report.lines.filter((l) => l.warn === true && !l.ok).map((l) => l.name);
  const verdict = report.ok
    ? `everything needed is present${warned.length === 0 ? '' : `; missing for some ways of running (see its line): ${warned.join(', ')}`}`
    : `something needed is missing: ${remedy}`;
  return `${body}\n\n${verdict}\n`;
}
