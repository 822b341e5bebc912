/**
 * The creation mark (provider/resources/mark.ts): one per stack instance and resource, opaque to whoever reads the
 * image without the stack's state.
 */
import t from 'tap';
import { isLegacyMark, newInstanceKey, StackMarks, stackOfMark } from '../../provider/resources/mark.js';

const urn = 'urn:pulumi:dev::image-catalog::image-catalog:index:Image::ubuntu-24.04-base-v1.1';

t.test('two states of one stack name mark the same resource differently; one state always the same', (t) => {
  const here = new StackMarks(newInstanceKey());
  const there = new StackMarks(newInstanceKey());
  t.equal(here.of(urn), here.of(urn), 'the same resource, the same mark');
  t.not(here.of(urn), there.of(urn), 'another state, another mark');
  t.not(here.of(urn), here.of(`${urn}-2`), 'another resource, another mark');
  t.ok(here.owns(here.of(`${urn}-2`)), "every resource's mark names its stack instance");
  t.notOk(here.owns(there.of(urn)), "another state's is not ours");
  t.notOk(here.owns(urn), 'a legacy mark (the URN) proves nothing');
  t.end();
});

t.test('a mark names no project, stack or resource', (t) => {
  const mark = new StackMarks(newInstanceKey()).of(urn);
  t.match(mark, /^[0-9a-f]{16}\.[0-9a-f]{24}$/);
  for (const word of ['dev', 'image-catalog', 'ubuntu', 'pulumi']) t.notMatch(mark, word, `not "${word}"`);
  t.equal(stackOfMark(mark), mark.split('.')[0]);
  t.equal(stackOfMark(urn), undefined, 'a legacy mark has no stack part');
  t.equal(stackOfMark('someone-else:1'), undefined, "another tool's value has none either");
  t.ok(isLegacyMark(urn));
  t.notOk(isLegacyMark(mark));
  t.end();
});

t.test('a key too short to be one is refused', (t) => {
  t.throws(() => new StackMarks('short'), /at least 16/);
  t.end();
});
