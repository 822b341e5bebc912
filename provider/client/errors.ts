/**
 * One error family for everything the Identity and Image APIs answer with an unexpected status: status,
 * method, URL, request id and the service's message (HTML stripped), never a token or a password.
 */

/** Headers and body fields that carry credentials; their values never reach an error or a log. */
const secretPattern = /("?(?:password|secret|token|x-auth-token|x-subject-token)"?\s*[:=]\s*)"[^"]*"/gi;

/** Removes credentials from a text (a request or response body). */
export function redact(text: string): string {
  return text.replace(secretPattern, '$1"***"');
}

/** Glance answers HTML unless asked for JSON, and even its JSON message can carry `<br />`. */
export function plainMessage(body: string): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const inner = (parsed['error'] as Record<string, unknown> | undefined) ?? parsed;
    if (typeof inner['message'] === 'string') message = inner['message'];
    else if (typeof inner['title'] === 'string') message = inner['title'];
  } catch {
    /* not JSON: an HTML or text page */
  }
  return redact(
    message
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** An answer from Keystone or Glance with a status the call does not accept, or no answer at all. */
export class ImageServiceError extends Error {
  override readonly name = 'ImageServiceError';
  /** HTTP status; 0 when no answer arrived (connection refused, reset, timeout). */
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** `x-openstack-request-id`, for the operator's logs. */
  readonly requestId: string | undefined;
  /** The service's own message, HTML stripped and credentials redacted. */
  readonly serviceMessage: string;

  constructor(init: {
    status: number;
    method: string;
    url: string;
    requestId?: string | undefined;
    serviceMessage: string;
    /** What was being done, for whom (`cloud "platform" in /path/clouds.yaml: issuing a token`): the message's start. */
    context?: string | undefined;
    cause?: unknown;
  }) {
    const where = `${init.context === undefined ? '' : `${init.context}: `}${init.method} ${init.url}`;
    const what = init.status === 0 ? 'no answer' : `HTTP ${init.status}`;
    super(
      `${where}: ${what}${init.serviceMessage === '' ? '' : `: ${init.serviceMessage}`}${init.requestId === undefined ? '' : ` (request ${init.requestId})`}`,
      {
        cause: init.cause,
      },
    );
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.serviceMessage = init.serviceMessage;
  }
}

/**
 * Glance answered, but the image is not what the call needs: an import or copy that failed or did not finish in
 * time, data whose digest is not the pinned one, a transfer that broke off. Not an ImageServiceError: there was an
 * answer, and its status was accepted. The message names the call and the image.
 */
export class ImageDataError extends Error {
  override readonly name = 'ImageDataError';
  constructor(
    /** What was being done (`PUT http://…/file`, `image <id>`). */
    readonly where: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${where}: ${problem}`, options);
  }
}

/** True for an ImageServiceError with one of the statuses. */
export function hasStatus(err: unknown, ...statuses: readonly number[]): err is ImageServiceError {
  return err instanceof ImageServiceError && statuses.includes(err.status);
}

export const isNotFound = (err: unknown): err is ImageServiceError => hasStatus(err, 404);
export const isConflict = (err: unknown): err is ImageServiceError => hasStatus(err, 409);
export const isForbidden = (err: unknown): err is ImageServiceError => hasStatus(err, 403);
export const isUnauthorized = (err: unknown): err is ImageServiceError => hasStatus(err, 401);

/** Configuration that cannot be used (no cloud of that name, no auth URL...), raised before any call. */
export class CloudConfigError extends Error {
  override readonly name = 'CloudConfigError';
}
