/** A program that declares nothing: its plan deletes every resource of the stack (for `image-catalog preview`). */
export default function empty(): Promise<Record<string, unknown>> {
  return Promise.resolve({});
}
