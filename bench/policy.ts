/**
 * `npm run bench -- policy`: decision time of the catalog policy for 1, 100 and 1,000 changes against live
 * catalogs of 100, 1,000 and 10,000 images.
 *
 * - ours: PolicyEngine.decide in-process (opa-wasm), the same catalog array for every decision of a run, as a
 *   provider sees it; the first decision of a catalog (schema check and index of that catalog) is shown apart,
 *   and for 1 change also the Wasm evaluation of the whole envelope without narrowing the catalog.
 * - peer `opa bench`: OPA's Go evaluator on the same Rego, data and whole envelope (median query_eval time).
 * - peer `opa eval` per decision: one process per decision, what a conftest-style check costs (wall time).
 *
 * Goals (issue 5): 1 change against 10,000 images decided in under 1 ms at the median, no slower than
 * `opa bench` (ratio <= 1.0), and a 10x larger catalog costing at most 10x.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../provider/policy/envelope.js';
import { PolicyEngine } from '../provider/policy/engine.js';
import { loadPolicyData } from '../provider/policy/data.js';
import { locateTool, repoRoot } from '../scripts/tools.js';
import { median, report, round, sample, timeMs } from './lib.js';

const families = Array.from(
  { length: 50 },
  (_, i) => `${['ubuntu', 'debian', 'rhel', 'rocky', 'alpine'][i % 5] ?? 'ubuntu'}-${10 + Math.floor(i / 5)}-p${i}`,
);
const properties = (name: string): Record<string, string> => {
  const [os = '', version = ''] = name.split('-');
  return { os_distro: os, os_version: version, hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'bench image' };
};

function catalog(size: number): Record<string, unknown>[] {
  return Array.from({ length: size }, (_, i) => {
    const k = Math.floor(i / families.length);
    const name = `${families[i % families.length] ?? ''}-v${1 + Math.floor(k / 10)}.${k % 10}`;
    return {
      id: `img-${i}`,
      name,
      status: 'active',
      visibility: 'shared',
      owner: 'platform',
      disk_format: 'qcow2',
      container_format: 'bare',
      properties: properties(name),
    };
  });
}

function changes(count: number): Envelope['changes'] {
  return Array.from({ length: count }, (_, j) => {
    const name = `${families[j % families.length] ?? ''}-v${100 + j}.0`;
    return {
      address: `urn:pulumi:bench::catalog::image-catalog:index:Image::img-${j}`,
      kind: 'image' as const,
      action: 'create' as const,
      before: null,
      after: {
        name,
        disk_format: 'qcow2',
        container_format: 'bare',
        visibility: 'shared',
        min_disk: 10,
        min_ram: 1024,
        properties: properties(name),
      },
    };
  });
}

function envelope(size: number, count: number): Envelope {
  return {
    principal: { user_id: 'u-bench', project_id: 'platform', roles: ['member', 'reader'] },
    changes: changes(count),
    catalog: { images: catalog(size) },
  };
}

const opaStatus = await locateTool('opa');
if (!opaStatus.ok) throw new Error(`the peers need opa: ${opaStatus.reason}`);
const opa = opaStatus;
const work = mkdtempSync(join(tmpdir(), 'image-catalog-bench-policy-'));
const dataDir = join(work, 'data');
mkdirSync(dataDir);
writeFileSync(join(dataDir, 'data.json'), JSON.stringify(loadPolicyData()));

/** The policy, its data, an input file and the decision query: what both peers evaluate. */
function decisionArgs(inputFile: string): string[] {
  return ['-d', join(repoRoot, 'policies', 'catalog'), '-d', dataDir, '-i', inputFile, 'data.catalog.main.decision'];
}

/** Median query_eval time of `opa bench` for one envelope, in ms. */
function opaBench(input: Envelope): number {
  const file = join(work, 'input.json');
  writeFileSync(file, JSON.stringify(input));
  const out = execFileSync(opa.path, ['bench', '--format', 'json', '--benchmem=false', ...decisionArgs(file)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(out) as { N: number; T: number; Extra: Record<string, number> };
  return (result.Extra['histogram_timer_rego_query_eval_ns_median'] ?? result.T / result.N) / 1e6;
}

/** Wall time of one `opa eval` process per decision, median of a few, in ms. */
function opaEvalProcess(input: Envelope, runs = 3): number {
  const file = join(work, 'input.json');
  writeFileSync(file, JSON.stringify(input));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      timeMs(() => {
        execFileSync(opa.path, ['eval', '--format', 'json', ...decisionArgs(file)], { maxBuffer: 64 * 1024 * 1024 });
      }),
    );
  }
  return median(times);
}

interface Row {
  catalog: number;
  changes: number;
  ours_median_ms: number;
  ours_first_ms: number;
  /** The same Wasm evaluation on the whole envelope, without the catalog narrowing (1 change only). */
  ours_whole_catalog_ms: number | null;
  opa_bench_ms: number;
  opa_eval_process_ms: number;
  ratio_vs_opa_bench: number;
  allowed: boolean;
}

try {
  const engine = await PolicyEngine.load();
  const rows: Row[] = [];
  for (const size of [100, 1000, 10000]) {
    for (const count of [1, 100, 1000]) {
      const input = envelope(size, count);
      let allowed = false;
      const first = timeMs(() => {
        allowed = engine.decide(input).allowed;
      });
      const ours = median(sample(() => engine.decide(input), 400));
      const whole = count === 1 ? median(sample(() => engine.evaluate(input), 400)) : null;
      const goBench = opaBench(input);
      const perProcess = opaEvalProcess(input);
      const row: Row = {
        catalog: size,
        changes: count,
        ours_median_ms: round(ours),
        ours_first_ms: round(first),
        ours_whole_catalog_ms: whole === null ? null : round(whole),
        opa_bench_ms: round(goBench),
        opa_eval_process_ms: round(perProcess, 1),
        ratio_vs_opa_bench: Number((ours / goBench).toPrecision(3)),
        allowed,
      };
      rows.push(row);
      process.stdout.write(
        `catalog ${String(size).padStart(5)}  changes ${String(count).padStart(4)}  ours ${row.ours_median_ms} ms (first ${row.ours_first_ms}` +
          `${whole === null ? '' : `, whole catalog ${String(row.ours_whole_catalog_ms)}`})  ` +
          `opa bench ${row.opa_bench_ms} ms  opa eval/process ${row.opa_eval_process_ms} ms  ratio ${row.ratio_vs_opa_bench}\n`,
      );
    }
  }
  const at = (size: number, count: number): Row => {
    const row = rows.find((r) => r.catalog === size && r.changes === count);
    if (row === undefined) throw new Error('missing row');
    return row;
  };
  const headline = at(10000, 1);
  const growth = Math.max(...[1, 100, 1000].map((c) => at(10000, c).ours_median_ms / at(1000, c).ours_median_ms));
  report({
    bench: 'policy',
    peer: 'opa bench (OPA Go evaluator, same Rego, data and envelope)',
    ratio: headline.ratio_vs_opa_bench,
    goal: '1 change vs 10,000 images: median < 1 ms and ratio <= 1.0; 10x catalog costs <= 10x',
    median_ms: headline.ours_median_ms,
    opa_bench_ms: headline.opa_bench_ms,
    opa_eval_process_ms: headline.opa_eval_process_ms,
    whole_catalog_ms: headline.ours_whole_catalog_ms,
    worst_growth_1k_to_10k: round(growth, 2),
    met: headline.ours_median_ms < 1 && headline.ratio_vs_opa_bench <= 1 && growth <= 10,
    rows,
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
