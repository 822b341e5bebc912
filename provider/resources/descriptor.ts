/**
 * One descriptor per resource kind, built from its schema: what every entry point (the Pulumi plugin, the
 * envelope builder, the CDKTF layer and the pull-request check to come) needs to know of a kind, so none of them
 * switches on the kind. Each provider/resources/<kind>/ exports its own.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Session } from '../client/session.js';
import type { TransferProgress } from '../client/data.js';
import type { InputProblem, ResourceSchema } from './schema.js';

export type Bag = Record<string, unknown>;

/** A document of the change envelope: the service's wire names. */
export type WireDocument = Readonly<Record<string, unknown>>;

/** What a kind's create, read and update give back: the checked inputs and what the service reports (`x-outputs`). */
export interface Applied<I> {
  readonly inputs: I;
  readonly outputs: Bag;
}

/** The live side of a resource when it has one that differs from its inputs (an image: Glance's record). */
export interface LiveDocument {
  /** The envelope document of the live resource. */
  readonly document: WireDocument;
  /** The service's own record, for what only it knows (an image's publish mark). */
  readonly wire: Readonly<Record<string, unknown>>;
}

export interface KindDescriptor<I extends object = Bag> {
  /** Resources of this kind are the catalog's entries (images): what a run creates is kept out of the catalog it is checked against. */
  readonly cataloged?: boolean;
  /** Whether the state of a resource says it was published (a published one that vanished is reported, not re-created). */
  isPublished?(state: Bag): boolean;
  /** The schema: fields, wire names (x-wire), update or replace (x-change), what the service keeps (x-live), outputs. */
  readonly schema: () => ResourceSchema<I>;
  /** The envelope document of (checked) inputs, in the service's wire names; never a secret. */
  document(inputs: I): WireDocument;
  /** The cloud a resource of this kind is applied with when it names one of its own (a store's verifyCloud). */
  cloudOf(inputs: Bag): string | undefined;
  /**
   * What the schema cannot say but this machine can tell before any API call (an image's source file that is
   * not there), as problems naming the field and the rule; checked with the schema, in check. `olds`: the inputs
   * of an existing resource (what it will not read again, such as an unchanged source, is not checked).
   */
  localProblems?(inputs: I, olds?: Bag): InputProblem[];
  /**
   * A create's refusal of what another resource owns (a store another stack instance claims), told from this
   * machine before any API call, from the inputs as declared (unchecked, secrets left out); `creator`: the
   * creating resource's mark (provider/resources/mark.ts).
   */
  claimProblems?(inputs: Bag, creator: string | undefined): InputProblem[];
  /**
   * A create's refusals of what the live catalog holds for another owner (an image of the name made by another
   * stack instance), with the ways out; `live`: what the creating cloud sees, without this run's own records.
   */
  catalogClaims?(live: readonly Readonly<Record<string, unknown>>[], inputs: Bag, creator: string | undefined): InputProblem[];
  /**
   * The sha512 (hex) of the data the declared source holds now, when this machine can tell (a file that is there),
   * else undefined. `state`: the resource's outputs (a file not modified since its upload is not read again);
   * `files`: the host's digests, each file hashed once while it is unchanged.
   */
  sourceDigest?(inputs: I, state: Bag, files: FileDigests): Promise<string | undefined>;
  /** Creates it (checked again here: bad input is refused before any API call); its id and what it reports. */
  create(session: Session, name: string, raw: unknown, options: CreateHooks): Promise<Applied<I> & { readonly id: string }>;
  /** What the service has now, or undefined when it is gone; fields it does not keep come from `kept`. */
  read(session: Session, id: string, kept: Bag): Promise<Applied<Bag> | undefined>;
  /** Updates it in place; `options.creator`: the resource's creation mark, which replaces a legacy one. */
  update(session: Session, id: string, olds: I, raw: unknown, name: string, options?: { readonly creator?: string }): Promise<Applied<I>>;
  delete(session: Session, id: string, inputs: I, name: string): Promise<void>;
  /**
   * The live document of an existing resource whose envelope `before` is the service's record (an image), and
   * what an in-place update makes of it; kinds without one are decided on their inputs.
   */
  readonly live?: {
    get(session: Session, id: string): Promise<LiveDocument | undefined>;
    /** The document after `news` is applied in place to `before` (`olds`: the inputs applied until now). */
    apply(before: WireDocument, live: LiveDocument | undefined, olds: Bag, news: Bag): WireDocument;
    /**
     * What the catalog applied: `base` (the live document) as `declared` (the inputs last applied) made it, with
     * what the service or another tool keeps on its own; whatever was changed, added or removed by hand is not in it.
     */
    applied(base: WireDocument, live: LiveDocument | undefined, declared: Bag): WireDocument;
  };
}

/** Digests of local files (sha512, hex), each file hashed once while its size and modification time stay. */
export class FileDigests {
  private readonly known = new Map<string, Promise<string>>();

  /** The sha512 of `path` as it is now; `stat`: its size and mtime, read by the caller. */
  sha512(path: string, stat: { readonly size: number; readonly mtimeMs: number }): Promise<string> {
    const key = JSON.stringify([path, stat.size, stat.mtimeMs]);
    let digest = this.known.get(key);
    if (digest === undefined) {
      const hash = createHash('sha512');
      digest = pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash).then(() => hash.digest('hex'));
      this.known.set(key, digest);
      digest.catch(() => this.known.delete(key));
    }
    return digest;
  }
}

/** Hooks of a create (an image's upload progress). */
export interface CreateHooks {
  readonly onProgress?: (progress: TransferProgress) => void;
  /** Told what the create does on its own (what an interrupted run left, taken over or removed). */
  readonly onNotice?: (message: string) => void;
  /** Stops the create (the deploying engine is gone): what it made so far is removed, and it fails. */
  readonly signal?: AbortSignal;
  /**
   * Who creates it: the stack instance's mark of the resource (provider/resources/mark.ts), written on the record
   * before its data, so that the next create of the same resource in the same state recognises what an
   * interrupted one left (and finishes or removes it) instead of making a second one.
   */
  readonly creator?: string;
  /** The id of the resource this one replaces (an image's name stays with it until the engine deletes it). */
  readonly replaces?: string;
}

/** The document of the fields that have a wire name (x-wire), and `extra`. */
export function wireDocument(schema: ResourceSchema<object>, inputs: object, extra: Bag = {}): WireDocument {
  const values = new Map<string, unknown>(Object.entries(inputs));
  const doc: Bag = {};
  for (const field of schema.fields) if (field.wire !== undefined && values.has(field.local)) doc[field.wire] = values.get(field.local);
  return { ...doc, ...extra };
}
