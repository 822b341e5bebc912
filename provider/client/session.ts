/**
 * An authenticated session with one cloud: the token is issued on first use, reused, and issued again once
 * when it nears expiry or a call gets 401 — one re-authentication for a burst of concurrent calls, not one
 * each. The token never appears in an error or a log.
 */
import type { Readable } from 'node:stream';
import { resolveCloud, type CloudConfig } from './config.js';
import { isUnauthorized } from './errors.js';
import { Transport, type Reply, type RequestSpec } from './http.js';
import { findEndpoint, issueToken, type Token } from './keystone.js';

/** Options of a session. */
export interface SessionOptions {
  /** Issue a new token this long before the current one expires (ms, default 60 s). */
  readonly refreshMarginMs?: number;
  /** Retries for idempotent calls (default 3). */
  readonly retries?: number;
}

/** Who the session acts as, from its token (the policy envelope's principal). */
export interface Identity {
  readonly user_id: string;
  readonly project_id: string;
  readonly roles: readonly string[];
}

export class Session {
  readonly transport: Transport;
  private current: Token | undefined;
  private pending: Promise<Token> | undefined;
  private readonly refreshMarginMs: number;

  constructor(
    readonly config: CloudConfig,
    options: SessionOptions = {},
  ) {
    this.transport = new Transport({ caFile: config.caFile, insecure: config.insecure, retries: options.retries });
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
  }

  /** A session for a cloud of clouds.yaml (or OS_CLOUD, or the OS_* environment when no name is given). */
  static forCloud(cloud?: string, options: SessionOptions = {}): Session {
    return new Session(resolveCloud(cloud), options);
  }

  /** A valid token: the current one, or a new one when it is missing or about to expire. */
  async token(): Promise<Token> {
    if (this.current !== undefined && this.current.expiresAt.getTime() - Date.now() > this.refreshMarginMs) return this.current;
    return this.reissue(this.current);
  }

  /** Issues a new token unless another call already replaced `stale`; concurrent callers share one request. */
  private reissue(stale: Token | undefined): Promise<Token> {
    if (this.current !== stale && this.current !== undefined) return Promise.resolve(this.current);
    this.pending ??= issueToken(this.transport, this.config).then(
      (token) => {
        this.current = token;
        this.pending = undefined;
        return token;
      },
      (err: unknown) => {
        this.pending = undefined;
        throw err;
      },
    );
    return this.pending;
  }

  /** The principal of the envelope: user, project and roles from the token, never from user input. */
  async identity(): Promise<Identity> {
    const token = await this.token();
    return { user_id: token.userId, project_id: token.projectId ?? '', roles: token.roles };
  }

  /** The endpoint URL of a service type (`image`) from the token's catalog. */
  async endpoint(type: string): Promise<string> {
    return findEndpoint(await this.token(), type, this.config);
  }

  /**
   * Sends a request with the token. A 401 means the token was revoked or expired early: issue a new one
   * (once, shared with concurrent calls) and send the request again.
   */
  async request(spec: RequestSpec): Promise<Reply> {
    const token = await this.token();
    const withToken = (t: Token): RequestSpec => ({ ...spec, ok: spec.ok, headers: { ...spec.headers, 'x-auth-token': t.id } });
    try {
      return await this.transport.send(withToken(token));
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      return this.transport.send(withToken(await this.reissue(token)));
    }
  }

  /** Opens a streamed GET with the token (a download); a 401 is answered like in `request`. */
  async open(spec: Omit<RequestSpec, 'json' | 'body' | 'method'>): Promise<{ status: number; body: Readable }> {
    const token = await this.token();
    const withToken = (t: Token) => ({ ...spec, headers: { ...spec.headers, 'x-auth-token': t.id } });
    try {
      return await this.transport.open(withToken(token));
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      return this.transport.open(withToken(await this.reissue(token)));
    }
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.transport.close();
  }
}
