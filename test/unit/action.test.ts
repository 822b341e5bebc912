/**
 * The GitHub Action: action.yml runs the committed bundle on Node 24, each input is a pr-check flag the command
 * declares (and every flag but the GitHub context ones is an input), the inputs map to flags as documented, and
 * the committed bundle is what the sources build (npm run build:action).
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

t.test('every input is a flag of pr-check, and every pr-check flag but the context ones is an input', (t) => {
  const program = new Command();
  registerPrCheck(program);
  const flags = (program.commands[0]?.options ?? []).map((o) => o.long?.replace(/^--/, '') ?? '');
  const inputs = Object.keys(action.inputs).filter((name) => name !== 'token');
  t.same(
    inputs.filter((name) => !flags.includes(name)),
    [],
    'no input without its flag',
  );
  t.same(
    flags.filter((flag) => !inputs.includes(flag)).sort(),
    ['pr', 'ref', 'repo', 'sha'],
    'the flags without an input: what the Actions environment gives',
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
  t.end();
});

t.test('the committed bundle is what the sources build (npm run build:action)', async (t) => {
  t.ok(sameBundle(await buildAction(), committedAction()), 'current: run npm run build:action and commit action/bundle otherwise');
});
