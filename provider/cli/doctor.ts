/**
 * `image-catalog doctor`: every tool the project drives with its version and path, and the lab's state.
 */
import { spawnSync } from 'node:child_process';
import { answers, readLabRecord, labSettings } from '../../scripts/lab-settings.js';
import { locateTool, toolNames, type ToolStatus } from '../../scripts/tools.js';

/** One line of the report. */
export interface DoctorLine {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What doctor found: a line per tool and per lab service; `ok` is false when a tool is missing. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly lines: readonly DoctorLine[];
}

function debianVersion(pkg: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}

function toolLine(status: ToolStatus): DoctorLine {
  return status.ok
    ? { name: status.name, ok: true, detail: `${status.version}  ${status.path}` }
    : { name: status.name, ok: false, detail: `MISSING (want ${status.version}): ${status.reason}` };
}

/** Collects the report; never throws for a missing piece (that is what it reports). */
export async function doctor(): Promise<DoctorReport> {
  const lines: DoctorLine[] = [];
  lines.push({ name: 'node', ok: true, detail: `${process.version}  ${process.execPath}` });
  for (const name of toolNames) lines.push(toolLine(await locateTool(name)));
  const toolsOk = lines.every((l) => l.ok);
  for (const pkg of ['keystone', 'glance-api', 'python3-openstackclient']) {
    const version = debianVersion(pkg);
    lines.push({ name: pkg, ok: version !== undefined, detail: version ?? 'not installed (npm run lab -- up installs it)' });
  }
  const settings = labSettings();
  const record = readLabRecord(settings);
  if (record === undefined) {
    lines.push({ name: 'lab', ok: false, detail: `not set up in ${settings.stateDir} (npm run lab -- up)` });
  } else {
    const keystone = await answers(record.keystoneUrl);
    const glance = await answers(`${record.glanceUrl}/versions`);
    lines.push({ name: 'lab keystone', ok: keystone, detail: `${keystone ? 'up' : 'down'}  ${record.keystoneUrl}` });
    lines.push({ name: 'lab glance', ok: glance, detail: `${glance ? 'up' : 'down'}  ${record.glanceUrl}` });
    lines.push({ name: 'lab clouds', ok: true, detail: record.clouds });
  }
  return { ok: toolsOk, lines };
}

/** Renders the report as aligned text. */
export function formatDoctor(report: DoctorReport): string {
  const width = Math.max(...report.lines.map((l) => l.name.length));
  const body = report.lines.map((l) => `${l.ok ? 'ok  ' : 'FAIL'}  ${l.name.padEnd(width)}  ${l.detail}`).join('\n');
  const verdict = report.ok ? 'every tool is present' : 'a tool is missing: run npm run toolchain';
  return `${body}\n\n${verdict}\n`;
}
