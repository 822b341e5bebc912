/**
 * The sources of the images a saved plan creates, checked before tofu applies it, as the Pulumi path checks them
 * before any API call: a `local_file_path` that is not there or cannot be read, an `image_source_url` that does not
 * answer 200 to a HEAD or a ranged GET. terraform-provider-openstack would make the record first and then fail (a
 * missing file: a queued record left tainted) or wait for an import that never ends (a 404: until its timeout).
 * And a share a `moved` block takes onto another image in the plan that moves it ({@link movedShareRefusals}).
 */
import { resolve } from 'node:path';
import { imageLocalProblems, urlSourceProblem } from '../resources/image/image.js';
import type { PlanJson } from './decide.js';
import { actionOf, tpoResources } from './plan.js';

/** Each refusal, `<address>: <field>: <why> (rule: <rule>)`; `dir`: the stack folder tofu runs in (file paths are relative to it). */
export async function sourceRefusals(plan: PlanJson, dir: string): Promise<string[]> {
  const checks: Promise<string | undefined>[] = [];
  for (const change of plan.resource_changes ?? []) {
    if (change.mode === 'data' || tpoResources[change.type]?.kind !== 'image' || !change.change.actions.includes('create')) continue;
    const after = change.change.after ?? {};
    const file = after['local_file_path'];
    const url = after['image_source_url'];
    if (typeof file === 'string' && file !== '') {
      const [problem] = imageLocalProblems({ source: { file: resolve(dir, file) } });
      checks.push(
        Promise.resolve(
          problem === undefined ? undefined : `${change.address}: local_file_path: ${problem.message} (rule: ${problem.rule})`,
        ),
      );
    } else if (typeof url === 'string' && url !== '') {
      checks.push(
        urlSourceProblem(url).then((problem) =>
          problem === undefined ? undefined : `${change.address}: image_source_url: ${problem.message} (rule: ${problem.rule})`,
        ),
      );
    }
  }
  return (await Promise.all(checks)).filter((r): r is string => r !== undefined);
}

/**
 * A share 0.3 made (one per consumer, of the newest version) that the upgrade's `moved` block takes onto another
 * image in the same plan: a version added in the run that upgrades. tofu would replace that membership while the
 * older version's new share adds the same member to the same image, in any order (Glance answers 409 to the
 * second). Refused, with the way: deploy the upgrade with the versions the stack has, then add the version.
 */
export function movedShareRefusals(plan: PlanJson): string[] {
  return (plan.resource_changes ?? []).flatMap((change) => {
    const kind = tpoResources[change.type]?.kind;
    if (change.previous_address === undefined || (kind !== 'member' && kind !== 'acceptance')) return [];
    if (actionOf(change.change.actions) !== 'replace') return [];
    return [
      `${change.address}: image_id: the share ${change.previous_address} (made by 0.3) moves here with another image, a version ` +
        'added in the same run as the upgrade: deploy the upgrade with the versions the stack has first, then add the version (rule: moved)',
    ];
  });
}
