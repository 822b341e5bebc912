/**
 * The GitHub client of the pull-request check: @octokit/core with the REST endpoint methods, pagination, retry and
 * throttling plugins (the parts of `octokit` this needs, without its App and OAuth code), writes paced as below. The API root is
 * GITHUB_API_URL when set (GitHub Enterprise Server, a local test server), else api.github.com; the token is a
 * GitHub App installation token or the workflow's GITHUB_TOKEN, never printed: Octokit's errors carry the request
 * with the authorization header redacted, and this module's messages name only the method and the path.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

const GitHub = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

/** The client type. */
export type GitHubClient = InstanceType<typeof GitHub>;

/** Options of {@link gitHubClient}. */
export interface GitHubClientOptions {
  readonly token: string;
  /** The REST API root (default: GITHUB_API_URL, else https://api.github.com). */
  readonly baseUrl?: string;
  /** Retries of a rate-limited request (primary or secondary limit) before giving up (default 2). */
  readonly rateLimitRetries?: number;
}

/**
 * The pace of writes: a token bucket of three, refilled one a second. GitHub asks for a second between mutating
 * requests made in numbers; the plugin's default spaces every two writes by a second, which a check of two or
 * three writes (the check run, the comment) would spend waiting. A check with many annotation batches still goes
 * at one write a second after the first three. Shared by every client of the process, as the plugin's own is.
 */
const writes = new Bottleneck.Group({
  maxConcurrent: 1,
  minTime: 0,
  reservoir: 3,
  reservoirIncreaseInterval: 1000,
  reservoirIncreaseAmount: 1,
  reservoirIncreaseMaximum: 3,
});

/** A client with retries for server errors and waits for rate limits, within bounds. */
export function gitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.rateLimitRetries ?? 2;
  const again = (_after: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => retryCount < retries;
  return new GitHub({
    auth: options.token,
    baseUrl: options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com',
    userAgent: 'image-catalog-pr-check',
    // 4xx other than rate limits are answers, not accidents: never retried.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: { onRateLimit: again, onSecondaryRateLimit: again, write: writes },
  });
}
