/**
 * A fault-injecting HTTP proxy in front of the lab's real Glance (a cloud's `image_endpoint_override` points the
 * client at it): each request is passed through unless a fault matches it. Faults: answer with a status (5xx)
 * without passing the request on, delay the answer, cut both connections after some bytes of the request body,
 * or flip one byte of the request body on its way.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';

/** Which requests a fault applies to. */
export type Match = (method: string, path: string) => boolean;

/** One fault; `times` is how many matching requests it hits (default: every one). */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly match: Match; readonly times?: number }
  | { readonly kind: 'delay'; readonly ms: number; readonly match: Match; readonly times?: number }
  | { readonly kind: 'cut'; readonly afterBytes: number; readonly match: Match; readonly times?: number }
  | { readonly kind: 'corrupt'; readonly atByte: number; readonly match: Match; readonly times?: number };

/** A running proxy. */
export interface FaultProxy {
  readonly url: string;
  /** Requests seen, in order (`METHOD /path`). */
  readonly seen: string[];
  /** Faults injected so far. */
  injected: number;
  /** Calls `listener` with each request as it arrives (before any fault); `clear` removes it. */
  watch(listener: (method: string, path: string) => void): void;
  /** Adds a fault (the first that matches a request applies). */
  add(fault: Fault): void;
  clear(): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) in front of `target` (`http://127.0.0.1:9302`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const faults: { fault: Fault; left: number }[] = [];
  const listeners: ((method: string, path: string) => void)[] = [];
  const state: FaultProxy = {
    url: '',
    seen: [],
    injected: 0,
    watch: (listener) => listeners.push(listener),
    add: (fault) => faults.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY }),
    clear: () => {
      faults.splice(0);
      listeners.splice(0);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const pick = (method: string, path: string): Fault | undefined => {
    const hit = faults.find((f) => f.left > 0 && f.fault.match(method, path));
    if (hit === undefined) return undefined;
    hit.left -= 1;
    state.injected += 1;
    return hit.fault;
  };
  const forward = (req: IncomingMessage, res: ServerResponse, fault: Fault | undefined): void => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const send = (): void => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        };
        if (fault?.kind === 'delay') setTimeout(send, fault.ms);
        else send();
      },
    );
    out.on('error', () => res.destroy());
    let bytes = 0;
    const tamper = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        const start = bytes;
        bytes += chunk.length;
        if (fault?.kind === 'cut' && bytes >= fault.afterBytes) {
          out.destroy();
          req.socket.destroy();
          done();
          return;
        }
        if (fault?.kind === 'corrupt' && start <= fault.atByte && fault.atByte < bytes) {
          const copy = Buffer.from(chunk);
          copy[fault.atByte - start] = (copy[fault.atByte - start] ?? 0) ^ 0xff;
          done(null, copy);
          return;
        }
        done(null, chunk);
      },
    });
    req.pipe(tamper).pipe(out);
  };
  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    state.seen.push(`${method} ${path}`);
    for (const listener of listeners) listener(method, path);
    const fault = pick(method, path);
    if (fault?.kind === 'status') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `injected ${fault.status}`, code: fault.status, title: 'Injected' }));
      return;
    }
    forward(req, res, fault);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}
