/**
 * Strict base64url without padding. Node's decoder accepts padding, `+`/`/`, stray characters and
 * non-zero trailing bits; the spec requires all of them to be rejected. The decoder here checks the
 * alphabet and the unused bits as it decodes, in one pass straight from the string (no slice, no call
 * into C++): it sits on the mock CS's per-login path.
 */

const VALUE = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => {
  VALUE[c.charCodeAt(0)] = i;
});

/** The 6-bit value of the character at `s[i]`, or -1 when it is not a base64url character. */
function sextet(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? VALUE[c]! : -1;
}

/**
 * Decodes `s` from index `start` to its end into a new Buffer, or returns `null` when that part is
 * not canonical unpadded base64url.
 */
export function decodeBase64UrlStrictFrom(s: string, start: number): Buffer | null {
  const n = s.length - start;
  const rem = n & 3;
  if (rem === 1) return null;
  // Every byte of the buffer is written before it is returned; on a bad character it is dropped.
  const out = Buffer.allocUnsafe((n >> 2) * 3 + (rem === 0 ? 0 : rem - 1));
  const whole = s.length - rem;
  let o = 0;
  let i = start;
  for (; i < whole; i += 4) {
    const a = sextet(s, i);
    const b = sextet(s, i + 1);
    const c = sextet(s, i + 2);
    const d = sextet(s, i + 3);
    if ((a | b | c | d) < 0) return null;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = v >>> 16;
    out[o + 1] = (v >>> 8) & 0xff;
    out[o + 2] = v & 0xff;
    o += 3;
  }
  // 2 leftover chars carry 1 byte (4 unused bits), 3 carry 2 bytes (2 unused bits); the unused bits must be zero.
  if (rem === 2) {
    const a = sextet(s, i);
    const b = sextet(s, i + 1);
    if ((a | b) < 0 || (b & 0x0f) !== 0) return null;
    out[o] = (a << 2) | (b >> 4);
  } else if (rem === 3) {
    const a = sextet(s, i);
    const b = sextet(s, i + 1);
    const c = sextet(s, i + 2);
    if ((a | b | c) < 0 || (c & 0x03) !== 0) return null;
    out[o] = (a << 2) | (b >> 4);
    out[o + 1] = ((b & 0x0f) << 4) | (c >> 2);
  }
  return out;
}

/** Returns the decoded bytes, or `null` when `s` is not canonical unpadded base64url. */
export function decodeBase64UrlStrict(s: string): Buffer | null {
  return decodeBase64UrlStrictFrom(s, 0);
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
