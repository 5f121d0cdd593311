/**
 * The only module that talks to the main side. In Electron it uses the object the preload exposes
 * (`window.gaxLab`); in web mode it speaks the same contract over the loopback WebSocket. Either way the
 * views see one typed API: `invoke(channel, input)` → IpcResult, and `on(event, listener)`.
 */
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from '../../src-main/ipc/contract/index.js';
import type { IpcResult } from '../../src-main/ipc/result.js';
import {
  KEY_FRAGMENT,
  KEY_SUBPROTOCOL_PREFIX,
  MAX_REQUEST_FRAME_BYTES,
  WEB_SOCKET_PATH,
  WEB_SUBPROTOCOL,
  describeBytes,
  utf8Length,
  type WsServerMessage,
} from '../../src-main/core/browser.js';

export interface Bridge {
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    gaxLab?: Bridge;
  }
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

const KEY_STORAGE = 'gax-token-lab.key';

/** Web mode: one socket, requests matched by id, events fanned out; reconnects with backoff. */
export class WebBridge implements Bridge {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private pending = new Map<number, (r: IpcResult<unknown>) => void>();
  private listeners = new Map<string, Set<(payload: unknown) => void>>();
  private queue: string[] = [];
  private retryMs = 250;
  private stateListeners = new Set<(s: ConnectionState) => void>();
  state: ConnectionState = 'connecting';

  constructor(
    private readonly url: string,
    private readonly key: string,
    /** the server's frame limit (protocol.ts); a test may pass its own server's */
    private readonly maxFrameBytes = MAX_REQUEST_FRAME_BYTES,
    /** the page's own bridge: open the socket after the first frame (see openAfterPaint) */
    afterPaint = false,
  ) {
    if (afterPaint) openAfterPaint(() => this.connect());
    else this.connect();
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private connect(): void {
    this.setState('connecting');
    const socket = new WebSocket(this.url, [WEB_SUBPROTOCOL, KEY_SUBPROTOCOL_PREFIX + this.key]);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 250;
      this.setState('open');
      for (const frame of this.queue.splice(0)) socket.send(frame);
    };
    socket.onmessage = (e) => this.receive(String(e.data));
    socket.onclose = () => {
      this.socket = null;
      this.setState('closed');
      // Requests in flight will never be answered by this socket: answer them now, in words.
      for (const [id, resolve] of this.pending) {
        this.pending.delete(id);
        resolve({
          ok: false,
          error: {
            code: 'DISCONNECTED',
            message: 'the connection to GAX Token Lab was lost',
            hint: 'It reconnects by itself; if it does not, restart `npm run web` and open the new URL.',
          },
        });
      }
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  private receive(text: string): void {
    let msg: WsServerMessage;
    try {
      msg = JSON.parse(text) as WsServerMessage;
    } catch {
      return;
    }
    if ('id' in msg) {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.result);
    } else if ('event' in msg) {
      for (const l of this.listeners.get(msg.event) ?? []) l(msg.payload);
    }
  }

  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    const id = this.nextId++;
    const frame = JSON.stringify({ id, channel, input });
    // The server closes a socket that sends an oversized frame, losing every request on it: refuse here.
    const bytes = frame.length * 3 > this.maxFrameBytes ? utf8Length(frame) : frame.length;
    if (bytes > this.maxFrameBytes)
      return Promise.resolve({
        ok: false,
        error: {
          code: 'TOO_LARGE',
          message: `this request is ${describeBytes(bytes)}; web mode takes requests up to ${describeBytes(this.maxFrameBytes)}`,
          hint: 'Send less at once (fewer or smaller files), or use the desktop app or the gax-token command line.',
        },
      });
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(frame);
      else this.queue.push(frame);
    });
  }

  on(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
}

/**
 * Creating the socket costs the page tens of ms on a busy machine; requests wait in the queue anyway,
 * so it is opened once the first frame is painted (or after 100 ms where nothing paints, a hidden tab).
 */
function openAfterPaint(open: () => void): void {
  let done = false;
  const once = () => {
    if (!done) open();
    done = true;
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100);
}

/** The secret of web mode: from the announced URL's fragment once, then from this tab's session storage. */
function webKey(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = params.get(KEY_FRAGMENT);
  // A key mangled in copying (a space, a stray character) would make `new WebSocket` throw a
  // SyntaxError as a subprotocol; such a key is treated as missing, which the page explains.
  if (fromUrl && /^[A-Za-z0-9_-]{1,256}$/.test(fromUrl)) {
    sessionStorage.setItem(KEY_STORAGE, fromUrl);
    // Keep the secret off the address bar (screen shares, screenshots); a reload finds it in this tab.
    params.delete(KEY_FRAGMENT);
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
    return fromUrl;
  }
  const stored = sessionStorage.getItem(KEY_STORAGE);
  return stored && /^[A-Za-z0-9_-]{1,256}$/.test(stored) ? stored : null;
}

function createBridge(): { bridge: Bridge; mode: 'electron' | 'web' | 'none' } {
  if (typeof window !== 'undefined' && window.gaxLab) return { bridge: window.gaxLab, mode: 'electron' };
  const key = typeof location !== 'undefined' && location.protocol.startsWith('http') ? webKey() : null;
  if (key) {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return { bridge: new WebBridge(`${scheme}//${location.host}${WEB_SOCKET_PATH}`, key, MAX_REQUEST_FRAME_BYTES, true), mode: 'web' };
  }
  const missing: Bridge = {
    invoke: async () => ({
      ok: false,
      error: {
        code: 'NO_BRIDGE',
        message: 'this page was opened without its key',
        hint: 'Open the full URL that `npm run web` (or `npm start`) printed, including the part after #.',
      },
    }),
    on: () => () => undefined,
  };
  return { bridge: missing, mode: 'none' };
}

let current: { bridge: Bridge; mode: 'electron' | 'web' | 'none' } | null = null;
function bridge() {
  current ??= createBridge();
  return current;
}

/** Replace the bridge (component tests use an in-memory one). */
export function setBridge(b: Bridge, mode: 'electron' | 'web' | 'none' = 'web'): void {
  current = { bridge: b, mode };
}

const problemListeners = new Set<(message: string) => void>();

/**
 * What the bridge gave back, always as an IpcResult: errors are values across the bridge (house
 * style 2), so a controller awaiting `invoke` can rely on it. A bridge that rejects, or answers
 * something that is not an IpcResult, would otherwise throw or hand a view data it cannot show —
 * left in `loading`, or blank.
 */
async function settle(channel: string, answer: Promise<IpcResult<unknown>>): Promise<IpcResult<unknown>> {
  let result: unknown;
  try {
    result = await answer;
  } catch {
    return {
      ok: false,
      error: {
        code: 'IPC_FAILED',
        message: `${channel} got no answer from GAX Token Lab`,
        hint: 'Try again; if it keeps failing, reload the window (Ctrl+R) or restart the app.',
      },
    };
  }
  if (isIpcResult(result)) return result;
  return {
    ok: false,
    error: {
      code: 'BAD_ANSWER',
      message: `${channel} was answered with something the window cannot read`,
      hint: 'Reload the window (Ctrl+R); if it happens again, restart the app.',
    },
  };
}

function isIpcResult(r: unknown): r is IpcResult<unknown> {
  if (typeof r !== 'object' || r === null) return false;
  const { ok, data, error } = r as { ok?: unknown; data?: unknown; error?: unknown };
  if (ok === true) return data !== undefined;
  if (ok !== false || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** answers the window reports besides the view that asked: main failed, or the bridge did */
const UNEXPECTED = new Set(['INTERNAL', 'IPC_FAILED', 'BAD_ANSWER']);

export const api = {
  get mode(): 'electron' | 'web' | 'none' {
    return bridge().mode;
  },
  /** Never rejects: a failure of the bridge itself is answered as an error value too. */
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<IpcResult<RequestOutput<C>>> {
    let answer: Promise<IpcResult<unknown>>;
    try {
      answer = bridge().bridge.invoke(channel, input);
    } catch (error) {
      answer = Promise.reject(error);
    }
    return settle(channel, answer).then((result) => {
      // The view shows its own answer; the window also says something failed unexpectedly.
      if (!result.ok && UNEXPECTED.has(result.error.code)) for (const l of problemListeners) l(result.error.message);
      return result as IpcResult<RequestOutput<C>>;
    });
  },
  /** a request that failed unexpectedly: main answered INTERNAL (a handler failed there), or the bridge failed */
  onUnexpectedFailure(listener: (message: string) => void): () => void {
    problemListeners.add(listener);
    return () => void problemListeners.delete(listener);
  },
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return bridge().bridge.on(event, listener as (p: unknown) => void);
  },
  /** web mode only: connection state for the status bar */
  onConnection(listener: (s: ConnectionState) => void): () => void {
    const b = bridge().bridge;
    if (b instanceof WebBridge) {
      listener(b.state);
      return b.onState(listener);
    }
    listener(bridge().mode === 'none' ? 'closed' : 'open');
    return () => undefined;
  },
};
