/**
 * `npm test`: the whole check, from a fresh machine. scripts/bootstrap.js has already chosen the Node (24 when the
 * machine's is older than engines.node) and installed the npm packages. Builds the pinned tools (scripts/toolchain.ts), starts a
 * test lab of its own afresh, then lint, typecheck, the policy checks once policies/ exists, and the tap suites
 * (unit, integration against the test lab, e2e: real pulumi through the Automation API against it). Ends with its own line
 * `N passed, N failed[, N skipped]` and exits 1 when anything failed.
 *
 * The test lab is not the lab `npm start` uses: its own state directory and ports (below), emptied at the start
 * of every run that needs it (what an earlier run or another checkout left there cannot decide a result) and
 * stopped at the end. The default lab and the example stack in it are left as they are.
 *
 *   IMAGE_CATALOG_TEST_LAB_DIR            default <cache>/test-lab
 *   IMAGE_CATALOG_TEST_LAB_KEYSTONE_PORT  default 5010
 *   IMAGE_CATALOG_TEST_LAB_GLANCE_PORT    default 9302
 *   IMAGE_CATALOG_TEST_LAB_SOURCE_PORT    default 8010
 *   IMAGE_CATALOG_TEST_LAB_S3_PORT        default 8343 (and the seven after it)
 *   IMAGE_CATALOG_TEST_LAB_SWIFT_PORT     default 8090 (and the three after it)
 *   IMAGE_CATALOG_TEST_LAB_REGION_TWO_PORT default 9303
 *
 *   npm test -- --only unit        run one stage (toolchain, lab, lint, typecheck, policy, unit, integration, e2e)
 *   npm test -- --skip integration leave stages out (the count says what was skipped and why)
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, locateTool, repoRoot, toolEnv, toolNames } from './tools.js';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  readonly failures: string[];
  readonly skips: string[];
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };

function record(name: string, outcome: 'pass' | 'fail' | 'skip', why = ''): void {
  if (outcome === 'pass') tally.passed += 1;
  if (outcome === 'fail') {
    tally.failed += 1;
    tally.failures.push(name);
  }
  if (outcome === 'skip') {
    tally.skipped += 1;
    tally.skips.push(`${name} (skipped: ${why})`);
  }
}

interface Run {
  readonly code: number;
  readonly output: string;
}

/** Runs a command with its output streamed to ours (and kept, for parsing). */
function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, echo = true): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, [...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('error', (err) => resolve({ code: 127, output: String(err) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function bin(name: string): string {
  return join(repoRoot, 'node_modules', '.bin', name);
}

function stage(name: string): void {
  process.stdout.write(`\n=== ${name}\n`);
}

/** One check per tool: built or present passes; a module the proxy will not serve is a skip that says so. */
async function toolchainStage(): Promise<void> {
  const { output } = await run(process.execPath, ['--import', 'tsx', 'scripts/toolchain.ts']);
  const lines = output.split('\n');
  for (const tool of toolNames) {
    const name = `toolchain builds ${tool}`;
    if (lines.some((l) => l.startsWith(`toolchain: ${tool} `) && / (present|built in) /.test(l))) record(name, 'pass');
    else if (lines.some((l) => l.startsWith(`toolchain: UNAVAILABLE ${tool}:`))) {
      record(name, 'skip', 'the Go module proxy reachable here refuses the pinned module version (403)');
    } else record(name, 'fail');
  }
}

/**
 * Points this process and every child at the test lab: the lab settings (scripts/lab-settings.ts) are read from
 * the environment by the lab script, the tests' helpers, `npm start` and `npm run doctor` alike.
 */
function useTestLab(): void {
  const pick = (name: string, fallback: string): string => {
    const value = process.env[`IMAGE_CATALOG_TEST_LAB_${name}`];
    return value !== undefined && value !== '' ? value : fallback;
  };
  process.env['IMAGE_CATALOG_LAB_DIR'] = pick('DIR', join(cacheRoot(), 'test-lab'));
  process.env['IMAGE_CATALOG_LAB_KEYSTONE_PORT'] = pick('KEYSTONE_PORT', '5010');
  process.env['IMAGE_CATALOG_LAB_GLANCE_PORT'] = pick('GLANCE_PORT', '9302');
  process.env['IMAGE_CATALOG_LAB_SOURCE_PORT'] = pick('SOURCE_PORT', '8010');
  process.env['IMAGE_CATALOG_LAB_S3_PORT'] = pick('S3_PORT', '8343');
  process.env['IMAGE_CATALOG_LAB_SWIFT_PORT'] = pick('SWIFT_PORT', '8090');
  process.env['IMAGE_CATALOG_LAB_REGION_TWO_PORT'] = pick('REGION_TWO_PORT', '9303');
}

const labScript = (command: string): Promise<Run> => run(process.execPath, ['--import', 'tsx', 'scripts/lab.ts', command]);

async function labStage(): Promise<boolean> {
  const { code } = await labScript('reset');
  record('the test lab starts afresh (keystone, glance-api, web-download source)', code === 0 ? 'pass' : 'fail');
  return code === 0;
}

async function simpleStage(name: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { code } = await run(cmd, args, env);
  record(name, code === 0 ? 'pass' : 'fail');
}

/**
 * Counts the behaviours (`t.test` directly inside each file) from tap's TAP stream; a file that fails outside
 * any subtest (a crash on import) counts as one failure of its own.
 */
function countTap(output: string, suite: string): void {
  let fileFailedInside = false;
  for (const line of output.split('\n')) {
    const sub = /^ {4}(not ok|ok) \d+ - (.*?)(?: # (SKIP|TODO)\b ?(.*?))?(?: # time=.*)?$/.exec(line);
    if (sub !== null) {
      const [, status, name = '', directive, why = ''] = sub;
      if (directive !== undefined) record(`${suite}: ${name}`, 'skip', why);
      else if (status === 'ok') record(`${suite}: ${name}`, 'pass');
      else {
        record(`${suite}: ${name}`, 'fail');
        fileFailedInside = true;
      }
      continue;
    }
    const top = /^(not ok|ok) \d+ - (\S+)/.exec(line);
    if (top !== null) {
      if (top[1] === 'not ok' && !fileFailedInside) record(`${suite}: ${top[2] ?? '?'} (the file itself failed)`, 'fail');
      fileFailedInside = false;
    }
  }
}

async function tapStage(suite: 'unit' | 'policy' | 'integration' | 'e2e'): Promise<void> {
  const dir = join(repoRoot, 'test', suite);
  const files = existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join('test', suite, f))
    : [];
  if (files.length === 0) return;
  // Integration and e2e tests share one lab (and one test cycles it down and up): one file at a time.
  const jobs = suite === 'integration' || suite === 'e2e' ? ['--jobs=1', '--timeout=1200'] : [];
  const { output, code } = await run(bin('tap'), ['--reporter=tap', ...jobs, ...files]);
  const before = tally.passed + tally.failed + tally.skipped;
  countTap(output, suite);
  if (code !== 0 && tally.failures.length === 0) record(`${suite}: tap exited ${code}`, 'fail');
  if (tally.passed + tally.failed + tally.skipped === before) record(`${suite}: tap ran no test`, 'fail');
}

/**
 * The Rego side: the shipped Wasm bundle is current, formatting, strict compile, Regal, each Rego test counted
 * on its own, coverage of every rule line, then the differential suite (Wasm in Node vs OPA's Go evaluator).
 */
async function policyStage(): Promise<void> {
  if (!existsSync(join(repoRoot, 'policies'))) return;
  const env = await toolEnv();
  await simpleStage('the shipped policy bundle and rule list are built from the current Rego (npm run policy:build)', process.execPath, [
    '--import',
    'tsx',
    'scripts/policy-build.ts',
    '--check',
  ]);
  await simpleStage('opa fmt: every policy is formatted', 'opa', ['fmt', '--list', '--fail', 'policies'], env);
  await simpleStage('opa check --strict: the policies compile', 'opa', ['check', '--strict', 'policies'], env);
  await simpleStage(
    'regal lint: the policies follow the Rego style guide',
    'regal',
    ['lint', '--config-file', 'policies/.regal/config.yaml', 'policies'],
    env,
  );
  const tests = await run('opa', ['test', '--format=json', 'policies'], env, false);
  try {
    const results = JSON.parse(tests.output) as { package: string; name: string; fail?: boolean; error?: unknown; skip?: boolean }[];
    for (const r of results) {
      const name = `opa test: ${r.package.replace(/^data\./, '')}.${r.name}`;
      const failed = r.fail === true || r.error !== undefined;
      record(name, r.skip === true ? 'skip' : failed ? 'fail' : 'pass', 'skipped in Rego (todo_ prefix)');
      if (failed) process.stdout.write(`FAILED ${name}\n`);
    }
    if (results.length === 0) record('opa test: ran no test', 'fail');
  } catch {
    process.stdout.write(tests.output);
    record('opa test: the Rego tests ran', 'fail');
  }
  const coverage = await run('opa', ['test', '--coverage', '--format=json', 'policies'], env, false);
  let percent: number;
  try {
    percent = (JSON.parse(coverage.output) as { coverage: number }).coverage;
  } catch {
    percent = -1;
  }
  process.stdout.write(`opa test --coverage: ${percent}% of rule lines\n`);
  record(`opa test --coverage: every rule line is covered (${percent}%)`, percent === 100 ? 'pass' : 'fail');
  await tapStage('policy');
}

const stages = ['toolchain', 'lab', 'lint', 'typecheck', 'policy', 'unit', 'integration', 'e2e'] as const;
type Stage = (typeof stages)[number];

function parseArgs(argv: readonly string[]): Set<Stage> {
  const chosen = new Set<Stage>(stages);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1] ?? '';
    const names = value.split(',').filter((v) => v !== '');
    const bad = names.filter((n) => !stages.includes(n as Stage));
    if ((flag !== '--only' && flag !== '--skip') || names.length === 0 || bad.length > 0) {
      process.stderr.write(`usage: npm test -- [--only STAGE[,STAGE]] [--skip STAGE[,STAGE]]\nstages: ${stages.join(', ')}\n`);
      process.exit(2);
    }
    if (flag === '--only') for (const s of stages) if (!names.includes(s)) chosen.delete(s);
    if (flag === '--skip') for (const n of names) chosen.delete(n as Stage);
    i += 1;
  }
  return chosen;
}

async function main(): Promise<number> {
  const chosen = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (chosen.has('toolchain')) {
    stage('toolchain');
    await toolchainStage();
  }
  useTestLab();
  let labUp = true;
  const needsLab = chosen.has('lab') || chosen.has('integration') || chosen.has('e2e');
  if (needsLab) {
    stage(`lab (the test lab: ${process.env['IMAGE_CATALOG_LAB_DIR'] ?? ''})`);
    labUp = await labStage();
  }
  if (chosen.has('lint')) {
    stage('lint');
    await simpleStage('eslint: no lint errors', bin('eslint'), ['.']);
  }
  if (chosen.has('typecheck')) {
    stage('typecheck');
    await simpleStage('tsc: the project typechecks (strict)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  }
  if (chosen.has('policy')) {
    stage('policy');
    await policyStage();
  }
  if (chosen.has('unit')) {
    stage('unit tests');
    await tapStage('unit');
  }
  if (chosen.has('integration')) {
    stage('integration tests (against the lab)');
    if (labUp) await tapStage('integration');
    else record('integration tests', 'fail');
  }
  if (chosen.has('e2e')) {
    stage('e2e tests (real pulumi and cdktn against the lab)');
    if (labUp && (await locateTool('pulumi')).ok) await tapStage('e2e');
    else record('e2e tests (the lab and pulumi are needed)', 'fail');
  }
  if (needsLab) {
    stage('stopping the test lab (its state stays for a look)');
    await labScript('down');
  }
  process.stdout.write(`\n=== summary (${((Date.now() - t0) / 1000).toFixed(0)}s)\n`);
  for (const s of tally.skips) process.stdout.write(`skipped: ${s}\n`);
  for (const f of tally.failures) process.stdout.write(`FAILED: ${f}\n`);
  const skipped = tally.skipped > 0 ? `, ${tally.skipped} skipped` : '';
  process.stdout.write(`${tally.passed} passed, ${tally.failed} failed${skipped}\n`);
  return tally.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
