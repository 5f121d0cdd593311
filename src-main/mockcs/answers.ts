/**
 * The lines the server writes. Error answers follow the diagnostics mode: teaching adds `detail`
 * (instants and a hint); realistic drops it and reports every authentication failure as
 * AUTH_FAILED with a generic message, as a production server would.
 */
import type { RegisterRejected } from './authenticate.js';
import { escapeControls } from './escape.js';
import type { MockCsOptions } from './options.js';
import { AUTH_FAILURE_CODES, PROTOCOL, SERVER_NAME, type AuthMethod, type CsMockErrorCode, type ErrorDetail, type ErrorMessage } from './protocol.js';

export const AUTH_FAILURES: ReadonlySet<string> = new Set(AUTH_FAILURE_CODES);
export const REALISTIC_AUTH_MESSAGE = 'authentication failed';

export function helloLine(serverTime: number): string {
  return `{"type":"Hello","protocol":"${PROTOCOL}","server":"${SERVER_NAME}","serverTime":${serverTime}}\n`;
}

export function serverTimeLine(requestId: number, serverTime: number): string {
  return `{"type":"ServerTime","requestId":${requestId},"serverTime":${serverTime}}\n`;
}

export function pongLine(requestId: number): string {
  return `{"type":"Pong","requestId":${requestId}}\n`;
}

export function clientUnregisteredLine(requestId: number): string {
  return `{"type":"ClientUnregistered","requestId":${requestId}}\n`;
}

export function clientRegisteredLine(
  requestId: number,
  sessionId: string,
  userName: string,
  authMethod: AuthMethod,
  tokenExpires: number | undefined,
): string {
  const expires = tokenExpires === undefined ? '' : `,"tokenExpires":${tokenExpires}`;
  return `{"type":"ClientRegistered","requestId":${requestId},"sessionId":"${sessionId}","userName":${JSON.stringify(userName)},"authMethod":"${authMethod}"${expires}}\n`;
}

/**
 * The Error line, written by hand: the same text as JSON.stringify (the tests hold it to that), at
 * about a third of the cost — it is the answer a load test gets most.
 */
export function errorLine(m: ErrorMessage): string {
  let out = `{"type":"Error","requestId":${m.requestId === null ? 'null' : m.requestId},"code":"${m.code}","message":${JSON.stringify(m.message)}`;
  const d = m.detail;
  if (d !== undefined) {
    out += `,"detail":{"serverTime":${d.serverTime}`;
    if (d.validFrom !== undefined) out += `,"validFrom":${d.validFrom}`;
    if (d.validUntil !== undefined) out += `,"validUntil":${d.validUntil}`;
    if (d.tokenExp !== undefined) out += `,"tokenExp":${d.tokenExp}`;
    if (d.hint !== undefined) out += `,"hint":${JSON.stringify(d.hint)}`;
    if (d.lastCode !== undefined) out += `,"lastCode":${JSON.stringify(d.lastCode)}`;
    out += '}';
  }
  return `${out}}\n`;
}

/** A protocol error (not an authentication failure): same code in both modes, detail only when teaching. */
export function protocolError(
  options: MockCsOptions,
  requestId: number | null,
  code: CsMockErrorCode,
  message: string,
  serverTime: number,
  hint?: string,
): ErrorMessage {
  const answer: ErrorMessage = { type: 'Error', requestId, code, message: escapeControls(message) };
  if (options.diagnostics === 'teaching') {
    const detail: ErrorDetail = { serverTime };
    if (hint) detail.hint = escapeControls(hint);
    answer.detail = detail;
  }
  return answer;
}

/** What the client is told about a refused RegisterClient. */
export function rejectionAnswer(options: MockCsOptions, requestId: number, r: RegisterRejected): ErrorMessage {
  if (options.diagnostics === 'realistic')
    return AUTH_FAILURES.has(r.code)
      ? { type: 'Error', requestId, code: 'AUTH_FAILED', message: REALISTIC_AUTH_MESSAGE }
      : { type: 'Error', requestId, code: r.code, message: escapeControls(r.message) };
  return { type: 'Error', requestId, code: r.code, message: escapeControls(r.message), detail: safeDetail(r.detail) };
}

/** The answer to the maxFailedAttempts-th failure: TOO_MANY_ATTEMPTS instead of the failure's own code. */
export function tooManyAttemptsAnswer(options: MockCsOptions, requestId: number, failures: number, last: RegisterRejected): ErrorMessage {
  if (options.diagnostics === 'realistic')
    return { type: 'Error', requestId, code: 'TOO_MANY_ATTEMPTS', message: 'too many failed login attempts: the connection is closed' };
  return {
    type: 'Error',
    requestId,
    code: 'TOO_MANY_ATTEMPTS',
    message: escapeControls(
      `${failures} failed registrations on this connection (maxFailedAttempts = ${options.maxFailedAttempts}), the last one ${last.code}: ${last.message}; the server closes the connection`,
    ),
    detail: { ...safeDetail(last.detail), lastCode: last.code },
  };
}

/** A refusal's hint may quote the username: escaped like the message. */
function safeDetail(d: ErrorDetail): ErrorDetail {
  return d.hint === undefined ? d : { ...d, hint: escapeControls(d.hint) };
}

export const PROTOCOL_HINTS = {
  BAD_FRAME: 'Send one JSON object per line, ended by \\n, for example {"type":"Ping","requestId":1}.',
  BAD_REQUEST: 'Every request needs "requestId" (an integer ≥ 1); RegisterClient also needs "userName" and "password" (strings).',
  UNKNOWN_REQUEST: 'csmock/1 requests: RegisterClient, GetServerTime, Ping, UnregisterClient.',
  FRAME_TOO_LARGE: 'Keep each line within maxLineBytes, or raise maxLineBytes on this server.',
  SERVER_BUSY: 'Close idle connections, or raise maxConnections on this server.',
  IDLE_TIMEOUT: 'Send RegisterClient soon after connecting, or raise registerTimeoutSeconds on this server.',
  ALREADY_REGISTERED: 'Send UnregisterClient first, or open a new connection to log in again.',
} as const;
