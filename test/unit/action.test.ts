/**
 * The GitHub Action: action.yml runs the committed bundle on Node 24, each input is a pr-check flag the command
 * declares (and every flag is an input), the inputs map to flags as documented, the
 * example workflow asks for the permissions its reports need and no more, and the committed bundle is what the
 * sources build (npm run build:action).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import t from 'tap';
import { parse } from 'yaml';
import { flagsOf } from '../../action/inputs.js';
import { registerPrCheck } from '../../provider/cli/pr-check.js';
import { buildAction, committedAction, sameBundle } from '../../scripts/build-action.js';
import { repoRoot } from '../../scripts/tools.js';

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
};

t.test('action.yml: node24, the committed bundle, a default token from the workflow', (t) => {
  t.same(action.runs, { using: 'node24', main: 'action/bundle/main.js' });
  t.equal(action.inputs['token']?.default, '${{ github.token }}');
  t.end();
});

t.test('every input is a flag of pr-check, and every flag of pr-check is an input', (t) => {
  const program = new Command();
  registerPrCheck(program);
  const flags = (program.commands[0]?.options ?? []).map((o) => o.long?.replace(/^--(no-)?/, '') ?? '');
  const inputs = Object.keys(action.inputs).filter((name) => name !== 'token');
  t.same(
    inputs.filter((name) => !flags.includes(name)),
    [],
    'no input without its flag',
  );
  t.same(
    flags.filter((flag) => !inputs.includes(flag)),
    [],
    'no flag without its input (pr, repo, sha and ref too: for events other than pull_request)',
  );
  t.end();
});

t.test('inputs become flags; empty ones are left out; data is one file per line', (t) => {
  const given: Record<string, string> = {
    pulumi: 'infra',
    stack: 'prod',
    report: 'check-run,sarif',
    data: 'a.yaml\n\n b.json \n',
    sarif: '',
  };
  t.same(
    flagsOf((name) => given[name] ?? ''),
    ['--pulumi', 'infra', '--stack', 'prod', '--report', 'check-run,sarif', '--data', 'a.yaml', 'b.json'],
  );
  t.same(
    flagsOf((name) => ({ pulumi: 'infra', refresh: 'false' })[name] ?? ''),
    ['--pulumi', 'infra', '--no-refresh'],
    'refresh: false',
  );
  t.end();
});

t.test('examples/pr-check: the permissions its reports need and no more, one run per PR, inputs the action has', (t) => {
  const workflow = parse(readFileSync(join(repoRoot, 'examples', 'pr-check', 'image-catalog.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    concurrency: { group: string; 'cancel-in-progress': boolean };
    jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
  };
  t.ok('pull_request' in workflow.on, 'on pull_request');
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((s) => s.uses?.includes('/image-catalog@') === true);
  t.ok(step, 'a step uses the action');
  const reports = (step?.with?.['report'] ?? action.inputs['report']?.default ?? '').split(',');
  const needs: Record<string, string> = { 'check-run': 'checks', comment: 'pull-requests', sarif: 'security-events' };
  const wanted = ['contents', ...reports.map((r) => needs[r] ?? `unknown report ${r}`)].sort();
  t.same(Object.keys(workflow.permissions).sort(), wanted, 'exactly the permissions of its reports (security-events only with sarif)');
  t.ok(
    Object.entries(workflow.permissions).every(([name, level]) => level === (name === 'contents' ? 'read' : 'write')),
    'write where a report posts, read for the code',
  );
  t.match(workflow.concurrency, { group: /github\.event\.pull_request\.number/, 'cancel-in-progress': true }, 'a concurrency group per PR');
  t.same(
    Object.keys(step?.with ?? {}).filter((name) => !(name in action.inputs)),
    [],
    'every input it gives is one of action.yml',
  );
  t.end();
});

t.test('the committed bundle is what the sources build (npm run build:action)', async (t) => {
  t.ok(sameBundle(await buildAction(), committedAction()), 'current: run npm run build:action and commit action/bundle otherwise');
});
