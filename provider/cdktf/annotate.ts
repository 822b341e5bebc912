/**
 * Annotations the way a user reads them: cdktn's `Annotations` records a JavaScript stack trace with each (unless the
 * app turned traces off), and cdktn prints it under the message: dozens of lines of this package's and cdktn's own
 * frames under one finding. The finding names its construct, field and rule; the trace adds nothing, so none is kept.
 */
import type { IConstruct } from './cdktn.js';

/** cdktn's metadata types of an annotation (cdktn `AnnotationMetadataEntryType`). */
const levels = { error: '@cdktf/error', warning: '@cdktf/warn' } as const;

/** Adds `text` to `construct` as an error (synth fails) or a warning, without a stack trace. */
export function annotateConstruct(construct: IConstruct, level: keyof typeof levels, text: string): void {
  construct.node.addMetadata(levels[level], text, { stackTrace: false });
}
