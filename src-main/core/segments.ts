/**
 * The token drawn as its parts for the inspector: preamble, version, issued, expires, username,
 * signature. Base64url packs 6 bits per character, so a character can straddle two parts; it is drawn
 * with the part its first bit belongs to, and each part lists its exact bytes.
 */
import { HEADER_BYTES } from './constants.js';
import type { DecodedToken } from './pxz1.js';

export type TokenPart = 'preamble' | 'version' | 'issued' | 'expires' | 'username' | 'signature';

export interface TokenSegment {
  part: TokenPart;
  /** the characters of the token drawn for this part */
  text: string;
  charStart: number;
  charEnd: number;
  /** the body bytes of this part, hex; for the preamble its ASCII bytes */
  bytesHex: string;
  byteStart: number;
  byteEnd: number;
}

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function tokenSegments(token: string, decoded: Pick<DecodedToken, 'preamble' | 'body' | 'signed'>): TokenSegment[] {
  const p = decoded.preamble.length;
  const body = decoded.body;
  const ranges: [TokenPart, number, number][] = [
    ['version', 0, 1],
    ['issued', 1, 5],
    ['expires', 5, HEADER_BYTES],
    ['username', HEADER_BYTES, decoded.signed.length],
    ['signature', decoded.signed.length, body.length],
  ];
  const partOfByte = (i: number): number => ranges.findIndex(([, s, e]) => i >= s && i < e);
  const encodedLength = token.length - p;
  const segments: TokenSegment[] = [
    {
      part: 'preamble',
      text: token.slice(0, p),
      charStart: 0,
      charEnd: p,
      bytesHex: toHex(new TextEncoder().encode(decoded.preamble)),
      byteStart: 0,
      byteEnd: 0,
    },
  ];
  let charStart = 0;
  for (let k = 0; k <= encodedLength; k++) {
    const current = k < encodedLength ? partOfByte(Math.floor((k * 6) / 8)) : -1;
    const previous = k === 0 ? -2 : partOfByte(Math.floor(((k - 1) * 6) / 8));
    if (k > 0 && (k === encodedLength || current !== previous)) {
      const [part, byteStart, byteEnd] = ranges[previous]!;
      segments.push({
        part,
        text: token.slice(p + charStart, p + k),
        charStart: p + charStart,
        charEnd: p + k,
        bytesHex: toHex(body.subarray(byteStart, byteEnd)),
        byteStart,
        byteEnd,
      });
      charStart = k;
    }
  }
  return segments;
}
