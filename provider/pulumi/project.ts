/** What kind of Pulumi project a folder holds, read from its Pulumi.yaml (light: no @pulumi/pulumi load). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Whether the project in `cwd` is a Pulumi YAML program (`runtime: yaml` in its Pulumi.yaml). */
export function isYamlProject(cwd: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(cwd, 'Pulumi.yaml'), 'utf8');
  } catch {
    return false;
  }
  const runtime = (parseYaml(text) as { runtime?: string | { name?: string } } | null)?.runtime;
  return (typeof runtime === 'string' ? runtime : runtime?.name) === 'yaml';
}
