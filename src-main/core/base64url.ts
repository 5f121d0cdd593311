/**
 * Strict base64url without padding. Node's decoder accepts padding, `+`/`/`, stray characters and
 * non-zero trailing bits; the spec requires all of them to be rejected, so the alphabet and the
 * unused bits are checked here before Node decodes.
 */

const VALUE = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  .split('')
  .forEach((c, i) => {
    VALUE[c.charCodeAt(0)] = i;
  });

/** Returns the decoded bytes, or `null` when `s` is not canonical unpadded base64url. */
export function decodeBase64UrlStrict(s: string): Buffer | null {
  const n = s.length;
  const rem = n % 4;
  if (rem === 1) return null;
  let last = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c]! : -1;
    if (v < 0) return null;
    last = v;
  }
  // 2 leftover chars carry 1 byte (4 unused bits), 3 carry 2 bytes (2 unused bits).
  if (rem === 2 && (last & 0x0f) !== 0) return null;
  if (rem === 3 && (last & 0x03) !== 0) return null;
  return Buffer.from(s, 'base64url');
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
