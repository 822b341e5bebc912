/**
 * Where credentials come from, the way every OpenStack tool reads them: a named cloud in clouds.yaml (with
 * secure.yaml merged over it), chosen by argument or OS_CLOUD; otherwise the plain OS_* environment variables.
 * Resolution happens at run time, so nothing secret is ever captured in a serialized provider or in state.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, YAMLError } from 'yaml';
import { CloudConfigError } from './errors.js';

/** How to authenticate: the three methods Keystone v3 offers that a tool can use unattended. */
export type AuthMethod =
  | {
      readonly type: 'password';
      readonly username?: string | undefined;
      readonly userId?: string | undefined;
      readonly password: string;
      readonly userDomainName?: string | undefined;
      readonly userDomainId?: string | undefined;
    }
  | {
      readonly type: 'application_credential';
      readonly id?: string | undefined;
      readonly name?: string | undefined;
      readonly secret: string;
      readonly username?: string | undefined;
      readonly userId?: string | undefined;
      readonly userDomainName?: string | undefined;
      readonly userDomainId?: string | undefined;
    }
  | { readonly type: 'token'; readonly token: string };

/** The scope a token is issued for. */
export type Scope =
  | {
      readonly kind: 'project';
      readonly id?: string | undefined;
      readonly name?: string | undefined;
      readonly domainName?: string | undefined;
      readonly domainId?: string | undefined;
    }
  | { readonly kind: 'domain'; readonly id?: string | undefined; readonly name?: string | undefined }
  | { readonly kind: 'unscoped' };

/** Everything needed to talk to one cloud. */
export interface CloudConfig {
  /** Where it came from, for messages: `cloud "platform" in /path/clouds.yaml` or `OS_* environment`. */
  readonly source: string;
  /** Keystone v3 URL (with or without /v3). */
  readonly authUrl: string;
  readonly auth: AuthMethod;
  readonly scope: Scope;
  readonly regionName?: string | undefined;
  /** Endpoint interface: public (default), internal or admin. */
  readonly interface: 'public' | 'internal' | 'admin';
  readonly caFile?: string | undefined;
  readonly insecure: boolean;
  /**
   * Endpoints that replace the service catalog's, by service type (`image_endpoint_override` in a clouds.yaml
   * cloud, OS_IMAGE_ENDPOINT_OVERRIDE: openstacksdk's `<service>_endpoint_override`), e.g. a proxy in front of Glance.
   */
  readonly endpointOverrides: Readonly<Record<string, string>>;
}

/** The clouds.yaml search path of os-client-config / openstacksdk. */
export function cloudsFiles(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string[] {
  const explicit = env['OS_CLIENT_CONFIG_FILE'];
  return [
    ...(explicit === undefined || explicit === '' ? [] : [explicit]),
    join(cwd, 'clouds.yaml'),
    join(homedir(), '.config', 'openstack', 'clouds.yaml'),
    '/etc/openstack/clouds.yaml',
  ];
}

function secureFiles(env: NodeJS.ProcessEnv, cwd: string): string[] {
  const explicit = env['OS_CLIENT_SECURE_FILE'];
  return [
    ...(explicit === undefined || explicit === '' ? [] : [explicit]),
    join(cwd, 'secure.yaml'),
    join(homedir(), '.config', 'openstack', 'secure.yaml'),
    '/etc/openstack/secure.yaml',
  ];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const current = out[k];
    out[k] = isObject(current) && isObject(v) ? merge(current, v) : v;
  }
  return out;
}

/**
 * The parser's complaint without its snippet: the yaml library quotes the offending line, and in a clouds.yaml
 * that line is often the `password:` one. Only the position and the kind of error are kept.
 */
function yamlProblem(err: unknown): string {
  if (err instanceof YAMLError) {
    const what = err.message.split(/ at line \d+|:\n/)[0] ?? err.code;
    const at = err.linePos?.[0];
    return `${at === undefined ? '' : `line ${at.line}, column ${at.col}: `}${what} (${err.code}; the line is not shown, it may hold a secret)`;
  }
  return 'it cannot be read as YAML';
}

function readClouds(file: string): Json {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CloudConfigError(`${file} is not valid YAML: ${yamlProblem(err)}`);
  }
  return isObject(doc) && isObject(doc['clouds']) ? doc['clouds'] : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
  return undefined;
}

/** How a setting is named where it came from: `auth.password` in clouds.yaml, `OS_PASSWORD` in the environment. */
type KeyName = (key: string, section?: 'auth' | 'cloud') => string;

const yamlKey: KeyName = (key, section = 'auth') => (section === 'auth' ? `auth.${key}` : key);
const envKey: KeyName = (key) => `OS_${key.toUpperCase()}`;

/** Reads the auth section of a cloud (clouds.yaml keys, which are also the OS_* names without the prefix). */
function fromAuthSection(source: string, auth: Json, cloud: Json, key: KeyName = yamlKey): CloudConfig {
  const authUrl = str(auth['auth_url']);
  if (authUrl === undefined) throw new CloudConfigError(`${source}: ${key('auth_url')} is required`);
  const authType =
    str(cloud['auth_type']) ??
    (str(auth['application_credential_secret']) !== undefined
      ? 'v3applicationcredential'
      : str(auth['token']) !== undefined && str(auth['password']) === undefined
        ? 'v3token'
        : 'password');
  const user = {
    username: str(auth['username']),
    userId: str(auth['user_id']),
    userDomainName: str(auth['user_domain_name']) ?? str(auth['domain_name']),
    userDomainId: str(auth['user_domain_id']) ?? str(auth['domain_id']),
  };
  let method: AuthMethod;
  if (authType === 'v3applicationcredential' || authType === 'application_credential') {
    const secret = str(auth['application_credential_secret']);
    if (secret === undefined)
      throw new CloudConfigError(`${source}: ${key('application_credential_secret')} is required for application credential auth`);
    const id = str(auth['application_credential_id']);
    const name = str(auth['application_credential_name']);
    if (id === undefined && (name === undefined || (user.username === undefined && user.userId === undefined))) {
      throw new CloudConfigError(
        `${source}: application credential auth needs ${key('application_credential_id')}, or ${key('application_credential_name')} with ${key('username')} or ${key('user_id')}`,
      );
    }
    method = { type: 'application_credential', id, name, secret, ...user };
  } else if (authType === 'v3token' || authType === 'token') {
    const token = str(auth['token']);
    if (token === undefined) throw new CloudConfigError(`${source}: ${key('token')} is required for token auth`);
    method = { type: 'token', token };
  } else if (authType === 'password' || authType === 'v3password') {
    const password = str(auth['password']);
    if (password === undefined) throw new CloudConfigError(`${source}: ${key('password')} is required for password auth`);
    if (user.username === undefined && user.userId === undefined)
      throw new CloudConfigError(`${source}: ${key('username')} or ${key('user_id')} is required for password auth`);
    method = { type: 'password', password, ...user };
  } else {
    throw new CloudConfigError(
      `${source}: ${key('auth_type', 'cloud')} ${authType} is not supported (password, v3applicationcredential, v3token)`,
    );
  }
  const projectId = str(auth['project_id']) ?? str(auth['tenant_id']);
  const projectName = str(auth['project_name']) ?? str(auth['tenant_name']);
  let scope: Scope;
  if (method.type === 'application_credential')
    scope = { kind: 'unscoped' }; // an application credential carries its project
  else if (projectId !== undefined || projectName !== undefined) {
    scope = {
      kind: 'project',
      id: projectId,
      name: projectName,
      domainName: str(auth['project_domain_name']),
      domainId: str(auth['project_domain_id']),
    };
  } else if (str(auth['domain_id']) !== undefined || str(auth['domain_name']) !== undefined) {
    scope = { kind: 'domain', id: str(auth['domain_id']), name: str(auth['domain_name']) };
  } else if (method.type === 'password') {
    // Keystone would scope the token to the user's default project, which may not be the one the catalog is
    // meant for (and Glance refuses an unscoped one): the project is always said.
    throw new CloudConfigError(
      `${source}: no project: set ${key('project_name')} (with ${key('project_domain_name')}) or ${key('project_id')}; ` +
        "without one Keystone would pick the user's default project",
    );
  } else scope = { kind: 'unscoped' };
  if (scope.kind === 'project' && scope.id === undefined && scope.domainName === undefined && scope.domainId === undefined) {
    throw new CloudConfigError(`${source}: ${key('project_name')} needs ${key('project_domain_name')} or ${key('project_domain_id')}`);
  }
  const iface = str(cloud['interface']) ?? str(cloud['endpoint_type']) ?? 'public';
  if (iface !== 'public' && iface !== 'internal' && iface !== 'admin')
    throw new CloudConfigError(`${source}: ${key('interface', 'cloud')} must be public, internal or admin, not ${iface}`);
  const verify = cloud['verify'];
  const endpointOverrides = Object.fromEntries(
    Object.entries(cloud).flatMap(([k, v]) => {
      const type = /^(.+)_endpoint_override$/.exec(k)?.[1];
      const url = str(v);
      return type === undefined || url === undefined ? [] : [[type, url]];
    }),
  );
  return {
    source,
    authUrl,
    auth: method,
    scope,
    regionName: str(cloud['region_name']),
    interface: iface,
    caFile: str(cloud['cacert']),
    insecure: bool(cloud['insecure']) === true || verify === false,
    endpointOverrides,
  };
}

/** The OS_* variables as a cloud: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, ... */
function fromEnvironment(env: NodeJS.ProcessEnv): CloudConfig {
  const auth: Json = {};
  const cloud: Json = {};
  const authKeys = [
    'auth_url',
    'username',
    'user_id',
    'password',
    'user_domain_name',
    'user_domain_id',
    'project_name',
    'project_id',
    'tenant_name',
    'tenant_id',
    'project_domain_name',
    'project_domain_id',
    'domain_name',
    'domain_id',
    'application_credential_id',
    'application_credential_name',
    'application_credential_secret',
    'token',
  ];
  for (const key of authKeys) {
    const value = env[`OS_${key.toUpperCase()}`];
    if (value !== undefined && value !== '') auth[key] = value;
  }
  for (const [key, name] of [
    ['auth_type', 'OS_AUTH_TYPE'],
    ['region_name', 'OS_REGION_NAME'],
    ['interface', 'OS_INTERFACE'],
    ['cacert', 'OS_CACERT'],
    ['insecure', 'OS_INSECURE'],
    ['image_endpoint_override', 'OS_IMAGE_ENDPOINT_OVERRIDE'],
  ] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') cloud[key] = value;
  }
  if (auth['auth_url'] === undefined) {
    const set = Object.keys(auth).map((key) => envKey(key));
    throw new CloudConfigError(
      set.length > 0
        ? `OS_* environment: OS_AUTH_URL is not set (${set.join(', ')} ${set.length === 1 ? 'is' : 'are'}): set it, or OS_CLOUD to a cloud in clouds.yaml`
        : 'no cloud configured: set OS_CLOUD (a cloud in clouds.yaml) or the OS_* variables (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, ...)',
    );
  }
  return fromAuthSection('OS_* environment', auth, cloud, envKey);
}

/**
 * Resolves the cloud to use: `cloud` (or OS_CLOUD) names one in the first clouds.yaml found, with the same
 * cloud of secure.yaml merged over it; without a name, the OS_* environment. Throws CloudConfigError, naming
 * the file and the key, before any network call.
 */
export function resolveCloud(cloud?: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CloudConfig {
  const name = cloud ?? (env['OS_CLOUD'] === '' ? undefined : env['OS_CLOUD']);
  if (name === undefined) return fromEnvironment(env);
  const file = cloudsFiles(env, cwd).find((f) => existsSync(f));
  if (file === undefined)
    throw new CloudConfigError(`cloud "${name}": no clouds.yaml found (looked in ${cloudsFiles(env, cwd).join(', ')})`);
  const entry = readClouds(file)[name];
  if (!isObject(entry))
    throw new CloudConfigError(`cloud "${name}" is not in ${file} (it has: ${Object.keys(readClouds(file)).join(', ') || 'none'})`);
  let merged = entry;
  const secure = secureFiles(env, cwd).find((f) => existsSync(f));
  if (secure !== undefined) {
    const extra = readClouds(secure)[name];
    if (isObject(extra)) merged = merge(merged, extra);
  }
  return fromAuthSection(`cloud "${name}" in ${file}`, isObject(merged['auth']) ? merged['auth'] : {}, merged);
}

/**
 * Resolves a cloud from a clouds.yaml document held elsewhere than a file (a Pulumi secret config value, for
 * one): the same `clouds:` map, parsed as YAML (JSON is YAML). `where` names the source in messages; the
 * document itself never appears in one.
 */
export function resolveCloudFromDocument(cloud: string, document: string, where: string): CloudConfig | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(document);
  } catch (err) {
    throw new CloudConfigError(`${where} is not a valid clouds.yaml document (YAML with a clouds: map): ${yamlProblem(err)}`);
  }
  const clouds = isObject(doc) && isObject(doc['clouds']) ? doc['clouds'] : undefined;
  if (clouds === undefined) throw new CloudConfigError(`${where} has no clouds: map`);
  const entry = clouds[cloud];
  if (!isObject(entry)) return undefined;
  return fromAuthSection(`cloud "${cloud}" in ${where}`, isObject(entry['auth']) ? entry['auth'] : {}, entry);
}
