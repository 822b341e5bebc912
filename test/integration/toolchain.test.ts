import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { locateTool, toolEnv, toolNames, toolSpec } from '../../scripts/tools.js';
import { runCommand } from '../helpers/run.js';

t.test(
  'npm run doctor lists every pinned tool with the version and path it was found at, and exits 1 only when one is missing',
  async (t) => {
    const ran = await runCommand(process.execPath, ['--import', 'tsx', 'scripts/doctor.ts']);
    let missing = 0;
    for (const name of toolNames) {
      const status = await locateTool(name);
      const line = ran.stdout.split('\n').find((l) => new RegExp(`^(ok|FAIL)\\s+${name} \\(pinned\\)\\s`).test(l));
      t.ok(line, `doctor has a line for ${name}`);
      if (status.ok) t.match(line, `${status.version}  ${status.path}`, `${name}: version and path`);
      else {
        missing += 1;
        t.match(line, `MISSING (want ${status.version})`, `${name}: reported missing`);
      }
    }
    t.equal(ran.code, missing === 0 ? 0 : 1, 'exit code follows whether a tool is missing', { output: ran.stdout });
    t.match(ran.stdout, /lab glance\s+up/, 'doctor reports the lab');
    t.notMatch(ran.stdout, /^FAIL\s+pulumi-language-nodejs/m, 'pulumi-language-nodejs is never a failure (npm start needs none)');
  },
);

t.test('doctor says which Node runs and why: the one the bootstrap chose, at least engines.node', async (t) => {
  const ran = await runCommand(process.execPath, ['bin/image-catalog.js', 'doctor']);
  const node = ran.stdout.split('\n').find((l) => /^ok\s+node\s/.test(l));
  t.ok(node, 'the node line is ok', { output: ran.stdout });
  t.match(node, `${process.version}  ${process.execPath}`, 'it names the version and the binary that runs');
  t.match(node, process.env['IMAGE_CATALOG_NODE'] ?? 'the node that runs this command', 'and why that one');
  t.match(
    ran.stdout,
    new RegExp(`^ok\\s+pulumi\\s+v${toolSpec('pulumi').version.replaceAll('.', '\\.')}\\s`, 'm'),
    'the pulumi CLI on PATH is the pinned one',
  );
  t.match(ran.stdout, /^ok\s+pulumi-resource-image-catalog\s/m, "and this package's provider plugin");
  t.match(ran.stdout, /^ok\s+policy bundle\s+loads/m, 'the policy bundle loads');
  t.equal(ran.code, 0, 'image-catalog doctor exits 0 here', { output: ran.stdout });
  // 12: this checkout's Pulumi.yaml says runtime nodejs; these machines cannot have pulumi-language-nodejs.
  const host = ran.stdout.split('\n').find((l) => /\spulumi-language-nodejs\s/.test(l));
  t.ok(host, 'doctor checks the language host of the runtime Pulumi.yaml names', { output: ran.stdout });
  if (host?.startsWith('--') === true) {
    t.match(host, /`pulumi up` from the CLI fails for want of it/, 'a missing one says what fails');
    t.match(ran.stdout, /everything needed is present; missing for some ways of running \(see its line\): pulumi-language-nodejs/);
  } else t.match(host, /^ok\s/, 'else it is found');
});

// The machine's own node (these machines have 20): what a user who has not upgraded runs `npx image-catalog` with.
const machineNode = '/usr/bin/node';
const machineVersion = existsSync(machineNode) ? execFileSync(machineNode, ['--version'], { encoding: 'utf8' }).trim() : undefined;
const nothingOlder =
  machineVersion === undefined
    ? `no ${machineNode} on this machine`
    : Number(machineVersion.slice(1).split('.')[0]) >= 22
      ? `the machine's own node is ${machineVersion}: nothing older to try`
      : false;

t.test('a node older than engines.node is refused by the image-catalog bin with what to do', { skip: nothingOlder }, async (t) => {
  const ran = await runCommand(machineNode, ['bin/image-catalog.js', 'doctor']);
  t.equal(ran.code, 2, `the bin exits 2 under ${machineVersion ?? '?'}`);
  t.match(ran.stderr, /needs Node >=22\.19.*put Node 24 LTS first on PATH/, 'and says what it needs');
});

t.test('tofu init installs terraform-provider-openstack from the local mirror with every network route dead', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-tofu-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'main.tf'),
    'terraform {\n  required_providers {\n    openstack = {\n      source  = "terraform-provider-openstack/openstack"\n      version = "3.4.0"\n    }\n  }\n}\n',
  );
  // A proxy on a port nobody listens on: any attempt to reach a registry fails instead of going out.
  const env = { ...(await toolEnv()), HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' };
  const ran = await runCommand('tofu', ['init', '-input=false', '-no-color'], env, dir);
  t.equal(ran.code, 0, ran.stderr);
  t.match(ran.stdout, 'Installed terraform-provider-openstack/openstack v3.4.0');
  const version = await runCommand('tofu', ['version', '-json'], env, dir);
  const reported = JSON.parse(version.stdout) as { terraform_version: string; provider_selections: Record<string, string> };
  t.equal(reported.provider_selections['registry.opentofu.org/terraform-provider-openstack/openstack'], '3.4.0');
});
