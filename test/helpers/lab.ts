/**
 * Raw HTTP access to the lab for tests that prove what Keystone and Glance themselves do (no client of ours in
 * between): tokens per persona from the generated clouds.yaml, and plain Image API calls.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { Session } from '../../provider/client/session.js';
import { readLabRecord, type LabRecord, type Persona } from '../../scripts/lab-settings.js';

/** The lab record; throws when the lab was never brought up (the test command brings it up first). */
export function lab(): LabRecord {
  const record = readLabRecord();
  if (record === undefined) throw new Error('the lab is not set up: npm run lab -- up');
  return record;
}

interface CloudAuth {
  auth_url: string;
  username: string;
  password: string;
  project_name: string;
  user_domain_name: string;
  project_domain_name: string;
}

/** A persona's auth section from the lab's clouds.yaml. */
export function cloudAuth(persona: Persona): CloudAuth {
  const doc = parse(readFileSync(lab().clouds, 'utf8')) as { clouds: Record<string, { auth: CloudAuth }> };
  const cloud = doc.clouds[persona];
  if (cloud === undefined) throw new Error(`clouds.yaml has no cloud ${persona}`);
  return cloud.auth;
}

/** What Keystone says about a project-scoped token. */
export interface Token {
  readonly id: string;
  readonly userId: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly roles: readonly string[];
}

interface TokenBody {
  token: { user: { id: string }; project: { id: string; name: string }; roles: { name: string }[] };
}

const tokens = new Map<Persona, Promise<Token>>();

/** A token for a persona (one per persona per test process). */
export function token(persona: Persona): Promise<Token> {
  let pending = tokens.get(persona);
  if (pending === undefined) {
    pending = issueToken(persona);
    tokens.set(persona, pending);
  }
  return pending;
}

async function issueToken(persona: Persona): Promise<Token> {
  const a = cloudAuth(persona);
  const res = await fetch(`${a.auth_url}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: a.username, domain: { name: a.user_domain_name }, password: a.password } },
        },
        scope: { project: { name: a.project_name, domain: { name: a.project_domain_name } } },
      },
    }),
  });
  const body = (await res.json()) as TokenBody;
  const id = res.headers.get('x-subject-token');
  if (res.status !== 201 || id === null) throw new Error(`Keystone refused ${persona}: HTTP ${res.status}`);
  return {
    id,
    userId: body.token.user.id,
    projectId: body.token.project.id,
    projectName: body.token.project.name,
    roles: body.token.roles.map((r) => r.name).sort(),
  };
}

/** One Image API answer. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

/**
 * Calls the Image API as a persona; a JSON body is sent as JSON, a Buffer as octet-stream. A 401 (the persona's
 * token expired: a lab with short tokens) is answered by one new token and the call again.
 */
export async function glance(persona: Persona, method: string, path: string, body?: unknown, contentType?: string): Promise<Answer> {
  const answer = await glanceOnce(persona, method, path, body, contentType);
  if (answer.status !== 401) return answer;
  tokens.delete(persona);
  return glanceOnce(persona, method, path, body, contentType);
}

async function glanceOnce(persona: Persona, method: string, path: string, body?: unknown, contentType?: string): Promise<Answer> {
  const t = await token(persona);
  const headers: Record<string, string> = { 'x-auth-token': t.id, accept: 'application/json' };
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(body)) {
    payload = body;
    headers['content-type'] = contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = contentType ?? 'application/json';
  }
  const res = await fetch(`${lab().glanceUrl}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

/** A short random suffix for names of objects a test creates. */
export function suffix(): string {
  return randomBytes(4).toString('hex');
}

/** Waits until an image reaches a status (or fails after `timeoutMs`). */
export async function waitForStatus(persona: Persona, id: string, status: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, unknown> = {};
  while (Date.now() < deadline) {
    const got = await glance(persona, 'GET', `/v2/images/${id}`);
    last = got.body as Record<string, unknown>;
    if (last['status'] === status) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`image ${id} stayed ${String(last['status'])} (wanted ${status}) for ${timeoutMs} ms`);
}

/**
 * A provider/client session for a persona of the lab, closed when the test file ends. Points the client at the
 * lab's clouds.yaml (OS_CLIENT_CONFIG_FILE), as a user would.
 */
export function labSession(persona: Persona): Session {
  process.env['OS_CLIENT_CONFIG_FILE'] = lab().clouds;
  const session = Session.forCloud(persona);
  t.teardown(() => session.close());
  return session;
}

/** A temporary folder removed when the test file ends. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Stores configured by a StorageBackend before this test file started (the example catalog's `golden` and
 * `archive` once `npm start` ran): tests about the lab's own stores leave them out.
 */
const foreignStores = (() => {
  const record = readLabRecord();
  if (record === undefined || !existsSync(record.glanceConfigDir)) return new Set<string>();
  return new Set(
    readdirSync(record.glanceConfigDir)
      .filter((f) => /^store-.+\.conf$/.test(f))
      .map((f) => f.slice('store-'.length, -'.conf'.length)),
  );
})();

/** The stores of a list that are not another StorageBackend's (see foreignStores). */
export function labStores<T extends { readonly id: string }>(stores: readonly T[]): T[] {
  return stores.filter((s) => !foreignStores.has(s.id));
}
