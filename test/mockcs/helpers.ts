// A csmock/1 client written from the protocol spec alone (no server code), real sockets on 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { mintToken } from '../../src-main/core/index.js';
import { MockCs, type MockCsEvent, type MockCsInit, type MockCsOptions } from '../../src-main/mockcs/index.js';

export type Msg = Record<string, unknown> & { type: string };

export class LineClient {
  private buffer = '';
  private readonly inbox: Msg[] = [];
  private waiters: { resolve: (m: Msg) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  /** raw text received, for tests on exact bytes */
  raw = '';
  ended = false;
  readonly closed: Promise<void>;

  constructor(readonly socket: Socket | TLSSocket) {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.raw += d;
      this.buffer += d;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.deliver(JSON.parse(line) as Msg);
      }
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.ended = true;
        for (const w of this.waiters.splice(0)) {
          clearTimeout(w.timer);
          w.reject(new Error('connection closed before the next message'));
        }
        resolve();
      }),
    );
  }

  static connect(port: number, host = '127.0.0.1'): Promise<LineClient> {
    return new Promise((resolve, reject) => {
      const s = tcpConnect({ port, host }, () => resolve(new LineClient(s)));
      s.once('error', reject);
    });
  }

  static connectTls(port: number, opts: { ca?: string; servername?: string; rejectUnauthorized?: boolean }): Promise<LineClient> {
    return new Promise((resolve, reject) => {
      const s = tlsConnect({ port, host: '127.0.0.1', ...opts }, () => resolve(new LineClient(s)));
      s.once('error', reject);
    });
  }

  private deliver(m: Msg): void {
    const w = this.waiters.shift();
    if (w) {
      clearTimeout(w.timer);
      w.resolve(m);
    } else this.inbox.push(m);
  }

  next(timeoutMs = 3000): Promise<Msg> {
    const m = this.inbox.shift();
    if (m) return Promise.resolve(m);
    if (this.ended) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({ resolve, reject, timer });
    });
  }

  send(msg: object | string): void {
    this.socket.write(typeof msg === 'string' ? msg : `${JSON.stringify(msg)}\n`);
  }

  async request(msg: object): Promise<Msg> {
    this.send(msg);
    return this.next();
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

export interface Running {
  cs: MockCs;
  port: number;
  events: MockCsEvent[];
  stop(): Promise<void>;
}

export async function startMockCs(options: Partial<MockCsOptions> = {}, init: Omit<MockCsInit, 'options'> = {}): Promise<Running> {
  const cs = new MockCs({ ...init, options: { listeners: [{ host: '127.0.0.1', port: 0 }], ...options } });
  const events: MockCsEvent[] = [];
  cs.onEvent((e) => events.push(e));
  const [first] = await cs.start();
  return { cs, port: first!.port, events, stop: () => cs.stop() };
}

/** A connected client that has read the Hello. */
export async function helloClient(port: number): Promise<{ client: LineClient; hello: Msg }> {
  const client = await LineClient.connect(port);
  const hello = await client.next();
  return { client, hello };
}

/** One login on a fresh connection: the answer to RegisterClient. */
export async function loginOnce(port: number, userName: string, password: string): Promise<Msg> {
  const { client } = await helloClient(port);
  try {
    return await client.request({ type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName, password });
  } finally {
    client.destroy();
  }
}

export function mint(tokenUuid: string, username: string, iat: number, exp: number, preamble?: string): string {
  const r = mintToken({ tokenUuid, username, iat, exp, ...(preamble !== undefined ? { preamble } : {}) });
  if (!r.ok) throw new Error(`test setup: cannot mint (${r.code})`);
  return r.value.token;
}

export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gax-mockcs-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `cond()` holds (polling every 10 ms), or fails after `timeoutMs`. */
export async function until(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}
