/**
 * `npm run doctor`: the package's own checks (`image-catalog doctor`: Node and why, pulumi, the policy bundle),
 * then what this checkout adds: every tool pinned in scripts/versions.json with its version and path, the lab's
 * Debian packages and the lab's state. Exits 1 when something needed is missing.
 */
import { spawnSync } from 'node:child_process';
import { doctorReport, formatDoctor, packageDoctorLines, type DoctorLine } from '../provider/cli/doctor.js';
import { answers, labSettings, readLabRecord } from './lab-settings.js';
import { locateTool, toolNames } from './tools.js';

function debianVersion(pkg: string): string | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}

async function toolLines(): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  for (const name of toolNames) {
    const status = await locateTool(name);
    lines.push(
      status.ok
        ? { name: `${name} (pinned)`, ok: true, detail: `${status.version}  ${status.path}` }
        : { name: `${name} (pinned)`, ok: false, detail: `MISSING (want ${status.version}): ${status.reason}` },
    );
  }
  return lines;
}

async function labLines(): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  for (const pkg of ['keystone', 'glance-api', 'python3-openstackclient']) {
    const version = debianVersion(pkg);
    lines.push({ name: pkg, ok: version !== undefined, needed: false, detail: version ?? 'not installed (npm run lab -- up installs it)' });
  }
  const settings = labSettings();
  const record = readLabRecord(settings);
  if (record === undefined) {
    lines.push({ name: 'lab', ok: false, needed: false, detail: `not set up in ${settings.stateDir} (npm run lab -- up)` });
    return lines;
  }
  const keystone = await answers(record.keystoneUrl);
  const glance = await answers(`${record.glanceUrl}/versions`);
  lines.push({ name: 'lab keystone', ok: keystone, needed: false, detail: `${keystone ? 'up' : 'down'}  ${record.keystoneUrl}` });
  lines.push({ name: 'lab glance', ok: glance, needed: false, detail: `${glance ? 'up' : 'down'}  ${record.glanceUrl}` });
  lines.push({ name: 'lab clouds', ok: true, detail: record.clouds });
  return lines;
}

const report = doctorReport([...(await packageDoctorLines()), ...(await toolLines()), ...(await labLines())]);
process.stdout.write(formatDoctor(report, 'npm run toolchain builds the pinned tools; npm start and npm test bring Node 24'));
process.exitCode = report.ok ? 0 : 1;
