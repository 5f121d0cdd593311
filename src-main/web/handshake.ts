/**
 * Who may talk to web mode. Anything on this machine can reach a loopback port — other users, and
 * every web page the person has open (a page can open a WebSocket to 127.0.0.1, and a DNS-rebound
 * name can even make a page "same-origin" with us). So a socket is accepted only when:
 *  - `Host` names this server by its loopback address or `localhost` (a rebound name is refused),
 *  - `Origin` is exactly this server's own page (another site's page is refused),
 *  - the subprotocols carry `gax-token-lab.v1` and the secret printed in the announced URL.
 * Pure functions of the request headers, so every refusal is tested without a socket.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { KEY_SUBPROTOCOL_PREFIX, WEB_SUBPROTOCOL } from '../core/web-bridge.js';

/** 32 random bytes, base64url: the secret of one web-mode session. */
export function createSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The names this server answers to on `port`: what `Host` may say. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The origins of this server's own page: what `Origin` may say. */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

export type Verdict = { ok: true; origin: string } | { ok: false; status: 403; reason: string };

export interface HandshakeHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-websocket-protocol'?: string | undefined;
}

/** True when `host` (the Host header) names this loopback server; refuses DNS-rebound names. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * Decides whether a WebSocket upgrade may proceed. Reasons are one line for the refused client and
 * never contain the secret nor what the client sent as one.
 */
export function checkHandshake(headers: HandshakeHeaders, port: number, secret: string): Verdict {
  if (!isOwnHost(headers.host, port))
    return refuse(`the Host header must be 127.0.0.1:${port} or localhost:${port} (a request for another name is refused to stop DNS rebinding)`);
  const origin = headers.origin;
  if (origin === undefined || !allowedOrigins(port).includes(origin))
    return refuse(`only GAX Token Lab's own page (http://127.0.0.1:${port}) may connect; a page of another site or no Origin is refused`);
  const offered = parseSubprotocols(headers['sec-websocket-protocol']);
  if (!offered.includes(WEB_SUBPROTOCOL)) return refuse(`the WebSocket subprotocol ${WEB_SUBPROTOCOL} is required`);
  const keys = offered.filter((p) => p.startsWith(KEY_SUBPROTOCOL_PREFIX));
  if (keys.length !== 1) return refuse('the key from the announced URL is missing; open the full URL web mode printed, including the part after #');
  if (!sameSecret(keys[0]!.slice(KEY_SUBPROTOCOL_PREFIX.length), secret))
    return refuse('the key does not match this session; open the URL web mode printed most recently');
  return { ok: true, origin };
}

/** The comma-separated `Sec-WebSocket-Protocol` list, trimmed. */
export function parseSubprotocols(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Constant-time comparison. Both sides are hashed first so that neither the length nor the content
 * of the secret shows in the time a refusal takes.
 */
export function sameSecret(given: string, secret: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function refuse(reason: string): Verdict {
  return { ok: false, status: 403, reason };
}
