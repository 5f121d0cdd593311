// Properties of the codec over generated inputs (fast-check; the seed is printed on failure).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECODE_ERROR_CODES, decide, decodeToken, mintToken, passwordFieldFit } from '../../src-main/core/index.js';

const uuid = fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });
// Usernames as the spec allows them: 1–255 UTF-8 bytes, no control characters, any script.
const username = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
  .filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.isWellFormed() && Buffer.byteLength(s) <= 255);
const preamble = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 16 });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const times = fc.tuple(u32, u32).map(([a, b]) => (a <= b ? { iat: a, exp: b } : { iat: b, exp: a }));

describe('PXZ-1 properties', () => {
  it('mint → decode → verify round-trips, for any user, uuid, preamble and time', () => {
    fc.assert(
      fc.property(uuid, username, preamble, times, (u, n, p, t) => {
        const minted = mintToken({ tokenUuid: u, username: n, preamble: p, ...t });
        expect(minted.ok).toBe(true);
        if (!minted.ok) return;
        const decoded = decodeToken(minted.value.token, p);
        expect(decoded.ok && { iat: decoded.value.iat, exp: decoded.value.exp, username: decoded.value.username }).toEqual({ ...t, username: n });
        expect(minted.value.length).toBe(passwordFieldFit(p, n).length);
        // At its own expiry the CS accepts it (window is inclusive, tolerance ≥ 60 s).
        const d = decide({ value: minted.value.token, preamble: p, tokenUuid: u, userName: n, now: t.exp, options: {} });
        expect(d.code).toBe('OK');
      }),
      { numRuns: 400 },
    );
  });

  it('decode of any string answers a typed result and never throws', () => {
    const codes = new Set<string>(DECODE_ERROR_CODES);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.base64String().map((s) => `{PXZ}${s}`),
        ),
        (s) => {
          const decoded = decodeToken(s, '{PXZ}');
          if (!decoded.ok) expect(codes.has(decoded.code)).toBe(true);
          const d = decide({ value: s, tokenUuid: '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42', now: 1767239000, options: {} });
          expect(typeof d.message).toBe('string');
          expect(d.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('flipping any bit of a valid token body never yields OK', () => {
    fc.assert(
      fc.property(uuid, username, times, fc.nat(), (u, n, t, bitSeed) => {
        const minted = mintToken({ tokenUuid: u, username: n, ...t });
        if (!minted.ok) return;
        const body = Buffer.from(minted.value.body);
        const bit = bitSeed % (body.length * 8);
        body[bit >> 3]! ^= 1 << (bit & 7);
        const altered = '{PXZ}' + body.toString('base64url');
        const d = decide({ value: altered, tokenUuid: u, userName: n, now: t.exp, options: {} });
        expect(d.code).not.toBe('OK');
      }),
      { numRuns: 1000 },
    );
  });

  it('every bit of a default-user token, flipped one at a time, is caught', () => {
    const u = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
    const minted = mintToken({ tokenUuid: u, username: 'default', iat: 1767238671, exp: 1767239871 });
    if (!minted.ok) throw new Error('mint failed');
    for (let bit = 0; bit < minted.value.body.length * 8; bit++) {
      const body = Buffer.from(minted.value.body);
      body[bit >> 3]! ^= 1 << (bit & 7);
      const d = decide({ value: '{PXZ}' + body.toString('base64url'), tokenUuid: u, userName: 'default', now: 1767239000, options: {} });
      expect(d.code, `bit ${bit}`).not.toBe('OK');
    }
  });
});
