/**
 * Web mode's wire protocol: the IPC contract carried over one WebSocket on loopback. Types and
 * constants only — the renderer's api.ts imports this file too.
 *
 * The page is served at http://127.0.0.1:PORT/ and announced as http://127.0.0.1:PORT/#key=SECRET.
 * The fragment never reaches the server or a Referer; the page hands the secret to the socket as a
 * WebSocket subprotocol `key.SECRET` beside `gax-token-lab.v1`, so it is not in any URL the server logs.
 */
export const WEB_SUBPROTOCOL = 'gax-token-lab.v1';
export const KEY_SUBPROTOCOL_PREFIX = 'key.';
export const WEB_SOCKET_PATH = '/ws';
/** the fragment parameter of the announced URL that carries the secret */
export const KEY_FRAGMENT = 'key';

/** client → server */
export interface WsRequest {
  id: number;
  channel: string;
  input: unknown;
}

/** server → client */
export type WsServerMessage =
  | { id: number; result: { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; hint?: string } } }
  | { event: string; payload: unknown };
