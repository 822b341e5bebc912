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
  /**
   * Issue a new token this long before the current one expires (ms). Default: 60 s, or a tenth of the token's
   * lifetime when that is shorter (a cloud issuing 30 s tokens gets one every 27 s, not one per call).
   */
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
  private readonly refreshMarginMs: number | undefined;

  constructor(
    readonly config: CloudConfig,
    options: SessionOptions = {},
  ) {
    this.transport = new Transport({ caFile: config.caFile, insecure: config.insecure, retries: options.retries });
    this.refreshMarginMs = options.refreshMarginMs;
  }

  /** A session for a cloud of clouds.yaml (or OS_CLOUD, or the OS_* environment when no name is given). */
  static forCloud(cloud?: string, options: SessionOptions = {}): Session {
    return new Session(resolveCloud(cloud), options);
  }

  /**
   * The same cloud in another region (its image endpoint there): a session of its own, or this one when `region` is
   * undefined or already its region. A line published in several regions has an image of each version in each.
   */
  inRegion(region: string | undefined, options: SessionOptions = {}): Session {
    return region === undefined || region === this.config.regionName ? this : new Session({ ...this.config, regionName: region }, options);
  }

  /** A valid token: the current one, or a new one when it is missing or about to expire. */
  async token(): Promise<Token> {
    const current = this.current;
    if (current !== undefined && current.expiresAt.getTime() - Date.now() > this.marginFor(current)) return current;
    return this.reissue(current);
  }

  private marginFor(token: Token): number {
    return this.refreshMarginMs ?? Math.min(60_000, (token.expiresAt.getTime() - token.issuedAt.getTime()) / 10);
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
   * Runs a call with the token. A 401 means the token was revoked or expired early: issue a new one (once,
   * shared with concurrent calls) and run the call again.
   */
  private async authorized<T>(call: (token: Token) => Promise<T>): Promise<T> {
    const token = await this.token();
    try {
      return await call(token);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      return call(await this.reissue(token));
    }
  }

  /** Sends a request with the token (see `authorized` for a 401). */
  request(spec: RequestSpec): Promise<Reply> {
    return this.authorized((t) => this.transport.send({ ...spec, headers: { ...spec.headers, 'x-auth-token': t.id } }));
  }

  /** Opens a streamed GET with the token (a download). */
  open(spec: Omit<RequestSpec, 'json' | 'body' | 'method'>): Promise<{ status: number; body: Readable }> {
    return this.authorized((t) => this.transport.open({ ...spec, headers: { ...spec.headers, 'x-auth-token': t.id } }));
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.transport.close();
  }
}
