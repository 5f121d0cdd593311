// Fuzz target 1: the token decoder and the CS's decision (src-main/core). Any Password value, preamble,
// token-uuid, clock and options → a typed answer, never a throw or a hang; a decoded token re-encodes
// to itself, and one whose signature holds is exactly what mint gives for its fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECISION_ERROR_CODES,
  DECODE_ERROR_CODES,
  checkPreamble,
  checkUsername,
  decide,
  decodeToken,
  evaluateToken,
  hasControlCharacter,
  mintToken,
  parseTokenUuid,
  tokenSegments,
  type TokenTimeOptions,
} from '../../src-main/core/index.js';
import { requests } from '../../src-main/ipc/contract/index.js';
import { PXZ1_VECTORS } from '../helpers/pxz1-vectors.js';
import { FUZZ_TEST_TIMEOUT, REPLAYING, bounded, fuzz, mix } from './fuzz-kit.js';
import { randomNumber } from './json-mutators.js';
import { NASTY_STRINGS, Rng, generatedBy, mutateBytes, mutateString, mutatedFrom, randomString } from './mutators.js';

const vectors = PXZ1_VECTORS;

interface Case {
  value: string;
  preamble: string;
  tokenUuid: string | null;
  userName: string | null;
  now: number;
  options: TokenTimeOptions;
}

const samples = [...vectors.mint, ...vectors.decode, ...vectors.validate].map((v) => ({ token: v.token, preamble: v.preamble }));
const sampleTokens = samples.map((s) => s.token);
const uuids = [...new Set(vectors.mint.map((m) => m.tokenUuid))];
const BASE64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const TOKEN_WORDS = [...BASE64URL, '=', '==', '+', '/', '{PXZ}', '{PXZ', '[TKN]', 'AQ', 'AAAA', '____', ...NASTY_STRINGS];
const SECRET_FORMS = (u: string) => {
  const p = parseTokenUuid(u);
  return p.ok ? [p.canonical, p.canonical.replace(/-/g, ''), Buffer.from(p.bytes).toString('base64url')] : [];
};

function randomPreamble(rng: Rng): string {
  if (rng.chance(0.1)) return rng.pick(['', ' ', '{PXZ} ', 'x'.repeat(17), '\u00e9', '{PXZ}\n']);
  return Array.from({ length: 1 + rng.int(16) }, () => String.fromCharCode(0x21 + rng.int(0x5e))).join('');
}

function randomUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function optionValue(rng: Rng): number | null | undefined {
  return rng.pick([undefined, null, 0, 1, 5, 60, 1440, -1, 0.5, 2147483647, 1e12, NaN, Infinity, randomNumber(rng)]);
}

/** The rest of a case around a value: its own preamble mostly, a token-uuid mostly the right one. */
function around(value: string, preamble: string, rng: Rng, uuid?: string, user?: string, exp?: number): Case {
  const center = exp ?? 1767239871;
  return {
    value,
    preamble: rng.chance(0.9) ? preamble : randomPreamble(rng),
    tokenUuid: rng.chance(0.1) ? null : rng.chance(0.8) ? (uuid ?? rng.pick(uuids)) : rng.chance(0.5) ? randomUuid(rng) : randomString(rng, 40),
    userName: rng.chance(0.2) ? null : rng.chance(0.7) && user !== undefined ? user : randomString(rng, 12),
    now: rng.chance(0.05)
      ? rng.pick([NaN, Infinity, -Infinity, -1, 1e20])
      : rng.chance(0.7)
        ? center + rng.int(200_000) - 100_000 + (rng.chance(0.1) ? 0.5 : 0)
        : rng.next(),
    options: { tokenToleranceSeconds: optionValue(rng), tokenTtlMinutes: optionValue(rng), gaxTokenLifeMinutes: optionValue(rng) },
  };
}

/** The vectors' tokens with characters changed, cut, repeated or spliced. */
const mutatedTokens = mutatedFrom(samples, (s, rng) => around(mutateString(s.token, rng, sampleTokens, TOKEN_WORDS, 4096), s.preamble, rng));

/** The vectors' bodies with bytes changed, then canonically encoded: these get past the encoding check. */
const mutatedBodies = mutatedFrom(vectors.mint, (m, rng) => {
  const body = mutateBytes(
    Buffer.from(m.bodyHex, 'hex'),
    rng,
    vectors.mint.map((v) => Buffer.from(v.bodyHex, 'hex')),
    600,
  );
  return around(m.preamble + body.toString('base64url'), m.preamble, rng, m.tokenUuid, m.username, m.exp);
});

/** Freshly minted tokens (valid), random strings, and the preamble before random base64url. */
const generated = generatedBy((rng): Case => {
  const kind = rng.int(3);
  if (kind === 0) {
    const preamble = randomPreamble(rng);
    const candidate = randomString(rng, 30);
    const username = checkUsername(candidate) === null ? candidate : `user${rng.int(1000)}`;
    const iat = rng.chance(0.1) ? rng.pick([0, 0xffffffff]) : rng.next();
    const exp = Math.min(0xffffffff, iat + (rng.chance(0.1) ? 0 : rng.int(100_000)));
    const tokenUuid = randomUuid(rng);
    const minted = mintToken({ tokenUuid, username, iat, exp, preamble });
    if (minted.ok) return around(minted.value.token, preamble, rng, tokenUuid, username, exp);
  }
  const preamble = rng.chance(0.8) ? '{PXZ}' : randomPreamble(rng);
  const value = kind === 1 ? randomString(rng, 120) : preamble + Array.from({ length: rng.int(120) }, () => rng.pick(BASE64URL)).join('');
  return around(value, preamble, rng);
});

const decodeCodes = new Set<string>(DECODE_ERROR_CODES);
const decisionCodes = new Set<string>(['OK', ...DECISION_ERROR_CODES]);

/** the decisions a run reached: a fuzzer that never gets past the first check proves little */
const reached = new Set<string>();

function checkCase(c: Case): void {
  const decoded = bounded('decodeToken', () => decodeToken(c.value, c.preamble));
  if (!decoded.ok) {
    expect(decodeCodes.has(decoded.code), decoded.code).toBe(true);
    // One line whenever the preamble is one the CS could have. Every door refuses any other before the
    // decoder sees it — the CLI, and the IPC schemas of token.decode and token.verify — in one line.
    if (checkPreamble(c.preamble) === null) expect(decoded.reason).toMatch(/^[^\n\r]+$/);
    else
      for (const channel of ['token.decode', 'token.verify'] as const) {
        const input =
          channel === 'token.decode'
            ? { value: c.value, preamble: c.preamble }
            : { value: c.value, preamble: c.preamble, tokenUuid: { kind: 'typed', value: c.tokenUuid } };
        const parsed = requests[channel].input.safeParse(input);
        expect(parsed.success, `${channel} took the preamble ${JSON.stringify(c.preamble)}`).toBe(false);
        if (!parsed.success) expect(parsed.error.issues.find((i) => i.path[0] === 'preamble')?.message).toMatch(/^[^\n\r]+$/);
      }
  } else {
    const t = decoded.value;
    expect(t.version).toBe(1);
    expect(Number.isInteger(t.iat) && Number.isInteger(t.exp) && t.iat <= t.exp && t.exp <= 0xffffffff).toBe(true);
    expect(t.username.length > 0 && t.username.isWellFormed() && !hasControlCharacter(t.username)).toBe(true);
    // A decoded token is exactly its parts, canonically encoded.
    expect(t.tag.length).toBe(16);
    expect(c.preamble + Buffer.concat([t.signed, t.tag]).toString('base64url')).toBe(c.value);
    expect(t.signed.subarray(9).toString('utf8')).toBe(t.username);
    expect([t.signed[0], t.signed.readUInt32BE(1), t.signed.readUInt32BE(5)]).toEqual([1, t.iat, t.exp]);
    expect(
      tokenSegments(c.value, t)
        .map((s) => s.text)
        .join(''),
    ).toBe(c.value);
  }

  const input = { value: c.value, preamble: c.preamble, tokenUuid: c.tokenUuid, userName: c.userName, now: c.now, options: c.options };
  const d = bounded('decide', () => decide(input));
  expect(decisionCodes.has(d.code), d.code).toBe(true);
  reached.add(d.code);
  expect(d.message.length > 0 && d.hint.length > 0).toBe(true);
  expect(d.steps).toHaveLength(10);
  const failed = d.steps.filter((s) => s.status === 'fail');
  expect(failed.length).toBe(d.code === 'OK' ? 0 : 1);
  expect(evaluateToken(input).code).toBe(d.code);
  if (!decoded.ok) expect(d.code).toBe(decoded.code);

  // No form of the token-uuid, and never the whole token, in what a person is shown.
  const shown = JSON.stringify([d.message, d.hint, d.steps, d.warnings]);
  for (const form of c.tokenUuid ? SECRET_FORMS(c.tokenUuid) : []) expect(shown.includes(form), 'token-uuid leaked').toBe(false);
  if (c.value.length >= 24) expect(shown.includes(c.value), 'whole token shown').toBe(false);

  // When the signature holds, the token is what mint makes of its fields (or mint says why it cannot).
  const signatureHolds = decoded.ok && c.tokenUuid !== null && !['BAD_SIGNATURE', 'INVALID_UUID'].includes(d.code);
  if (decoded.ok && signatureHolds) {
    const t = decoded.value;
    const again = mintToken({ tokenUuid: c.tokenUuid!, username: t.username, iat: t.iat, exp: t.exp, preamble: c.preamble });
    if (again.ok) expect(again.value.token).toBe(c.value);
    else expect(again.code === 'INVALID_PREAMBLE' ? checkPreamble(c.preamble) : checkUsername(t.username)).not.toBeNull();
  }
}

describe('fuzz: token decoder and decision', () => {
  it('decodeToken and decide answer a typed result for every input; decoded tokens re-encode', { timeout: FUZZ_TEST_TIMEOUT }, () => {
    fuzz('token decoder', mix(fc.oneof(mutatedTokens, mutatedBodies), generated), checkCase);
    if (!REPLAYING) expect([...decisionCodes].filter((code) => !reached.has(code))).toEqual([]);
  });

  it('a regression sample: the vectors themselves pass the same checks', () => {
    const rng = new Rng(1);
    for (const m of vectors.mint) checkCase(around(m.token, m.preamble, rng, m.tokenUuid, m.username, m.exp));
  });
});
