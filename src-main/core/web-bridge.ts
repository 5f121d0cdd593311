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

/**
 * The largest request frame web mode takes, in UTF-8 bytes. Sized from the contract's largest
 * requests the page sends — doctor.diagnose (20 files × 2 MiB = 40 MiB of text) and profiles.import
 * (5 MiB) — with half again for JSON escaping (quotes and backslashes in option files and exports).
 * The page refuses a bigger request itself, naming its size, so the socket (and every other request
 * on it) never pays for one; a client that sends one anyway has its socket closed (1009).
 */
export const MAX_REQUEST_FRAME_BYTES = 64 * 1024 * 1024;

/** UTF-8 length of a string without encoding it (a 60 MB frame is not copied to be measured). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "1.7 MB" / "64 MB": sizes as the person reads them. */
export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : mb >= 0.1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

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
