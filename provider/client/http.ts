/**
 * The one place that talks HTTP. Each call states the statuses it accepts; anything else is an
 * ImageServiceError. Idempotent calls (GET, HEAD, PUT, DELETE) are retried, bounded, with backoff and jitter,
 * on connection errors and 5xx; a POST that creates is never retried blindly.
 */
import { readFileSync } from 'node:fs';
import pRetry, { AbortError } from 'p-retry';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { ImageServiceError, plainMessage } from './errors.js';

/** TLS and retry settings of a transport. */
export interface TransportOptions {
  /** PEM file of the CA bundle to trust (clouds.yaml `cacert`, OS_CACERT). */
  readonly caFile?: string | undefined;
  /** Skip TLS verification (clouds.yaml `verify: false`, OS_INSECURE). */
  readonly insecure?: boolean | undefined;
  /** Attempts after the first for idempotent calls (default 3). */
  readonly retries?: number | undefined;
  /** First backoff in ms (default 200; doubles, with jitter). */
  readonly minBackoffMs?: number | undefined;
}

/** One request. */
export interface RequestSpec {
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  /** Statuses this call accepts; any other is an error. */
  readonly ok: readonly number[];
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body (sent with content-type application/json unless headers say otherwise). */
  readonly json?: unknown;
  /** A raw body: bytes, or a stream (sent with backpressure, never buffered whole). */
  readonly body?: string | Uint8Array | Readable;
  /** Override whether the call may be retried (default: GET, HEAD, PUT, DELETE). */
  readonly idempotent?: boolean;
}

/** An accepted answer. */
export interface Reply {
  readonly status: number;
  /** A response header (first value), lower-case name. */
  readonly header: (name: string) => string | undefined;
  readonly url: string;
  /** The body as text ("" for HEAD, 204). */
  readonly text: string;
}

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

type Response = Awaited<ReturnType<typeof request>>;

/** A response header (first value). */
function headerOf(response: Response, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The error for an answer with a status the call does not accept. */
function answerError(method: string, url: string, response: Response, text: string): ImageServiceError {
  return new ImageServiceError({
    status: response.statusCode,
    method,
    url,
    requestId: headerOf(response, 'x-openstack-request-id'),
    serviceMessage: plainMessage(text),
  });
}

/** Sends requests for one cloud: TLS settings, retries, and a count of requests (tests prove "no call"). */
export class Transport {
  /** Requests sent so far, retries included. */
  requests = 0;
  private readonly dispatcher: Agent;
  private readonly retries: number;
  private readonly minBackoffMs: number;

  constructor(options: TransportOptions = {}) {
    const connect: { ca?: string; rejectUnauthorized?: boolean } = {};
    if (options.caFile !== undefined) connect.ca = readFileSync(options.caFile, 'utf8');
    if (options.insecure === true) connect.rejectUnauthorized = false;
    this.dispatcher = new Agent({ connect });
    this.retries = options.retries ?? 3;
    this.minBackoffMs = options.minBackoffMs ?? 200;
  }

  /** Sends one request; resolves with the answer when its status is accepted. */
  async send(spec: RequestSpec): Promise<Reply> {
    // A stream cannot be sent twice: only an idempotent call whose body can be resent is ever retried.
    const resendable = spec.body === undefined || typeof spec.body === 'string' || spec.body instanceof Uint8Array;
    const retryable = (spec.idempotent ?? idempotentMethods.has(spec.method)) && resendable;
    const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
    let body = spec.body;
    if (spec.json !== undefined) {
      body = JSON.stringify(spec.json);
      headers['content-type'] ??= 'application/json';
    }
    const attempt = async (): Promise<Reply> => {
      let response: Response;
      try {
        response = await this.dispatch(spec.method, spec.url, headers, body);
      } catch (err) {
        if (retryable) throw err;
        throw new AbortError(err as Error);
      }
      const text = spec.method === 'HEAD' ? (await response.body.dump(), '') : await response.body.text();
      const header = (name: string): string | undefined => headerOf(response, name);
      if (spec.ok.includes(response.statusCode)) return { status: response.statusCode, header, url: spec.url, text };
      const error = answerError(spec.method, spec.url, response, text);
      if (retryable && response.statusCode >= 500 && response.statusCode !== 501) throw error;
      throw new AbortError(error);
    };
    return pRetry(attempt, { retries: retryable ? this.retries : 0, minTimeout: this.minBackoffMs, factor: 2, randomize: true });
  }

  /**
   * Sends a GET whose answer is streamed, not read: resolves with the body stream when the status is accepted
   * (a download). Not retried: the caller owns the stream.
   */
  async open(spec: Omit<RequestSpec, 'json' | 'body' | 'method'>): Promise<{ status: number; body: Readable }> {
    const response = await this.dispatch('GET', spec.url, { ...spec.headers }, undefined);
    if (spec.ok.includes(response.statusCode)) return { status: response.statusCode, body: response.body };
    throw answerError('GET', spec.url, response, await response.body.text());
  }

  /**
   * One request on the wire, counted. undici.request, not fetch: fetch buffers a streamed request body (a 1 GiB
   * upload cost 1.1 GB of memory) and is slower; request streams it with backpressure. No answer at all is an
   * ImageServiceError with status 0.
   */
  private async dispatch(
    method: RequestSpec['method'],
    url: string,
    headers: Record<string, string>,
    body: RequestSpec['body'],
  ): Promise<Response> {
    this.requests += 1;
    try {
      return await request(url, {
        method,
        headers,
        dispatcher: this.dispatcher,
        ...(body === undefined ? {} : { body }),
      });
    } catch (err) {
      throw new ImageServiceError({ status: 0, method, url, serviceMessage: (err as Error).message, cause: err });
    }
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
