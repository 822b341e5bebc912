/**
 * A local GitHub for the pull-request check's tests: an HTTP server that validates every request against GitHub's
 * published OpenAPI description (@octokit/openapi's api.github.com.json, read as a file: the package's index loads
 * all ten descriptions, 385 MB) with openapi-backend, answers as GitHub does for the endpoints the check uses, and
 * keeps what it received. GitHub's request bodies mostly allow unknown fields; here every object of those bodies is
 * closed (additionalProperties: false), so a misspelt field fails the test instead of being ignored by GitHub.
 * Anything else is 404; a request that does not fit the description is 422 with the validator's reasons; a token
 * listed as read-only gets 403 on writes (a fork's pull request), one listed as bad 401 on anything.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import addFormatsModule from 'ajv-formats';
import type { Ajv } from 'ajv';
import { OpenAPIBackend, type Context, type Document } from 'openapi-backend';

type Json = Record<string, unknown>;

/** The operations the check uses: path -> methods. */
const used: Readonly<Record<string, readonly string[]>> = {
  '/repos/{owner}/{repo}/check-runs': ['post'],
  '/repos/{owner}/{repo}/check-runs/{check_run_id}': ['patch'],
  '/repos/{owner}/{repo}/issues/{issue_number}/comments': ['get', 'post'],
  '/repos/{owner}/{repo}/issues/comments/{comment_id}': ['patch'],
  '/repos/{owner}/{repo}/code-scanning/sarifs': ['post'],
};

/** One request as the server received it. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly operation: string | undefined;
  readonly status: number;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

/** What the server holds. */
export interface GitHubState {
  readonly received: Received[];
  readonly checkRuns: Map<number, { run: Json; annotations: Json[] }>;
  readonly comments: Json[];
  readonly sarifs: Json[];
}

/** A running local GitHub. */
export interface LocalGitHub {
  readonly url: string;
  readonly state: GitHubState;
}

const description = ((): Document => {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json & { paths: Record<string, Record<string, Json>>; components: Json };
  const deref = (node: unknown): Json => {
    let n = node as Json;
    while (typeof n['$ref'] === 'string')
      n = n['$ref']
        .slice(2)
        .split('/')
        .reduce<Json>((o, k) => o[k] as Json, doc);
    return n;
  };
  const close = (schema: unknown): Json => {
    const s = structuredClone(deref(schema));
    const walk = (n: Json): void => {
      const properties = n['properties'] as Record<string, unknown> | undefined;
      if (properties !== undefined) {
        n['additionalProperties'] ??= false;
        for (const key of Object.keys(properties)) walk((properties[key] = structuredClone(deref(properties[key]))));
      }
      if (n['items'] !== undefined) walk((n['items'] = structuredClone(deref(n['items']))));
    };
    walk(s);
    return s;
  };
  const paths: Record<string, Record<string, Json>> = {};
  for (const [path, methods] of Object.entries(used)) {
    paths[path] = {};
    for (const method of methods) {
      const op = structuredClone(doc.paths[path]?.[method] ?? {});
      if (op['requestBody'] !== undefined) {
        const body = deref(op['requestBody']);
        const schema = ((body['content'] as Json)['application/json'] as Json)['schema'];
        op['requestBody'] = { ...body, content: { 'application/json': { schema: close(schema) } } };
      }
      paths[path][method] = op;
    }
  }
  return { openapi: doc['openapi'], info: doc['info'], paths, components: doc.components } as unknown as Document;
})();

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function answer(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Starts a local GitHub; `close` stops it. `readOnlyTokens` answer 403 to every write, `badTokens` 401 to anything. */
export async function startLocalGitHub(
  options: { readOnlyTokens?: readonly string[]; badTokens?: readonly string[] } = {},
): Promise<LocalGitHub & { close: () => Promise<void> }> {
  const state: GitHubState = { received: [], checkRuns: new Map(), comments: [], sarifs: [] };
  let nextId = 1000;
  const error = (status: number, message: string): Json => ({
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  });
  const api = new OpenAPIBackend({
    definition: description,
    quick: true,
    ajvOpts: { strict: false, allErrors: true },
    customizeAjv: (ajv) => addFormats(ajv),
    handlers: {
      notFound: () => ({ status: 404, body: error(404, 'Not Found') }),
      validationFail: (c: Context) => ({
        status: 422,
        body: error(
          422,
          `Invalid request.\n\n${(c.validation.errors ?? [])
            .map(
              (e) =>
                `${e.instancePath} ${e.message ?? ''}${typeof e.params['additionalProperty'] === 'string' ? `: ${e.params['additionalProperty']}` : ''}`,
            )
            .join('\n')}`,
        ),
      }),
      'checks/create': (c: Context) => {
        const body = c.request.requestBody as Json;
        const run: Json = { ...body, id: nextId++, html_url: 'http://github.local/check' };
        state.checkRuns.set(run['id'] as number, {
          run,
          annotations: [...(((body['output'] as Json | undefined)?.['annotations'] as Json[] | undefined) ?? [])],
        });
        return { status: 201, body: run };
      },
      'checks/update': (c: Context) => {
        const record = state.checkRuns.get(Number((c.request.params as Record<string, string>)['check_run_id']));
        if (record === undefined) return { status: 404, body: error(404, 'Not Found') };
        const body = c.request.requestBody as Json;
        record.annotations.push(...(((body['output'] as Json | undefined)?.['annotations'] as Json[] | undefined) ?? []));
        Object.assign(record.run, body);
        return { status: 200, body: record.run };
      },
      'issues/list-comments': (c: Context) => {
        const perPage = Number((c.request.query as Record<string, string | undefined>)['per_page'] ?? 30);
        const page = Number((c.request.query as Record<string, string | undefined>)['page'] ?? 1);
        const slice = state.comments.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(state.comments.length / perPage));
        const link = page < last ? { link: `<${c.request.path}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
        return { status: 200, body: slice, headers: link };
      },
      'issues/create-comment': (c: Context) => {
        const comment: Json = { id: nextId++, body: (c.request.requestBody as Json)['body'] };
        state.comments.push(comment);
        return { status: 201, body: comment };
      },
      'issues/update-comment': (c: Context) => {
        const comment = state.comments.find((x) => x['id'] === Number((c.request.params as Record<string, string>)['comment_id']));
        if (comment === undefined) return { status: 404, body: error(404, 'Not Found') };
        comment['body'] = (c.request.requestBody as Json)['body'];
        return { status: 200, body: comment };
      },
      'code-scanning/upload-sarif': (c: Context) => {
        state.sarifs.push(c.request.requestBody as Json);
        return { status: 202, body: { id: `sarif-${state.sarifs.length}`, url: 'http://github.local/sarif' } };
      },
    },
  });
  await api.init();
  const readOnly = new Set((options.readOnlyTokens ?? []).map((token) => `token ${token}`));
  const bad = new Set((options.badTokens ?? []).map((token) => `token ${token}`));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://github.local');
        const authorization = req.headers.authorization;
        let body: unknown;
        try {
          body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
        } catch {
          body = raw;
        }
        const request = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers as Record<string, string>,
          body,
        };
        const operation = api.matchOperation(request)?.operationId;
        let result: { status: number; body?: unknown; headers?: Record<string, string> };
        if (authorization !== undefined && bad.has(authorization)) result = { status: 401, body: error(401, 'Bad credentials') };
        else if (req.method !== 'GET' && authorization !== undefined && readOnly.has(authorization))
          result = { status: 403, body: error(403, 'Resource not accessible by integration') };
        else result = (await api.handleRequest(request)) as typeof result;
        state.received.push({ method: request.method, path: url.pathname, operation, status: result.status, body, authorization });
        answer(res, result.status, result.body, result.headers ?? {});
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
