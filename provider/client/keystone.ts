/**
 * Keystone v3: the token request body (a pure function of the configuration), issuing a token, and finding a
 * service endpoint in its catalog.
 */
import type { AuthMethod, CloudConfig, Scope } from './config.js';
import { CloudConfigError, ImageServiceError } from './errors.js';
import type { Transport } from './http.js';

/** A token as Keystone describes it; `id` is the secret and goes nowhere but the X-Auth-Token header. */
export interface Token {
  readonly id: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  readonly userId: string;
  readonly userName: string;
  readonly projectId: string | undefined;
  readonly projectName: string | undefined;
  /** Role names, implied roles included (Keystone expands them). */
  readonly roles: readonly string[];
  readonly catalog: readonly CatalogEntry[];
}

/** One service of the catalog. */
export interface CatalogEntry {
  readonly type: string;
  readonly name: string;
  readonly endpoints: readonly {
    readonly interface: string;
    readonly region_id?: string;
    readonly region?: string;
    readonly url: string;
  }[];
}

function domain(name: string | undefined, id: string | undefined): { domain?: { id?: string; name?: string } } {
  if (id !== undefined) return { domain: { id } };
  if (name !== undefined) return { domain: { name } };
  return {};
}

function user(auth: {
  username?: string | undefined;
  userId?: string | undefined;
  userDomainName?: string | undefined;
  userDomainId?: string | undefined;
}): Record<string, unknown> {
  if (auth.userId !== undefined) return { id: auth.userId };
  return {
    name: auth.username,
    ...domain(auth.userDomainName ?? (auth.userDomainId === undefined ? 'Default' : undefined), auth.userDomainId),
  };
}

function identity(auth: AuthMethod): Record<string, unknown> {
  switch (auth.type) {
    case 'password':
      return { methods: ['password'], password: { user: { ...user(auth), password: auth.password } } };
    case 'application_credential':
      return {
        methods: ['application_credential'],
        application_credential:
          auth.id !== undefined ? { id: auth.id, secret: auth.secret } : { name: auth.name, secret: auth.secret, user: user(auth) },
      };
    case 'token':
      return { methods: ['token'], token: { id: auth.token } };
  }
}

function scope(s: Scope): Record<string, unknown> | undefined {
  switch (s.kind) {
    case 'project':
      return { project: s.id !== undefined ? { id: s.id } : { name: s.name, ...domain(s.domainName, s.domainId) } };
    case 'domain':
      return { domain: s.id !== undefined ? { id: s.id } : { name: s.name } };
    case 'unscoped':
      return undefined;
  }
}

/** The body of POST /v3/auth/tokens for a configuration (Identity API v3, "Password/Token/App credential authentication"). */
export function tokenRequestBody(config: Pick<CloudConfig, 'auth' | 'scope'>): { auth: Record<string, unknown> } {
  const s = scope(config.scope);
  return { auth: { identity: identity(config.auth), ...(s === undefined ? {} : { scope: s }) } };
}

/** The Keystone v3 root of an auth URL (`http://host:5000` and `http://host:5000/v3/` both give `.../v3`). */
export function identityRoot(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

interface TokenBody {
  token: {
    issued_at: string;
    expires_at: string;
    user: { id: string; name: string };
    project?: { id: string; name: string };
    roles?: { name: string }[];
    catalog?: CatalogEntry[];
  };
}

/** What the credentials are, for a refusal (never their values). */
function credentialKind(config: Pick<CloudConfig, 'auth'>): string {
  switch (config.auth.type) {
    case 'password':
      return `password of user ${config.auth.username ?? config.auth.userId ?? '?'}`;
    case 'application_credential':
      return `application credential ${config.auth.id ?? config.auth.name ?? '?'}`;
    case 'token':
      return 'token';
  }
}

/** Issues a token (POST /v3/auth/tokens, 201); a failure names the cloud and where it is configured. */
export async function issueToken(transport: Transport, config: CloudConfig): Promise<Token> {
  const url = `${identityRoot(config.authUrl)}/auth/tokens`;
  let reply: Awaited<ReturnType<Transport['send']>>;
  try {
    reply = await transport.send({ method: 'POST', url, ok: [201], json: tokenRequestBody(config), idempotent: true });
  } catch (err) {
    if (!(err instanceof ImageServiceError)) throw err;
    // Said with the cloud and the file it came from: a 401 here is the credentials, not a call of the catalog.
    const what =
      err.status === 401
        ? `Keystone refused the credentials (${credentialKind(config)}): check them`
        : err.status === 0
          ? 'Keystone did not answer'
          : 'Keystone could not issue a token';
    throw new ImageServiceError({
      status: err.status,
      method: err.method,
      url: err.url,
      requestId: err.requestId,
      serviceMessage: err.serviceMessage,
      context: `${config.source}: ${what}`,
      cause: err,
    });
  }
  const id = reply.header('x-subject-token');
  if (id === undefined)
    throw new ImageServiceError({ status: reply.status, method: 'POST', url, serviceMessage: 'Keystone answered without X-Subject-Token' });
  const body = JSON.parse(reply.text) as TokenBody;
  return {
    id,
    issuedAt: new Date(body.token.issued_at),
    expiresAt: new Date(body.token.expires_at),
    userId: body.token.user.id,
    userName: body.token.user.name,
    projectId: body.token.project?.id,
    projectName: body.token.project?.name,
    roles: (body.token.roles ?? []).map((r) => r.name).sort(),
    catalog: body.token.catalog ?? [],
  };
}

/** The URL of a service's endpoint: the configured override, else the catalog's for the interface and region. */
export function findEndpoint(
  token: Token,
  type: string,
  config: Pick<CloudConfig, 'interface' | 'regionName' | 'source' | 'endpointOverrides'>,
): string {
  const override = config.endpointOverrides[type];
  if (override !== undefined) return override.replace(/\/+$/, '');
  const service = token.catalog.find((s) => s.type === type);
  const endpoint = service?.endpoints.find(
    (e) =>
      e.interface === config.interface &&
      (config.regionName === undefined || e.region_id === config.regionName || e.region === config.regionName),
  );
  if (endpoint === undefined) {
    const region = config.regionName === undefined ? '' : ` in region ${config.regionName}`;
    // The regions it has for the type: a misspelt or unknown region is said with the ones to choose from.
    const known = [
      ...new Set((service?.endpoints ?? []).filter((e) => e.interface === config.interface).map((e) => e.region_id ?? e.region ?? '')),
    ]
      .filter((r) => r !== '')
      .sort();
    const has = config.regionName !== undefined && known.length > 0 ? ` (its regions: ${known.join(', ')})` : '';
    throw new CloudConfigError(`${config.source}: the service catalog has no ${config.interface} ${type} endpoint${region}${has}`);
  }
  return endpoint.url.replace(/\/+$/, '');
}
