/**
 * A change summarised for records that must not hold its documents' values (a program may mark them secret): the
 * providers' decision log (../pulumi/decision-log.ts) and the PR report's timelines (../github/timeline.ts).
 */
import type { Change, ChangeAction, ChangeKind } from './envelope.js';
import { publishedMark } from '../resources/image/image.js';

/**
 * A change as the log records it: which resource, what happens to it, and the image name it brings or removes.
 * Not the documents: a property can hold a value the program marked secret (providers see secrets unwrapped).
 */
export interface LoggedChange {
  readonly address: string;
  readonly kind: ChangeKind;
  readonly action: ChangeAction;
  /** The image name of the change (`after.name`, else `before.name`), when it is an image with a known name. */
  readonly name?: string;
  /**
   * An image's lifecycle as the change leaves it (a delete: as it was), for the PR report's timelines
   * (../github/timeline.ts): its end of life, tags, status and the day it was published.
   */
  readonly image?: {
    readonly provided_until?: string;
    readonly tags?: readonly string[];
    readonly status?: string;
    readonly published?: string;
  };
}

/** The lifecycle fields of an image document (strings only: a value not known yet is left out). */
function lifecycleOf(change: Change): NonNullable<LoggedChange['image']> {
  const side = change.after ?? change.before ?? {};
  const before = change.before ?? {};
  const within = (doc: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> =>
    (doc['properties'] ?? {}) as Readonly<Record<string, unknown>>;
  const fields: Record<string, unknown> = {
    provided_until: within(side)['provided_until'],
    status: side['status'],
    published: before['created_at'] ?? within(before)[publishedMark],
  };
  const tags = side['tags'];
  return {
    ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<string, string>),
    ...(Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? { tags: tags } : {}),
  };
}

/** The logged form of a change. */
export function loggedChange(change: Change): LoggedChange {
  const name = change.after?.['name'] ?? change.before?.['name'];
  return {
    address: change.address,
    kind: change.kind,
    action: change.action,
    ...(change.kind === 'image' && typeof name === 'string' ? { name, image: lifecycleOf(change) } : {}),
  };
}
