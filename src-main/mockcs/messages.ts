/**
 * One csmock/1 line → a typed request, or the protocol error the spec assigns:
 * not a JSON object with a string `type` → BAD_FRAME; an unknown `type` → UNKNOWN_REQUEST;
 * a missing or mistyped field → BAD_REQUEST. Unknown fields are ignored.
 * Messages never quote the line: it may hold a password.
 */
import { isUtf8 } from 'node:buffer';
import { escapeClientText } from './escape.js';
import type { CsMockRequest, RequestType } from './protocol.js';
import { readRegisterClientFast } from './register-fast-path.js';

export type RequestFault = {
  ok: false;
  code: 'BAD_FRAME' | 'UNKNOWN_REQUEST' | 'BAD_REQUEST';
  requestId: number | null;
  message: string;
  /** the request type when it could be read (for the log) */
  type?: string;
};
export type ParsedRequest = { ok: true; request: CsMockRequest } | RequestFault;

const KNOWN: ReadonlySet<string> = new Set<RequestType>(['RegisterClient', 'GetServerTime', 'Ping', 'UnregisterClient']);

export function isRequestId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
}

export function parseRequestLine(line: Buffer): ParsedRequest {
  const register = readRegisterClientFast(line);
  if (register !== null) return { ok: true, request: register };
  return parseRequestLineFully(line);
}

/** Every line the fast path does not take: the same judgement, by JSON.parse and checks. */
export function parseRequestLineFully(line: Buffer): ParsedRequest {
  if (line.length === 0) return badFrame('the line is empty: send one JSON object per line');
  if (!isUtf8(line)) return badFrame('the line is not valid UTF-8');
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch (e) {
    // JSON.parse's own message may quote the input; keep only the position.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    return badFrame(at ? `the line is not valid JSON (at character ${Number(at[1]) + 1})` : 'the line is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return badFrame(`the line is JSON but not an object (it is ${describeJsonType(value)})`);
  const msg = value as Record<string, unknown>;
  const type = msg['type'];
  if (typeof type !== 'string')
    return badFrame(type === undefined ? 'the object has no "type"' : `"type" must be a string, not ${describeJsonType(type)}`);
  const rawId = msg['requestId'];
  const echo = isRequestId(rawId) ? rawId : null;
  if (!KNOWN.has(type))
    return {
      ok: false,
      code: 'UNKNOWN_REQUEST',
      requestId: echo,
      type,
      message: `unknown request type "${printableType(type)}": this server knows RegisterClient, GetServerTime, Ping and UnregisterClient`,
    };
  if (echo === null)
    return badRequest(
      null,
      type,
      rawId === undefined ? `${type} needs "requestId" (an integer ≥ 1)` : `"requestId" must be an integer ≥ 1, not ${describeJsonValue(rawId)}`,
    );
  switch (type as RequestType) {
    case 'RegisterClient': {
      const userName = msg['userName'];
      const password = msg['password'];
      const clientName = msg['clientName'];
      if (typeof userName !== 'string') return badRequest(echo, type, fieldProblem('userName', userName));
      if (userName.length === 0) return badRequest(echo, type, '"userName" is empty');
      if (typeof password !== 'string') return badRequest(echo, type, fieldProblem('password', password));
      if (clientName !== undefined && typeof clientName !== 'string')
        return badRequest(echo, type, `"clientName" must be a string, not ${describeJsonType(clientName)}`);
      return clientName === undefined
        ? { ok: true, request: { type: 'RegisterClient', requestId: echo, userName, password } }
        : { ok: true, request: { type: 'RegisterClient', requestId: echo, clientName, userName, password } };
    }
    case 'GetServerTime':
      return { ok: true, request: { type: 'GetServerTime', requestId: echo } };
    case 'Ping':
      return { ok: true, request: { type: 'Ping', requestId: echo } };
    case 'UnregisterClient':
      return { ok: true, request: { type: 'UnregisterClient', requestId: echo } };
  }
}

function badFrame(message: string): RequestFault {
  return { ok: false, code: 'BAD_FRAME', requestId: null, message };
}

function badRequest(requestId: number | null, type: string, message: string): RequestFault {
  return { ok: false, code: 'BAD_REQUEST', requestId, type, message };
}

function fieldProblem(name: string, value: unknown): string {
  return value === undefined ? `RegisterClient needs "${name}" (a string)` : `"${name}" must be a string, not ${describeJsonType(value)}`;
}

function describeJsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'an object';
  }
}

/** A requestId is not a secret, but keep a bad one short in a one-line message. */
function describeJsonValue(v: unknown): string {
  if (typeof v === 'number') return String(v).slice(0, 24);
  return describeJsonType(v);
}

/** Quotes and backslashes would confuse the quoted name; controls are escaped as in every log line. */
function printableType(s: string): string {
  return escapeClientText(s.replace(/["\\]/g, '?'), 40);
}
