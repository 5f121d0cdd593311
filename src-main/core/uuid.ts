/** token-uuid parsing, as `pxz1-token.md` "Inputs" says: 8-4-4-4-12 hex, `{…}` or `urn:uuid:`. */

const CANONICAL = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const URN_PREFIX = 'urn:uuid:';

export type UuidParse = { ok: true; bytes: Uint8Array; canonical: string } | { ok: false; code: 'INVALID_UUID'; reason: string };

/**
 * Parses a token-uuid in any accepted form. `canonical` is the lower-case 8-4-4-4-12 form, used
 * as the cache key and for display (masked) — never logged.
 */
export function parseTokenUuid(input: string): UuidParse {
  if (typeof input !== 'string') return invalid('the token-uuid must be text');
  let s = input.trim();
  if (s.length === 0) return invalid('the token-uuid is empty');
  if (s.startsWith('{') || s.endsWith('}')) {
    if (!(s.startsWith('{') && s.endsWith('}'))) return invalid('an opening or closing brace is missing');
    s = s.slice(1, -1);
  } else if (s.slice(0, URN_PREFIX.length).toLowerCase() === URN_PREFIX) {
    s = s.slice(URN_PREFIX.length);
  }
  if (!CANONICAL.test(s)) {
    const hex = s.replace(/-/g, '');
    if (/^[0-9a-fA-F]{32}$/.test(hex)) return invalid('the dashes must split it 8-4-4-4-12');
    if (/[^0-9a-fA-F-]/.test(s)) return invalid('it holds a character that is not a hex digit or a dash');
    return invalid(`it has ${hex.length} hex digits where a UUID has 32`);
  }
  const canonical = s.toLowerCase();
  const hex = canonical.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { ok: true, bytes, canonical };
}

function invalid(reason: string): UuidParse {
  return { ok: false, code: 'INVALID_UUID', reason };
}

/** Shows a secret token-uuid the way the tool puts it on screen: only its last four digits. */
export function maskTokenUuid(canonical: string): string {
  return `••••••••-••••-••••-••••-••••••••${canonical.slice(-4)}`;
}
