// Web-mode test helpers: a built-renderer stand-in on disk, raw HTTP requests (so the Host header and
// un-normalised paths are sent exactly as written), and a `ws` client that sends what a browser sends.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { IpcResult } from '../../src-main/ipc/result.js';
import { KEY_FRAGMENT, KEY_SUBPROTOCOL_PREFIX, WEB_SOCKET_PATH, WEB_SUBPROTOCOL } from '../../src-main/core/web-bridge.js';

export const OUTSIDE_TEXT = 'this file lies outside the renderer folder';

export interface RendererFixture {
  /** the stand-in for dist/renderer */
  dir: string;
  /** a temp folder holding `dir` and a file beside it that must never be served */
  base: string;
  cleanup(): Promise<void>;
}

/** A small built renderer on disk, a file beside it, and a symlink from inside to that file. */
export async function rendererFixture(): Promise<RendererFixture> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'gax-web-'));
  const dir = path.join(base, 'renderer');
  await mkdir(path.join(dir, 'assets', 'deep'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>GAX Token Lab</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(path.join(dir, 'assets', 'app.css'), 'body{margin:0}');
  // Named by its content, as the build names its scripts and styles: kept by the browser for good.
  await writeFile(path.join(dir, 'assets', 'App-Dx9_k2Lq.js'), 'export {};');
  await writeFile(path.join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dir, 'assets', 'deep', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(base, 'outside.txt'), OUTSIDE_TEXT);
  await symlink(path.join(base, 'outside.txt'), path.join(dir, 'assets', 'link-out.txt'));
  return { dir, base, cleanup: () => rm(base, { recursive: true, force: true }) };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with the path and headers exactly as given (fetch would normalise `..`). */
export function rawRequest(port: number, requestPath: string, opts: { method?: string; host?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: requestPath, method: opts.method ?? 'GET', headers: { Host: opts.host ?? `127.0.0.1:${port}` }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export function secretOf(url: string): string {
  const key = new URLSearchParams(new URL(url).hash.slice(1)).get(KEY_FRAGMENT);
  if (!key) throw new Error(`no key in ${url}`);
  return key;
}

export interface ClientOptions {
  origin?: string;
  host?: string;
  protocols?: string[];
  path?: string;
}

/** What a browser sends: the page's Origin, the server's Host, the protocol and the key. */
function clientArgs(port: number, secret: string, opts: ClientOptions): [string, string[], WebSocket.ClientOptions] {
  const headers: Record<string, string> = {};
  if (opts.host !== undefined) headers['Host'] = opts.host;
  return [
    `ws://127.0.0.1:${port}${opts.path ?? WEB_SOCKET_PATH}`,
    opts.protocols ?? [WEB_SUBPROTOCOL, `${KEY_SUBPROTOCOL_PREFIX}${secret}`],
    { origin: opts.origin ?? `http://127.0.0.1:${port}`, headers, perMessageDeflate: false },
  ];
}

type ServerFrame = { id: number; result: IpcResult<unknown> } | { event: string; payload: unknown };

export class TestClient {
  private nextId = 1;
  readonly frames: ServerFrame[] = [];
  private readonly waiters = new Set<() => void>();
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as ServerFrame);
      for (const w of this.waiters) w();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Sends a request and waits for the answer with its id. */
  async request(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, channel, input }));
    const frame = await this.waitFor((f) => 'id' in f && f.id === id);
    return (frame as { result: IpcResult<unknown> }).result;
  }

  /** Sends anything and waits for the next answer frame after it. */
  async sendRaw(data: string | Buffer, opts: { binary?: boolean } = {}): Promise<{ id: number; result: IpcResult<unknown> }> {
    const seen = this.frames.length;
    this.ws.send(data, { binary: opts.binary ?? false });
    const frame = await this.waitFor((f, i) => i >= seen && 'id' in f);
    return frame as { id: number; result: IpcResult<unknown> };
  }

  /** The first frame (already received or still to come) that matches. */
  waitFor(match: (frame: ServerFrame, index: number) => boolean, timeoutMs = 5000): Promise<ServerFrame> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const index = this.frames.findIndex(match);
        if (index < 0) return false;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve(this.frames[index]!);
        return true;
      };
      const waiter = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(0, 500)}`));
      }, timeoutMs);
      this.waiters.add(waiter);
      check();
    });
  }

  events(name: string): unknown[] {
    return this.frames.filter((f): f is { event: string; payload: unknown } => 'event' in f && f.event === name).map((f) => f.payload);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

/** Opens a socket as a browser would; rejects when the server refuses it. */
export function connect(port: number, secret: string, opts: ClientOptions = {}): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(...clientArgs(port, secret, opts));
    ws.once('open', () => resolve(new TestClient(ws)));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Opens a socket that must be refused; resolves with the HTTP answer the server gave instead. */
export function refusal(port: number, secret: string, opts: ClientOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(...clientArgs(port, secret, opts));
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the server accepted a socket it should have refused'));
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    ws.on('error', () => undefined);
  });
}
