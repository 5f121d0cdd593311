/**
 * The RegisterClient line as clients write it (JSON.stringify's key order, no spaces, plain ASCII
 * strings without escapes) read without JSON.parse: under load this is most lines, and the generic
 * parse (decode the line to a string, build an object, then check it) costs about twice as much.
 * Anything else — another key order, whitespace, an escape, a non-ASCII byte, an unknown field, an
 * empty userName, a requestId that is not a plain safe integer ≥ 1 — returns null, and the caller
 * runs the full parser, so a line is never judged differently here (the tests hold them equal).
 *
 *   {"type":"RegisterClient","requestId":7,"clientName":"GAX","userName":"u","password":"p"}
 *   (clientName optional)
 */
import type { RegisterClientRequest } from './protocol.js';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const START = bytes('{"type":"RegisterClient","requestId":');
const CLIENT_NAME = bytes(',"clientName":"');
const USER_NAME = bytes(',"userName":"');
const PASSWORD = bytes(',"password":"');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACE = 0x7d;

export function readRegisterClientFast(line: Buffer): RegisterClientRequest | null {
  let at = expect(line, 0, START);
  if (at < 0) return null;

  // requestId: 1–16 digits, no leading zero, a safe integer.
  const idStart = at;
  let requestId = 0;
  while (at < line.length) {
    const c = line[at]!;
    if (c < 0x30 || c > 0x39) break;
    requestId = requestId * 10 + (c - 0x30);
    at++;
  }
  const idDigits = at - idStart;
  if (idDigits === 0 || idDigits > 16 || line[idStart] === 0x30 || !Number.isSafeInteger(requestId)) return null;

  let clientName: string | undefined;
  const afterClient = expect(line, at, CLIENT_NAME);
  if (afterClient >= 0) {
    const end = plainStringEnd(line, afterClient);
    if (end < 0) return null;
    clientName = line.toString('latin1', afterClient, end);
    at = end + 1;
  }

  at = expect(line, at, USER_NAME);
  if (at < 0) return null;
  const userEnd = plainStringEnd(line, at);
  if (userEnd <= at) return null; // not closed, or empty (the full parser words that BAD_REQUEST)
  const userName = line.toString('latin1', at, userEnd);

  at = expect(line, userEnd + 1, PASSWORD);
  if (at < 0) return null;
  const passwordEnd = plainStringEnd(line, at);
  if (passwordEnd < 0 || passwordEnd + 2 !== line.length || line[passwordEnd + 1] !== CLOSE_BRACE) return null;
  const password = line.toString('latin1', at, passwordEnd);

  return clientName === undefined
    ? { type: 'RegisterClient', requestId, userName, password }
    : { type: 'RegisterClient', requestId, clientName, userName, password };
}

/** The index after `literal` when `line` has it at `at`, else -1. */
function expect(line: Buffer, at: number, literal: Uint8Array): number {
  if (at + literal.length > line.length) return -1;
  for (let i = 0; i < literal.length; i++) if (line[at + i] !== literal[i]) return -1;
  return at + literal.length;
}

/**
 * The index of the quote closing a string that starts at `at`, when every byte before it is
 * printable ASCII other than a backslash (so its JSON value is its bytes); else -1.
 */
function plainStringEnd(line: Buffer, at: number): number {
  for (let i = at; i < line.length; i++) {
    const c = line[i]!;
    if (c === QUOTE) return i;
    if (c < 0x20 || c > 0x7e || c === BACKSLASH) return -1;
  }
  return -1;
}
