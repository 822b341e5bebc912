import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { locateTool, toolEnv, toolNames } from '../../scripts/tools.js';
import { runCommand } from '../helpers/run.js';

t.test('doctor lists every pinned tool with the version and path it was found at, and exits 1 only when one is missing', async (t) => {
  const ran = await runCommand(process.execPath, ['bin/image-catalog.js', 'doctor']);
  let missing = 0;
  for (const name of toolNames) {
    const status = await locateTool(name);
    const line = ran.stdout.split('\n').find((l) => new RegExp(`^(ok|FAIL)\\s+${name}\\s`).test(l));
    t.ok(line, `doctor has a line for ${name}`);
    if (status.ok) t.match(line, `${status.version}  ${status.path}`, `${name}: version and path`);
    else {
      missing += 1;
      t.match(line, `MISSING (want ${status.version})`, `${name}: reported missing`);
    }
  }
  t.equal(ran.code, missing === 0 ? 0 : 1, 'exit code follows whether a tool is missing');
  t.match(ran.stdout, /lab glance\s+up/, 'doctor reports the lab');
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
