/**
 * The progress lines of a run (progressPrinter): each step said when it begins and when it ends; a step still
 * open when the run ends (a component whose children failed) is said not finished instead of left at "creating".
 */
import t from 'tap';
import type { EngineEvent } from '@pulumi/pulumi/automation/index.js';
import { planSteps, progressPrinter } from '../../provider/pulumi/automation.js';

const urn = (type: string, name: string): string => `urn:pulumi:dev::image-catalog::${type}::${name}`;
const image = urn('image-catalog:index:Image', 'ubuntu-v1.1');
const line = urn('image-catalog:index:VersionLine', 'ubuntu-base');
const step = (op: string, type: string, at: string) => ({ metadata: { op, type, urn: at } });
const event = (fields: Record<string, unknown>): EngineEvent => ({ sequence: 0, timestamp: 0, ...fields });

t.test('a step still open when the run ends is said not finished; finished and failed ones are not', (t) => {
  const lines: string[] = [];
  const print = progressPrinter((l) => lines.push(l));
  print(event({ resourcePreEvent: step('create', 'image-catalog:index:VersionLine', line) }));
  print(event({ resourcePreEvent: step('create', 'image-catalog:index:Image', image) }));
  print(event({ resourcePreEvent: step('create', 'image-catalog:index:Image', urn('image-catalog:index:Image', 'ubuntu-v1.0')) }));
  print(event({ resOutputsEvent: step('create', 'image-catalog:index:Image', urn('image-catalog:index:Image', 'ubuntu-v1.0')) }));
  print(event({ resOpFailedEvent: { ...step('create', 'image-catalog:index:Image', image), status: 0, steps: 1 } }));
  print(event({ summaryEvent: { resourceChanges: { create: 1 }, maybeCorrupt: false, durationSeconds: 1, policyPacks: {} } }));
  t.same(lines.slice(0, 3), ['  VersionLine ubuntu-base: creating', '  Image ubuntu-v1.1: creating', '  Image ubuntu-v1.0: creating']);
  t.match(lines[3], /^ {2}Image ubuntu-v1\.0: created \(\d+\.\d s\)$/);
  t.equal(lines[4], '  Image ubuntu-v1.1: create failed');
  t.same(lines.slice(5), ['  VersionLine ubuntu-base: create not finished (the run stopped first)'], 'only the open step, once');
  t.end();
});

t.test('a preview (planning steps) prints no step lines, and its summary says nothing', (t) => {
  const lines: string[] = [];
  const print = progressPrinter((l) => lines.push(l));
  print(event({ resourcePreEvent: { ...step('create', 'image-catalog:index:Image', image), planning: true } }));
  print(event({ summaryEvent: { resourceChanges: { create: 1 }, maybeCorrupt: false, durationSeconds: 1, policyPacks: {} } }));
  t.same(lines, []);
  t.end();
});

t.test("a plan's steps as data: one per resource, a replace's several steps as one replace", (t) => {
  const step = (urn: string, op: string) => ({ urn, type: urn.split('::')[2] ?? '', op }) as never;
  const image = 'urn:pulumi:dev::p::image-catalog:index:Image::v1';
  const member = 'urn:pulumi:dev::p::image-catalog:index:ImageMember::m';
  const stack = 'urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev';
  t.same(
    planSteps([
      step(stack, 'same'),
      step(image, 'create-replacement'),
      step(image, 'replace'),
      step(member, 'import'),
      step(image, 'delete-replaced'),
    ]),
    [
      { urn: stack, type: 'pulumi:pulumi:Stack', op: 'same' },
      { urn: image, type: 'image-catalog:index:Image', op: 'replace' },
      { urn: member, type: 'image-catalog:index:ImageMember', op: 'import' },
    ],
  );
  t.end();
});
