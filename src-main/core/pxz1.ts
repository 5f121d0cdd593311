/**
 * PXZ-1, the password token, byte for byte as `pxz1-token.md` fixes it:
 *   signed = 0x01 || uint32be(iat) || uint32be(exp) || username
 *   tag    = first 16 bytes of HMAC-SHA256(K, signed)
 *   token  = preamble || base64url(signed || tag)
 * Crypto is computation, not I/O, so this stays in core/.
 */
import { isUtf8 } from 'node:buffer';
import { decodeBase64UrlStrictFrom } from './base64url.js';
import { HmacSha256 } from './hmac-sha256.js';
import type { DecodeErrorCode, MintErrorCode } from './codes.js';
import { parseTokenUuid } from './uuid.js';
import { DEFAULT_PREAMBLE, HEADER_BYTES, MIN_BODY_BYTES, PXZ1_VERSION, TAG_BYTES, UINT32_MAX } from './constants.js';
import { checkPreamble, checkUsername } from './inputs.js';

const IKM = Buffer.from('GAX-CS-TOKEN', 'ascii');
const INFO = Buffer.from('PXZ-1', 'ascii');

// ---------------------------------------------------------------------------------------------
// Keys

/** Keys are derived once per token-uuid; a bounded cache so a long-running server cannot grow. */
const KEY_CACHE_LIMIT = 256;
const keyCache = new Map<string, DerivedKey>();

/** A derived key as the cache holds it: frozen, and returned as is to every caller (no copy per call). */
type DerivedKey = Readonly<{
  ok: true;
  key: Buffer;
  /** HMAC keyed with `key`, its pad blocks already hashed */
  hmac: HmacSha256;
}>;

export type KeyResult = DerivedKey | { ok: false; code: 'INVALID_UUID'; reason: string };

/** K = HKDF-SHA256(IKM "GAX-CS-TOKEN", salt = the uuid's 16 bytes, info "PXZ-1", 32 bytes). */
export function deriveKey(tokenUuid: string): KeyResult {
  const cached = keyCache.get(tokenUuid);
  if (cached) return cached;
  const parsed = parseTokenUuid(tokenUuid);
  if (!parsed.ok) return parsed;
  let derived = keyCache.get(parsed.canonical);
  if (!derived) {
    const key = hkdfSha256Block(IKM, parsed.bytes, INFO);
    derived = Object.freeze({ ok: true, key, hmac: new HmacSha256(key) });
  }
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(parsed.canonical, derived);
  keyCache.set(tokenUuid, derived);
  return derived;
}

/**
 * HKDF-SHA256 (RFC 5869) for its first 32-byte block: PRK = HMAC(salt, IKM), T(1) = HMAC(PRK, info || 0x01).
 * On the core's own HMAC rather than node:crypto's hkdfSync, because loading node:crypto alone costs
 * every `gax-token decode` (which derives no key) about 5 ms of its start.
 */
function hkdfSha256Block(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Buffer {
  const prk = new HmacSha256(salt).mac(ikm);
  const infoAndCounter = new Uint8Array(info.length + 1);
  infoAndCounter.set(info);
  infoAndCounter[info.length] = 1;
  return new HmacSha256(prk).mac(infoAndCounter);
}

/** For tests and benchmarks: forget every derived key. */
export function clearKeyCache(): void {
  keyCache.clear();
}

function isUint32(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= UINT32_MAX;
}

// ---------------------------------------------------------------------------------------------
// Mint

export interface MintInput {
  tokenUuid: string;
  username: string;
  /** whole seconds since the epoch */
  iat: number;
  /** whole seconds since the epoch, ≥ iat */
  exp: number;
  preamble?: string;
}

export interface MintedToken {
  token: string;
  preamble: string;
  username: string;
  iat: number;
  exp: number;
  /** signed || tag */
  body: Buffer;
  tag: Buffer;
  /** characters, which is also bytes: the token is ASCII */
  length: number;
}

export type MintResult = { ok: true; value: MintedToken } | { ok: false; code: MintErrorCode; reason: string };

export function mintToken(input: MintInput): MintResult {
  const preamble = input.preamble ?? DEFAULT_PREAMBLE;
  const badPreamble = checkPreamble(preamble);
  if (badPreamble) return { ok: false, code: 'INVALID_PREAMBLE', reason: badPreamble };
  const badUser = checkUsername(input.username);
  if (badUser) return { ok: false, code: 'INVALID_USERNAME', reason: badUser };
  if (!isUint32(input.iat) || !isUint32(input.exp))
    return { ok: false, code: 'INVALID_TIMES', reason: 'iat and exp must be whole seconds from 0 to 4294967295' };
  if (input.exp < input.iat) return { ok: false, code: 'INVALID_TIMES', reason: 'the expiry is earlier than the issue time' };
  const key = deriveKey(input.tokenUuid);
  if (!key.ok) return key;

  const user = Buffer.from(input.username, 'utf8');
  const body = Buffer.allocUnsafe(HEADER_BYTES + user.length + TAG_BYTES);
  body[0] = PXZ1_VERSION;
  body.writeUInt32BE(input.iat, 1);
  body.writeUInt32BE(input.exp, 5);
  user.copy(body, HEADER_BYTES);
  const signedEnd = HEADER_BYTES + user.length;
  const tag = key.hmac.mac(body.subarray(0, signedEnd), TAG_BYTES);
  tag.copy(body, signedEnd);
  const token = preamble + body.toString('base64url');
  return {
    ok: true,
    value: {
      token,
      preamble,
      username: input.username,
      iat: input.iat,
      exp: input.exp,
      body,
      tag: body.subarray(signedEnd),
      length: token.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Decode (no key)

export interface DecodedToken {
  preamble: string;
  version: number;
  iat: number;
  exp: number;
  username: string;
  /** the signed part: version || iat || exp || username */
  signed: Buffer;
  tag: Buffer;
  /** signed || tag */
  body: Buffer;
  length: number;
}

export type DecodeResult =
  | { ok: true; value: DecodedToken }
  | { ok: false; code: DecodeErrorCode; reason: string; /** when the header could be read */ partial?: Partial<DecodedToken> };

/**
 * The six decoding steps of the spec, in order; the first failure is the result. On the mock CS's
 * per-login path: the body is decoded straight from `value` into the one Buffer the result owns.
 */
export function decodeToken(value: string, preamble: string = DEFAULT_PREAMBLE): DecodeResult {
  if (typeof value !== 'string' || !value.startsWith(preamble))
    return { ok: false, code: 'NOT_A_TOKEN', reason: `the value does not start with the preamble ${preamble}` };
  const body = decodeBase64UrlStrictFrom(value, preamble.length);
  if (!body) return { ok: false, code: 'MALFORMED_ENCODING', reason: describeEncodingProblem(value.slice(preamble.length)) };
  if (body.length < MIN_BODY_BYTES)
    return {
      ok: false,
      code: 'TRUNCATED',
      reason: `the body is ${body.length} bytes; a PXZ-1 token has at least ${MIN_BODY_BYTES}`,
    };
  const version = body[0]!;
  if (version !== PXZ1_VERSION)
    return {
      ok: false,
      code: 'UNSUPPORTED_VERSION',
      reason: `the version byte is 0x${version.toString(16).padStart(2, '0')}; only 0x01 (PXZ-1) is known`,
      partial: { preamble, version },
    };
  const iat = body.readUInt32BE(1);
  const exp = body.readUInt32BE(5);
  const signedEnd = body.length - TAG_BYTES;
  const userProblem = usernameProblem(body, HEADER_BYTES, signedEnd);
  if (userProblem) return { ok: false, code: 'MALFORMED_USERNAME', reason: userProblem, partial: { preamble, version, iat, exp } };
  const username = body.toString('utf8', HEADER_BYTES, signedEnd);
  if (exp < iat)
    return {
      ok: false,
      code: 'INVALID_TIMES',
      reason: `the expiry (${exp}) is earlier than the issue time (${iat})`,
      partial: { preamble, version, iat, exp, username },
    };
  return {
    ok: true,
    value: {
      preamble,
      version,
      iat,
      exp,
      username,
      signed: body.subarray(0, signedEnd),
      tag: body.subarray(signedEnd),
      body,
      length: value.length,
    },
  };
}

/**
 * Why the username bytes are not a valid PXZ-1 username, or null. ASCII names (the common case) are
 * checked in one pass without a UTF-8 validation call; the rest go through Node's validator.
 */
function usernameProblem(body: Buffer, start: number, end: number): string | null {
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = body[i]!;
    if (b <= 0x1f || b === 0x7f) return 'the username holds a control character';
    if (b >= 0x80) ascii = false;
  }
  if (ascii) return null;
  // Non-ASCII bytes are ≥ 0x80, so no control character hides in them: only UTF-8 validity is left.
  return isUtf8(body.subarray(start, end)) ? null : 'the username bytes are not valid UTF-8';
}

function describeEncodingProblem(encoded: string): string {
  if (encoded.includes('=')) return 'the token ends with "=" padding, which PXZ-1 never uses';
  const bad = [...encoded].find((c) => !/[A-Za-z0-9_-]/.test(c));
  if (bad !== undefined) {
    const shown = /[\x21-\x7e]/.test(bad) ? `"${bad}"` : `U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `the token holds ${shown}, which is not a base64url character (A–Z a–z 0–9 - _)`;
  }
  if (encoded.length % 4 === 1) return 'the token has one character too many or too few: its length cannot be base64url';
  return 'the last character carries bits that base64url requires to be zero: the token was altered or cut';
}

// ---------------------------------------------------------------------------------------------
// Verify (needs the token-uuid)

export type VerifyResult = { readonly ok: true } | { ok: false; code: 'INVALID_UUID' | 'BAD_SIGNATURE'; reason: string };

/** The one success answer, shared (frozen) rather than built per call. */
const VERIFIED: VerifyResult = Object.freeze({ ok: true });

export function verifySignature(decoded: Pick<DecodedToken, 'signed' | 'tag'>, tokenUuid: string): VerifyResult {
  const key = deriveKey(tokenUuid);
  if (!key.ok) return key;
  // Constant-time comparison of the recomputed tag with the token's (see HmacSha256.matches).
  if (decoded.tag.length !== TAG_BYTES || !key.hmac.matches(decoded.signed, decoded.tag))
    return { ok: false, code: 'BAD_SIGNATURE', reason: 'the signature does not match this token-uuid' };
  return VERIFIED;
}
