/** Shared by the benchmarks: timing, medians, a Pulumi project of a bench's own, and the closing JSON line. */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteImage, listImages } from '../provider/client/images.js';
import type { Session } from '../provider/client/session.js';
import { loadPolicyData } from '../provider/policy/data.js';
import type { StackTarget } from '../provider/pulumi/automation.js';

/** Milliseconds of one call, from the monotonic clock. */
export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Runs `fn` at least `minRuns` times and until `budgetMs` has passed (at most `maxRuns`); returns each time. */
export function sample(fn: () => void, budgetMs = 300, minRuns = 5, maxRuns = 2000): number[] {
  const times: number[] = [];
  const start = Date.now();
  while (times.length < minRuns || (Date.now() - start < budgetMs && times.length < maxRuns)) times.push(timeMs(fn));
  return times;
}

/**
 * A file of `bytes` random bytes in the temporary folder (1 MiB of randomness repeated with a counter, so no block
 * repeats and nothing compresses), named after `bench`, and its sha512.
 */
export function randomFile(bench: string, bytes: number): { path: string; sha512: string } {
  const path = join(tmpdir(), `image-catalog-bench-${bench}-${bytes}.raw`);
  const fd = openSync(path, 'w');
  const block = randomBytes(1024 * 1024);
  const hash = createHash('sha512');
  for (let off = 0; off < bytes; off += block.length) {
    block.writeUInt32LE(off / block.length, 0);
    writeSync(fd, block);
    hash.update(block);
  }
  closeSync(fd);
  return { path, sha512: hash.digest('hex') };
}

/** Rounds for printing. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Prints the closing line every benchmark ends with. */
export function report(result: { bench: string; peer: string; ratio: number; goal: string } & Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs `work` over `items` with `width` calls in flight. */
export async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const item = items[next++];
        if (item !== undefined) await work(item);
      }
    }),
  );
}

/** A Pulumi project of a bench's own (`<dir>/<name>` with its Pulumi.yaml) and its stack `bench`, state beside it. */
export function benchProject(dir: string, name: string, env: Readonly<Record<string, string>>): StackTarget {
  const project = join(dir, name);
  mkdirSync(project);
  writeFileSync(join(project, 'Pulumi.yaml'), 'name: bench\nruntime: nodejs\n');
  return { cwd: project, stack: 'bench', stateDir: join(project, 'state'), env };
}

/** Deletes a bench's image records (`width` at a time), says any the tag still finds, and closes the session. */
export async function removeImages(session: Session, ids: readonly string[], tag: string, width = 8): Promise<void> {
  process.stdout.write(`deleting the ${ids.length} image records ...\n`);
  await pool(ids, width, (id) => deleteImage(session, id));
  let left = 0;
  for await (const image of listImages(session, { tags: [tag] })) if (image.id !== '') left += 1;
  if (left > 0) process.stderr.write(`${left} bench images are left (tag ${tag})\n`);
  await session.close();
}

/** Stack policy data (image-catalog:policy) that disables every rule of the shipped policy data. */
export function everyRuleDisabled(): string {
  const rules = (loadPolicyData().image_catalog as { rules: Record<string, unknown> }).rules;
  return JSON.stringify({ image_catalog: { rules: Object.fromEntries(Object.keys(rules).map((id) => [id, { level: 'disabled' }])) } });
}
