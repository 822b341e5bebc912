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
    const idempotent = spec.idempotent ?? idempotentMethods.has(spec.method);
    const attempt = async (): Promise<Reply> => {
      const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
      let body = spec.body;
      if (spec.json !== undefined) {
        body = JSON.stringify(spec.json);
        headers['content-type'] ??= 'application/json';
      }
      this.requests += 1;
      // undici.request, not fetch: fetch buffers a streamed request body (a 1 GiB upload cost 1.1 GB of memory)
      // and is slower; request streams it with backpressure.
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(spec.url, {
          method: spec.method,
          headers,
          dispatcher: this.dispatcher,
          ...(body === undefined ? {} : { body }),
        });
      } catch (err) {
        const error = new ImageServiceError({
          status: 0,
          method: spec.method,
          url: spec.url,
          serviceMessage: (err as Error).message,
          cause: err,
        });
        // A stream cannot be sent twice: only bodies that can be resent are retried.
        if (idempotent && (body === undefined || typeof body === 'string' || body instanceof Uint8Array)) throw error;
        throw new AbortError(error);
      }
      const text = spec.method === 'HEAD' ? (await response.body.dump(), '') : await response.body.text();
      const header = (name: string): string | undefined => {
        const value = response.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
      };
      if (spec.ok.includes(response.statusCode)) return { status: response.statusCode, header, url: spec.url, text };
      const error = new ImageServiceError({
        status: response.statusCode,
        method: spec.method,
        url: spec.url,
        requestId: header('x-openstack-request-id'),
        serviceMessage: plainMessage(text),
      });
      if (idempotent && response.statusCode >= 500 && response.statusCode !== 501) throw error;
      throw new AbortError(error);
    };
    return pRetry(attempt, { retries: idempotent ? this.retries : 0, minTimeout: this.minBackoffMs, factor: 2, randomize: true });
  }

  /**
   * Sends a GET whose answer is streamed, not read: resolves with the body stream when the status is accepted
   * (a download). Not retried: the caller owns the stream.
   */
  async open(spec: Omit<RequestSpec, 'json' | 'body' | 'method'>): Promise<{ status: number; body: Readable }> {
    this.requests += 1;
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(spec.url, { method: 'GET', headers: { ...spec.headers }, dispatcher: this.dispatcher });
    } catch (err) {
      throw new ImageServiceError({ status: 0, method: 'GET', url: spec.url, serviceMessage: (err as Error).message, cause: err });
    }
    if (spec.ok.includes(response.statusCode)) return { status: response.statusCode, body: response.body };
    const text = await response.body.text();
    const id = response.headers['x-openstack-request-id'];
    throw new ImageServiceError({
      status: response.statusCode,
      method: 'GET',
      url: spec.url,
      requestId: Array.isArray(id) ? id[0] : id,
      serviceMessage: plainMessage(text),
    });
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
