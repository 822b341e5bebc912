/** The reference evaluator: OPA's own Go implementation (`opa eval`) on the same Rego and data. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { locateTool, repoRoot } from '../../scripts/tools.js';

const run = promisify(execFile);

/** Path of the Go-built opa; throws when the toolchain has not built it. */
export async function opaPath(): Promise<string> {
  const opa = await locateTool('opa');
  if (!opa.ok) throw new Error(`opa is needed for the reference evaluation: ${opa.reason}`);
  return opa.path;
}

/** Evaluates a query with `opa eval` over policies/ plus extra data documents; returns the query's value. */
export async function opaEval(query: string, extraData: Readonly<Record<string, unknown>> = {}): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'image-catalog-opa-'));
  try {
    const args = ['eval', '--format', 'json', '--data', join(repoRoot, 'policies')];
    if (Object.keys(extraData).length > 0) {
      const file = join(dir, 'extra.json');
      writeFileSync(file, JSON.stringify(extraData));
      args.push('--data', file);
    }
    args.push(query);
    const { stdout } = await run(await opaPath(), args, { maxBuffer: 512 * 1024 * 1024 });
    const out = JSON.parse(stdout) as { result?: { expressions: { value: unknown }[] }[] };
    return out.result?.[0]?.expressions[0]?.value;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OPA's Go evaluator as a server on loopback: the reference for many decisions without a process each. */
export class OpaServer {
  private constructor(
    private readonly child: import('node:child_process').ChildProcess,
    private readonly base: string,
  ) {}

  /** Starts `opa run --server` with policies/catalog and the given policy data (`{image_catalog: ...}`). */
  static async start(data: unknown): Promise<OpaServer> {
    const { spawn } = await import('node:child_process');
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const address = s.address();
        s.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const dir = mkdtempSync(join(tmpdir(), 'image-catalog-opa-server-'));
    const dataDir = join(dir, 'data');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'data.json'), JSON.stringify(data));
    const child = spawn(
      await opaPath(),
      ['run', '--server', '--addr', `127.0.0.1:${port}`, '--log-level', 'error', join(repoRoot, 'policies', 'catalog'), dataDir],
      { stdio: 'ignore' },
    );
    child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/health`)).ok) return new OpaServer(child, base);
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill();
    throw new Error('opa run --server did not answer on /health');
  }

  /** Replaces the policy data (`image_catalog`). */
  async setConfig(config: unknown): Promise<void> {
    const res = await fetch(`${this.base}/v1/data/image_catalog`, {
      method: 'PUT',
      body: JSON.stringify(config),
      headers: { 'content-type': 'application/json' },
    });
    if (res.status !== 204) throw new Error(`opa PUT data: HTTP ${res.status} ${await res.text()}`);
  }

  /** The decision for one input. */
  async decide(input: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}/v1/data/catalog/main/decision`, {
      method: 'POST',
      body: JSON.stringify({ input }),
      headers: { 'content-type': 'application/json' },
    });
    const body = (await res.json()) as { result?: unknown };
    return body.result;
  }

  /** Stops the server. */
  stop(): void {
    this.child.kill();
  }
}
