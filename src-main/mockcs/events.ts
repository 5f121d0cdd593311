/**
 * What the mock CS tells the app: one event per connection, decision, request and close, each with
 * a CS-style log line. Events never hold a password, a token-uuid or a whole token.
 */
import { performance } from 'node:perf_hooks';
import { redactToken } from '../core/redact.js';
import { escapeClientText, escapeControls } from './escape.js';
import type { MockCsOptions } from './options.js';
import type { AuthMethod } from './protocol.js';

export type MockCsEventKind = 'connect' | 'register' | 'request' | 'error' | 'close' | 'server';

export interface MockCsEvent {
  /** Unix ms on the server's clock, simulated offset included */
  time: number;
  kind: MockCsEventKind;
  /** "127.0.0.1:2020" or "tls 127.0.0.1:2021" */
  listener: string;
  /** "127.0.0.1:51234" */
  remote: string;
  clientName?: string;
  userName: string | null;
  authMethod: AuthMethod | null;
  /** 'OK' or the spec's code; for a refused login the real reason, also in realistic mode */
  code: string;
  message: string;
  /** from the request line read to the answer written; null for connect and close */
  latencyMs: number | null;
  /** redacted: preamble + 6 characters + "…" + "(N chars)" */
  token?: string;
  /** the request type, for kind 'request' and 'error' */
  request?: string;
  requestId?: number | null;
  /** the code the client was sent, when it differs from `code` (realistic mode: AUTH_FAILED) */
  sentCode?: string;
  /** what to check or change (refused logins) */
  hint?: string;
  logLine: string;
}

export type MockCsEventListener = (event: MockCsEvent) => void;

export type EventExtras = Partial<Pick<MockCsEvent, 'userName' | 'authMethod' | 'token' | 'request' | 'requestId' | 'sentCode' | 'hint'>>;

/** Who a connection's events are about; read when an event is built. */
export interface EventSubject {
  userName: string | null;
  authMethod: AuthMethod | null;
  clientName: string | undefined;
}

/**
 * Builds a connection's events, only when someone listens. `t0` (performance.now() when the line
 * was read) gives latencyMs; null for connect and close.
 */
export function emitSessionEvent(
  hub: EventHub,
  where: { listener: string; remote: string; time: number },
  subject: EventSubject,
  kind: MockCsEventKind,
  code: string,
  message: string,
  t0: number | null,
  extra: EventExtras = {},
): void {
  if (!hub.active) return;
  const event: Omit<MockCsEvent, 'logLine'> = {
    time: where.time,
    kind,
    listener: where.listener,
    remote: where.remote,
    userName: extra.userName !== undefined ? extra.userName : subject.userName,
    authMethod: extra.authMethod !== undefined ? extra.authMethod : subject.authMethod,
    code,
    message,
    latencyMs: t0 === null ? null : Math.round((performance.now() - t0) * 1000) / 1000,
  };
  if (subject.clientName !== undefined) event.clientName = subject.clientName;
  for (const key of ['token', 'request', 'requestId', 'sentCode', 'hint'] as const)
    if (extra[key] !== undefined) (event as Record<string, unknown>)[key] = extra[key];
  hub.emit(event);
}

export { redactToken } from '../core/redact.js';

/** The token as events show it (never whole), when the Password was judged as a token; else undefined. */
export function eventToken(password: string, options: Pick<MockCsOptions, 'tokenAuthenticationMode' | 'tokenPreambula'>): string | undefined {
  const { tokenPreambula, tokenAuthenticationMode } = options;
  return tokenAuthenticationMode === 'enable' && password.startsWith(tokenPreambula) ? redactToken(password, tokenPreambula) : undefined;
}

/** Listeners are called synchronously; a listener that throws is not allowed to hurt the server. */
export class EventHub {
  private readonly listeners = new Set<MockCsEventListener>();

  /** Checked before an event is built, so nobody listening costs nothing. */
  get active(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: MockCsEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: Omit<MockCsEvent, 'logLine'>): void {
    if (this.listeners.size === 0) return;
    const full = event as MockCsEvent;
    // Messages and hints quote client text (usernames, a token's username): escaped for every reader.
    full.message = escapeControls(full.message);
    if (full.hint !== undefined) full.hint = escapeControls(full.hint);
    full.logLine = formatLogLine(event);
    for (const listener of this.listeners) {
      try {
        listener(full);
      } catch {
        // A faulty listener (a closed window, a broken pipe) must not stop the server or other listeners.
      }
    }
  }
}

/**
 * A line in the style of Configuration Server's own log (the tool's model, not a Genesys format):
 * time (UTC, the CS clock), level, event number, what happened. Genesys publishes only two forms,
 * `Trc 04541 Message MSGCFG_… received from …` and `Trc 04542 Message MSGCFG_… sent to …`: the
 * answers the client is sent use the second; every other line has no number (`-----`), as none is
 * published for it. Client text is escaped (escape.ts) and cut to length.
 */
export function formatLogLine(e: Omit<MockCsEvent, 'logLine'>): string {
  const t = clockTime(e.time);
  const who = `${e.remote}${e.clientName !== undefined ? ` [${escapeClientText(e.clientName, 64)}]` : ''}${e.userName !== null ? ` user '${escapeClientText(e.userName, 64)}'` : ''}`;
  const ms = e.latencyMs !== null ? ` (${e.latencyMs.toFixed(1)} ms)` : '';
  const message = escapeClientText(e.message, 600);
  switch (e.kind) {
    case 'connect':
      return `${t} Trc ----- New client connection from ${e.remote} on ${e.listener}`;
    case 'close':
      return `${t} Trc ----- Client ${who} disconnected: ${message}`;
    case 'register': {
      const cred = e.token !== undefined ? `token ${e.token}` : e.authMethod === 'password' ? 'password' : 'credentials';
      if (e.code === 'OK') return `${t} Trc 04542 Message MSGCFG_CLIENTREGISTERED sent to ${who} authenticated by ${cred}${ms}`;
      const sent = e.sentCode !== undefined ? `${e.sentCode} sent, reason ${e.code}` : e.code;
      return `${t} Trc 04542 Message MSGCFG_ERROR sent to ${who} (${cred}): ${sent} — ${message}${ms}`;
    }
    case 'request':
      return `${t} Trc ----- ${escapeClientText(e.request ?? 'request', 64)} received from ${who}: ${message}${ms}`;
    case 'server':
      return `${t} Std ----- ${e.code}: ${message}`;
    case 'error':
      if (e.remote === '') return `${t} Trc ----- ${e.code}: ${message}`;
      // TLS_HANDSHAKE_FAILED and INTERNAL_ERROR are the server's own findings: no answer was sent.
      if (NOT_SENT.has(e.code)) return `${t} Trc ----- ${e.code} on ${e.listener} from ${who}: ${message}`;
      return `${t} Trc 04542 Message MSGCFG_ERROR sent to ${who}: ${e.code} — ${message}`;
  }
}

const NOT_SENT: ReadonlySet<string> = new Set(['TLS_HANDSHAKE_FAILED', 'INTERNAL_ERROR']);

function clockTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '??:??:??.???';
  const p2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const msPart = d.getUTCMilliseconds();
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${msPart < 10 ? '00' : msPart < 100 ? '0' : ''}${msPart}`;
}
