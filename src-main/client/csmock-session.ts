/**
 * One csmock/1 connection seen from the client: JSON lines in and out, the server's Hello, and
 * answers matched to requests by requestId. It only records what the server said; the login
 * decides what that means. Waits are bounded by the caller (see deadline.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import type { ServerError } from './types.js';

export const CSMOCK_PROTOCOL = 'csmock/1';
/** a Hello is ~90 bytes: this much without a line end before it means the peer is something else */
const MAX_PRE_HELLO_BYTES = 4096;
/** no csmock/1 answer comes near this; it bounds memory against a peer that never ends a line */
const MAX_LINE_BYTES = 1 << 20;

export type CsmockMessage = { type: string; [field: string]: unknown };

export interface Hello {
  protocol: string;
  server: string;
  /** the server's clock, ms */
  serverTime: number;
  /** our clock (ms) and the monotonic instant when the Hello arrived */
  receivedAt: number;
  receivedMono: number;
}

/** The server answered with an Error that belongs to no request (requestId null): SERVER_BUSY, IDLE_TIMEOUT… */
export class ServerAnswerError extends Error {
  constructor(readonly answer: ServerError) {
    super(`${answer.code}: ${answer.message}`);
    this.name = 'ServerAnswerError';
  }
}

/** The server answered one of our requests with an Error. */
export class RequestRefused extends ServerAnswerError {
  constructor(answer: ServerError) {
    super(answer);
    this.name = 'RequestRefused';
  }
}

/** The peer sent something csmock/1 does not allow; `observation` says what, in a few words. */
export class ProtocolViolation extends Error {
  constructor(readonly observation: string) {
    super(observation);
    this.name = 'ProtocolViolation';
  }
}

/** The connection ended (closed, reset) while something was awaited. */
export class ConnectionLost extends Error {
  constructor(readonly code: string) {
    super(`connection lost (${code})`);
    this.name = 'ConnectionLost';
  }
}

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export function toServerError(m: CsmockMessage): ServerError {
  const detail = m.detail;
  return {
    code: typeof m.code === 'string' ? m.code : 'UNKNOWN',
    message: typeof m.message === 'string' ? m.message : '',
    ...(detail && typeof detail === 'object' && !Array.isArray(detail) ? { detail: detail as Record<string, unknown> } : {}),
  };
}

export class CsmockSession {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private helloSeen: Hello | null = null;
  private helloWaiter: Waiter<Hello> | null = null;
  private readonly pending = new Map<number, Waiter<CsmockMessage>>();
  private nextRequestId = 1;
  /** why the session cannot go on; every later wait fails with it */
  private broken: Error | null = null;

  constructor(
    readonly socket: Socket,
    private readonly clock: () => number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e: NodeJS.ErrnoException) => this.breakWith(new ConnectionLost(e.code ?? 'ERROR')));
    socket.on('close', () => this.breakWith(new ConnectionLost('CLOSED')));
  }

  /** resolves with the server's Hello, or rejects with what came instead */
  hello(): Promise<Hello> {
    if (this.helloSeen) return Promise.resolve(this.helloSeen);
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.helloWaiter = { resolve, reject };
    });
  }

  /** sends one request; `answer` resolves with the server's answer to it, an Error answer included */
  request(type: string, fields: Record<string, unknown> = {}): { requestId: number; answer: Promise<CsmockMessage> } {
    const requestId = this.nextRequestId++;
    if (this.broken) return { requestId, answer: Promise.reject(this.broken) };
    const answer = new Promise<CsmockMessage>((resolve, reject) => this.pending.set(requestId, { resolve, reject }));
    this.socket.write(`${JSON.stringify({ type, requestId, ...fields })}\n`);
    return { requestId, answer };
  }

  /** stop waiting for an answer (its step timed out) */
  forget(requestId: number): void {
    this.pending.delete(requestId);
  }

  /** ends our side politely and waits (briefly) for the server to close; then it is destroyed */
  close(graceMs = 1000): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.destroy(), graceMs);
      timer.unref();
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.broken) return;
    if (!this.helloSeen && this.buffered === 0) {
      // A csmock/1 server opens with a JSON object; anything else is known at its first byte.
      const first = chunk.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      if (first !== undefined && first !== 0x7b) return this.violate(`it sent ${describeBytes(chunk)}`);
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    let data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    let newline: number;
    while (!this.broken && (newline = data.indexOf(0x0a)) !== -1) {
      const line = data.subarray(0, newline);
      data = data.subarray(newline + 1);
      this.onLine(line);
    }
    this.chunks = data.length ? [data] : [];
    this.buffered = data.length;
    const limit = this.helloSeen ? MAX_LINE_BYTES : MAX_PRE_HELLO_BYTES;
    if (!this.broken && this.buffered > limit)
      this.violate(this.helloSeen ? 'it sent a line over 1 MiB' : `it sent ${describeBytes(data)} with no line end`);
  }

  private onLine(raw: Buffer): void {
    const text = raw.toString('utf8').replace(/\r$/, '');
    if (text.trim() === '') return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.violate(`it sent ${describeBytes(raw)}, which is not JSON`);
    }
    if (!message || typeof message !== 'object' || Array.isArray(message) || typeof (message as CsmockMessage).type !== 'string')
      return this.violate(`it sent ${describeBytes(raw)}, which is not a csmock/1 message`);
    const m = message as CsmockMessage;
    if (!this.helloSeen) return this.onFirstMessage(m);
    if (m.type === 'Error' && (m.requestId === null || m.requestId === undefined)) {
      return this.breakWith(new ServerAnswerError(toServerError(m)));
    }
    if (typeof m.requestId === 'number') {
      const waiter = this.pending.get(m.requestId);
      if (waiter) {
        this.pending.delete(m.requestId);
        waiter.resolve(m);
      }
    }
    // Anything else (an answer to a forgotten request, a message type from a newer server) is ignored,
    // as the protocol asks of receivers.
  }

  private onFirstMessage(m: CsmockMessage): void {
    if (m.type === 'Error') return this.breakWith(new ServerAnswerError(toServerError(m)));
    if (m.type !== 'Hello') return this.violate(`it opened with a ${describeType(m.type)} message instead of a Hello`);
    if (m.protocol !== CSMOCK_PROTOCOL) return this.violate(`its Hello is for protocol ${describeType(m.protocol)}, not ${CSMOCK_PROTOCOL}`);
    if (typeof m.serverTime !== 'number' || !Number.isFinite(m.serverTime)) return this.violate('its Hello has no serverTime');
    this.helloSeen = {
      protocol: m.protocol,
      server: typeof m.server === 'string' ? m.server : '',
      serverTime: m.serverTime,
      receivedAt: this.clock(),
      receivedMono: performance.now(),
    };
    const waiter = this.helloWaiter;
    this.helloWaiter = null;
    waiter?.resolve(this.helloSeen);
  }

  private violate(observation: string): void {
    this.breakWith(new ProtocolViolation(observation));
    this.socket.destroy();
  }

  private breakWith(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    const hello = this.helloWaiter;
    this.helloWaiter = null;
    hello?.reject(error);
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

/** a short, printable account of what a peer sent: its text, or its first bytes in hex */
export function describeBytes(bytes: Buffer): string {
  const head = bytes.subarray(0, 48);
  let printable = 0;
  for (const b of head) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  if (head.length > 0 && printable / head.length >= 0.8) {
    const text = head
      .toString('latin1')
      .replace(/[^\x20-\x7e]+/g, ' ')
      .trim();
    return `"${text}${bytes.length > head.length ? '…' : ''}"`;
  }
  const hex = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${bytes.length} bytes of binary data (${hex}${bytes.length > 8 ? ' …' : ''})`;
}

function describeType(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return `"${text.slice(0, 32).replace(/[^\x20-\x7e]/g, '?')}"`;
}
