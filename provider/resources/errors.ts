/** A create, update or delete that failed after its input checks: names the resource and what was left behind. */
export class ResourceOperationError extends Error {
  override readonly name = 'ResourceOperationError';
}
