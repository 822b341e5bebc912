/**
 * The creation mark: which stack instance, and which of its resources, made an image record or claimed a store.
 *
 * A stack instance is one state (a Pulumi stack's provider resource, a CDKTF stack's tofu state), told apart by a
 * random key created with it and kept in that state. Two checkouts with the same project and stack names have two
 * states, so two keys, so two marks for "the same" resource: neither takes over what the other made. The mark is
 * `<stack>.<resource>`, both parts HMAC-SHA256 of the key: opaque to the consumers who read a shared or public
 * image (no project, stack or resource name, and not reversible without the key), and computed again by the
 * owner, who has the key in its state (each resource's `catalogMark` output holds its own).
 *
 * Releases before 0.3 marked a record with the resource's URN (`urn:pulumi:<stack>::<project>::...`): a legacy
 * mark. It cannot tell two checkouts apart, so it never proves ownership; the resource whose state holds the
 * record rewrites it with its instance's mark on its next update.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A new instance key (kept in the state that owns it; 32 random bytes, base64url). */
export function newInstanceKey(): string {
  return randomBytes(32).toString('base64url');
}

/** A mark written by a release before 0.3: the resource's URN. */
export function isLegacyMark(mark: unknown): boolean {
  return typeof mark === 'string' && mark.startsWith('urn:pulumi:');
}

/** The stack part of a mark (the same for every resource of one stack instance), or undefined for a legacy or foreign one. */
export function stackOfMark(mark: unknown): string | undefined {
  if (typeof mark !== 'string' || isLegacyMark(mark)) return undefined;
  const [stack, resource, ...rest] = mark.split('.');
  return stack !== undefined && resource !== undefined && rest.length === 0 && /^[0-9a-f]{16}$/.test(stack) ? stack : undefined;
}

/** The marks of one stack instance. */
export class StackMarks {
  /** The part every mark of this instance starts with. */
  readonly stack: string;

  constructor(private readonly key: string) {
    if (key.length < 16) throw new Error('a stack instance key has at least 16 characters');
    this.stack = this.digest('stack').slice(0, 16);
  }

  private digest(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('hex');
  }

  /** The mark of the resource `address` (a Pulumi URN, a Terraform address): `<stack>.<resource>`. */
  of(address: string): string {
    return `${this.stack}.${this.digest(`resource:${address}`).slice(0, 24)}`;
  }

  /** Whether `mark` was made by this stack instance (any of its resources). */
  owns(mark: unknown): boolean {
    return stackOfMark(mark) === this.stack;
  }
}
