/**
 * One accepted web-mode socket: frames in, answers and events out. Every frame gets an answer —
 * a frame that is not a request gets an error answer, never a crash or a silent drop — and a client
 * that cannot keep up with what it is sent is dropped instead of buffered without bound (it
 * reconnects and re-reads state; the mock CS log has its own snapshot request).
 */
import type { RawData, WebSocket } from 'ws';
import type { Dispatcher, SenderInfo } from '../ipc/register.js';
import { fail, type IpcResult } from '../ipc/result.js';
import type { WsRequest } from '../core/web-bridge.js';

export interface ClientLimits {
  /** requests answered concurrently for one socket; more are refused with BUSY */
  maxInFlight: number;
  /** bytes queued for a socket beyond which it is dropped as a slow consumer */
  maxBufferedBytes: number;
}

/** The id of an answer to a frame that carried no usable id (the WebBridge numbers requests from 1). */
export const UNMATCHED_ID = 0;
const MAX_CHANNEL_LENGTH = 200;

export type ParsedFrame = { ok: true; request: WsRequest } | { ok: false; id: number; message: string };

/** Reads one text frame as a request `{id, channel, input}`; says in one line what is wrong if it is not. */
export function parseRequestFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: UNMATCHED_ID, message: 'the message is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, id: UNMATCHED_ID, message: 'the message is not a JSON object {id, channel, input}' };
  const frame = value as Record<string, unknown>;
  const id = frame['id'];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1)
    return { ok: false, id: UNMATCHED_ID, message: 'the message has no id (a whole number from 1)' };
  const channel = frame['channel'];
  if (typeof channel !== 'string' || channel === '' || channel.length > MAX_CHANNEL_LENGTH)
    return { ok: false, id, message: 'the message has no channel name' };
  return { ok: true, request: { id, channel, input: frame['input'] } };
}

export class ClientSocket {
  #inFlight = 0;
  #dropped = false;
  /** settles when the socket has closed, for whatever reason */
  readonly closed: Promise<void>;

  constructor(
    private readonly ws: WebSocket,
    private readonly dispatcher: Dispatcher,
    private readonly sender: SenderInfo,
    private readonly limits: ClientLimits,
  ) {
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('message', (data, isBinary) => this.#receive(data, isBinary));
    // ws reports protocol violations (an oversized frame, bad UTF-8) as 'error' and closes the
    // socket itself; an 'error' without a listener would take the whole process down.
    ws.on('error', () => undefined);
  }

  /** Sends a pre-serialised event frame; the same string goes to every client. */
  sendEvent(frame: string): void {
    this.#send(frame);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  #receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.#answer(UNMATCHED_ID, badMessage('the message is binary; send JSON text'));
      return;
    }
    const parsed = parseRequestFrame(rawText(data));
    if (!parsed.ok) {
      this.#answer(parsed.id, badMessage(parsed.message));
      return;
    }
    const { id, channel, input } = parsed.request;
    if (this.#inFlight >= this.limits.maxInFlight) {
      this.#answer(
        id,
        fail('BUSY', `${this.limits.maxInFlight} requests are already running for this page`, 'Wait for them to finish and try again.'),
      );
      return;
    }
    this.#inFlight += 1;
    this.dispatcher
      .invoke(channel, input, this.sender)
      .catch(() => fail('INTERNAL', `${channel.slice(0, 60)} failed unexpectedly`, 'Try again; report this if it repeats.'))
      .then((result) => {
        this.#inFlight -= 1;
        this.#answer(id, result);
      });
  }

  #answer(id: number, result: IpcResult<unknown>): void {
    let frame: string;
    try {
      frame = JSON.stringify({ id, result });
    } catch {
      // A handler answer that cannot be serialised is a bug, but the page still gets an answer.
      frame = JSON.stringify({ id, result: fail('INTERNAL', 'the answer could not be sent', 'Try again; report this if it repeats.') });
    }
    this.#send(frame);
  }

  #send(frame: string): void {
    if (this.#dropped || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      // A page that stopped reading (a frozen tab, a paused debugger) must not grow our memory.
      this.#dropped = true;
      this.ws.terminate();
      return;
    }
    this.ws.send(frame);
  }
}

function badMessage(message: string): IpcResult<never> {
  return fail('BAD_MESSAGE', message, 'This is a bug in the page that sent it; reload it.');
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
