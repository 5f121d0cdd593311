/** The client's small pure pieces: fingerprints, token redaction, byte descriptions, fixes without a server hint. */
import { describe, expect, it } from 'vitest';
import { decodeToken, mintToken } from '../../src-main/core/index.js';
import { normalizeFingerprint, formatFingerprint, redactToken } from '../../src-main/client/index.js';
import { describeBytes } from '../../src-main/client/csmock-session.js';
import { explainServerError, type RejectionContext } from '../../src-main/client/explain-rejection.js';
import { bestSample, describeOffset } from '../../src-main/client/server-time.js';

const HEX = 'ab'.repeat(32);

describe('fingerprints', () => {
  it('accepts colon-separated and plain hex in any case, with or without a sha256 prefix', () => {
    expect(normalizeFingerprint(formatFingerprint(HEX))).toBe(HEX);
    expect(normalizeFingerprint(HEX.toUpperCase())).toBe(HEX);
    expect(normalizeFingerprint(` sha256:${formatFingerprint(HEX).toLowerCase()} `)).toBe(HEX);
    expect(formatFingerprint(HEX)).toMatch(/^AB(:AB){31}$/);
  });
  it('refuses anything that is not 32 bytes of hex', () => {
    expect(normalizeFingerprint(HEX.slice(2))).toBeNull();
    expect(normalizeFingerprint(`${HEX}00`)).toBeNull();
    expect(normalizeFingerprint(HEX.replace(/^ab/, 'zz'))).toBeNull();
  });
});

describe('redactToken', () => {
  it('shows the preamble, six characters, and the length: never the rest', () => {
    const t = mintToken({ tokenUuid: '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42', username: 'alice', iat: 1767225600, exp: 1767226800 });
    if (!t.ok) throw new Error('mint');
    const r = redactToken(t.value.token, '{PXZ}');
    expect(r).toBe(`${t.value.token.slice(0, 11)}…(${t.value.length} chars)`);
    expect(r).not.toContain(t.value.token.slice(11, 20));
  });
});

describe('describeBytes', () => {
  it('quotes text and shows binary as hex', () => {
    expect(describeBytes(Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'))).toBe('"SSH-2.0-OpenSSH_9.6"');
    expect(describeBytes(Buffer.from([0x16, 0x03, 0x01, 0x00]))).toBe('4 bytes of binary data (16 03 01 00)');
    expect(describeBytes(Buffer.alloc(60, 0x41))).toBe(`"${'A'.repeat(48)}…"`);
  });
});

describe('clock helpers', () => {
  it('the best sample is the one with the lowest round trip', () => {
    const samples = [
      { offsetMs: 10, roundTripMs: 3 },
      { offsetMs: 12, roundTripMs: 1 },
      { offsetMs: 9, roundTripMs: 2 },
    ];
    expect(bestSample(samples)).toEqual({ offsetMs: 12, roundTripMs: 1 });
    expect(bestSample([])).toBeUndefined();
  });
  it('offsets in words', () => {
    expect(describeOffset(300_000)).toBe('5 min ahead of ours');
    expect(describeOffset(-12.4)).toBe('12 ms behind ours');
    expect(describeOffset(-1_250)).toBe('1.3 s behind ours');
    expect(describeOffset(3_600_000)).toBe('1 h ahead of ours');
    expect(describeOffset(811_000)).toBe('13 min 31 s ahead of ours');
    expect(describeOffset(0.4)).toBe('in step with ours');
  });
});

describe('explainServerError without a server hint', () => {
  const minted = mintToken({ tokenUuid: '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42', username: 'alice', iat: 1_800_000_000, exp: 1_800_000_000 + 3600 });
  if (!minted.ok) throw new Error('mint');
  const decoded = decodeToken(minted.value.token);
  if (!decoded.ok) throw new Error('decode');
  const base: RejectionContext = {
    userName: 'alice',
    sent: 'token',
    preamble: '{PXZ}',
    token: decoded.value,
    tokenLifeMinutes: 60,
    serverOffsetMs: 0,
    nowMs: 1_800_000_000_000,
  };

  it('uses the server hint when there is one', () => {
    const e = explainServerError({ code: 'EXPIRED', message: 'm', detail: { hint: ' do this ' } }, base);
    expect(e).toEqual({ message: 'the server refused the login: EXPIRED — m', fix: 'do this', source: { kind: 'genesys', id: 'GAX-SECURE' } });
  });
  it('NOT_YET_VALID with clocks that agree: the window is shorter than the token life (token-ttl)', () => {
    const e = explainServerError({ code: 'NOT_YET_VALID', message: 'not yet' }, base);
    expect(e.fix).toMatch(/The clocks agree/);
    expect(e.fix).toMatch(/Raise token-ttl to at least 60/);
  });
  it('NOT_YET_VALID with a server clock far behind: the clocks', () => {
    const e = explainServerError({ code: 'NOT_YET_VALID', message: 'not yet' }, { ...base, serverOffsetMs: -600_000 });
    expect(e.fix).toMatch(/^The server's clock is 10 min behind the clock that minted the token/);
    expect(e.fix).toMatch(/NTP/);
  });
  it('EXPIRED with a server clock ahead: the clocks, with the measured offset', () => {
    const e = explainServerError({ code: 'EXPIRED', message: 'expired' }, { ...base, serverOffsetMs: 2 * 3600_000 });
    expect(e.fix).toMatch(/the server's clock is 2 h ahead of the clock that minted the token \(measured: the server's clock is 2 h ahead of ours\)/);
  });
  it("BAD_SIGNATURE: the core's hint on token-uuid", () => {
    expect(explainServerError({ code: 'BAD_SIGNATURE', message: '' }, base)).toMatchObject({
      message: 'the server refused the login: BAD_SIGNATURE — the signature does not match the token-uuid',
      fix: expect.stringMatching(/token-uuid/),
    });
  });
  it('BAD_PASSWORD for a token means token authentication is off or the preamble differs', () => {
    expect(explainServerError({ code: 'BAD_PASSWORD', message: 'x' }, base).fix).toMatch(
      /token-authentication-mode is not enable, or its token-preambula is not \{PXZ\}/,
    );
    expect(explainServerError({ code: 'BAD_PASSWORD', message: 'x' }, { ...base, sent: 'password' }).fix).toMatch(/Check the password/);
  });
  it('each other code has a fix of its own, and an unknown code still gets one', () => {
    const fixes = [
      'UNKNOWN_USER',
      'USER_DISABLED',
      'PASSWORD_TOO_LONG',
      'SERVER_BUSY',
      'TOO_MANY_ATTEMPTS',
      'IDLE_TIMEOUT',
      'ALREADY_REGISTERED',
      'FRAME_TOO_LARGE',
      'BAD_REQUEST',
      'WHATEVER',
    ].map((code) => explainServerError({ code, message: 'm' }, base).fix);
    expect(new Set(fixes).size).toBe(fixes.length);
    expect(fixes.at(-1)).toMatch(/refused with WHATEVER/);
  });
});
