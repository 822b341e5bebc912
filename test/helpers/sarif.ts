/**
 * Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, a self-contained binary: no .NET needed) validating a
 * SARIF log. The tool exits 0 whatever it finds, so its own SARIF output is read: the results at level error or
 * warning are the problems. SARIF2006 (are the URIs reachable over the network) is off: nothing here goes online.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const offline = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

/** The Multitool's binary (the platform package the npm package picks). */
function multitool(): string {
  const require = createRequire(import.meta.url);
  const dir = join(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`), '..');
  const binary = join(dir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  // npm may leave install scripts (its chmod) unrun.
  if ((statSync(binary).mode & 0o100) === 0) chmodSync(binary, 0o755);
  return binary;
}

/** One problem the Multitool found. */
export interface SarifProblem {
  readonly rule: string;
  readonly level: string;
  readonly text: string;
}

/** Validates `log` (an object or a file); the problems at level error or warning. */
export function validateSarif(log: object | string): SarifProblem[] {
  const work = mkdtempSync(join(tmpdir(), 'image-catalog-sarif-'));
  try {
    const input = typeof log === 'string' ? log : join(work, 'input.sarif');
    if (typeof log !== 'string') writeFileSync(input, JSON.stringify(log));
    const config = join(work, 'offline.xml');
    writeFileSync(config, offline);
    const output = join(work, 'validation.sarif');
    const ran = spawnSync(multitool(), ['validate', input, '-o', output, '--log', 'ForceOverwrite', '-c', config], { encoding: 'utf8' });
    if (ran.error !== undefined) throw ran.error;
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { results?: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }[] }[];
    };
    return report.runs
      .flatMap((r) => r.results ?? [])
      .filter((r) => (r.level ?? 'warning') === 'error' || (r.level ?? 'warning') === 'warning')
      .map((r) => ({ rule: r.ruleId, level: r.level ?? 'warning', text: r.message.text ?? (r.message.arguments ?? []).join(' | ') }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
