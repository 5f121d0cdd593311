// The CS decision's explanations: each code names what happened and the option or clock to check.
import { describe, expect, it } from 'vitest';
import {
  DECISION_ERROR_CODES,
  DECODE_ERROR_CODES,
  GENESYS_SOURCE_IDS,
  decide,
  decodeToken,
  explainDecision,
  isKnownSource,
  mintToken,
  validityWindow,
} from '../../src-main/core/index.js';

const U = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const OTHER = '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21';
const IAT = 1767238671; // 2026-01-01T03:37:51Z

function token(opts: { life?: number; user?: string; uuid?: string } = {}): string {
  const life = opts.life ?? 20;
  const m = mintToken({ tokenUuid: opts.uuid ?? U, username: opts.user ?? 'alice', iat: IAT, exp: IAT + life * 60 });
  if (!m.ok) throw new Error(m.reason);
  return m.value.token;
}

describe('decide', () => {
  it('accepts a fresh token and says until when', () => {
    const d = decide({ value: token(), tokenUuid: U, userName: 'alice', now: IAT + 5, options: {} });
    expect(d.code).toBe('OK');
    expect(d.message).toContain('accepted for "alice"');
    expect(d.hint).toContain('stays acceptable for 20 min 55 s');
    expect(d.steps.every((s) => s.status === 'pass')).toBe(true);
  });

  it('explains token-ttl shorter than the token life, with the minutes', () => {
    const d = decide({ value: token({ life: 60 }), tokenUuid: U, userName: 'alice', now: IAT + 10, options: { tokenTtlMinutes: 15 } });
    expect(d.code).toBe('NOT_YET_VALID');
    expect(d.message).toContain("token-ttl (15 min) is shorter than the token's life (60 min)");
    expect(d.message).toContain('refused for the first 45 min');
    expect(d.hint).toContain('token-ttl to at least 60');
    expect(d.warnings.join(' ')).toContain('refused as not yet valid');
    expect(d.steps.find((s) => s.id === 'start')).toMatchObject({ status: 'fail' });
    expect(d.steps.find((s) => s.id === 'user')).toMatchObject({ status: 'skipped' });
  });

  it('explains a GAX life the CS reads differently', () => {
    const d = decide({ value: token({ life: 60 }), tokenUuid: U, userName: 'alice', now: IAT, options: { gaxTokenLifeMinutes: 30 } });
    expect(d.code).toBe('NOT_YET_VALID');
    expect(d.message).toContain('token_life_in_minutes = 30');
    expect(d.hint).toContain('token_life_in_minutes');
  });

  it('blames the clock when the CS is behind GAX by more than the tolerance', () => {
    // Token life 20 min, CS clock 25 h behind GAX: issued far in the CS's future.
    const d = decide({ value: token(), tokenUuid: U, userName: 'alice', now: IAT - 25 * 3600, options: {} });
    expect(d.code).toBe('NOT_YET_VALID');
    expect(d.message).toContain('the CS clock is behind');
    expect(d.hint).toContain('NTP');
    expect(d.warnings.join(' ')).toContain("in the CS's future");
  });

  it('explains an expired token with the instants and the clock alternative', () => {
    const d = decide({ value: token(), tokenUuid: U, userName: 'alice', now: IAT + 20 * 60 + 95, options: {} });
    expect(d.code).toBe('EXPIRED');
    expect(d.message).toMatch(/^token expired at 2026-01-01 03:57:51 UTC, 95 s before the server's clock/);
    expect(d.message).toContain('until 2026-01-01 03:58:51 UTC');
    expect(d.hint).toContain('ahead of GAX');
  });

  it('widens the window by token-tolerance on both ends (Genesys example: 12:00–12:20 → 11:59–12:21)', () => {
    const t = token();
    const opts = { tokenTtlMinutes: 20 };
    expect(decide({ value: t, tokenUuid: U, now: IAT - 60, options: opts }).code).toBe('OK');
    expect(decide({ value: t, tokenUuid: U, now: IAT - 61, options: opts }).code).toBe('NOT_YET_VALID');
    expect(decide({ value: t, tokenUuid: U, now: IAT + 21 * 60, options: opts }).code).toBe('OK');
    expect(decide({ value: t, tokenUuid: U, now: IAT + 21 * 60 + 1, options: opts }).code).toBe('EXPIRED');
  });

  it('names the token-uuid for a bad signature without quoting it', () => {
    const d = decide({ value: token({ uuid: OTHER }), tokenUuid: U, userName: 'alice', now: IAT, options: {} });
    expect(d.code).toBe('BAD_SIGNATURE');
    expect(d.hint).toContain('token-uuid');
    expect(JSON.stringify([d.message, d.hint, d.steps, d.warnings])).not.toContain(U);
    expect(JSON.stringify([d.message, d.hint, d.steps, d.warnings])).not.toContain(OTHER);
  });

  it('points out a user mismatch that is only upper/lower case', () => {
    const d = decide({ value: token({ user: 'Alice' }), tokenUuid: U, userName: 'alice', now: IAT, options: {} });
    expect(d.code).toBe('USER_MISMATCH');
    expect(d.message).toBe('the token is for "Alice" but the login asks for "alice"');
    expect(d.hint).toContain('upper/lower case');
  });

  it('reports an invalid token-uuid as INVALID_UUID at the signature step', () => {
    const d = decide({ value: token(), tokenUuid: 'not-a-uuid', now: IAT, options: {} });
    expect(d.code).toBe('INVALID_UUID');
    expect(d.steps.find((s) => s.id === 'signature')?.status).toBe('fail');
  });

  it('treats a value without the preamble as a plain password and says what to check', () => {
    const d = decide({ value: 'password', tokenUuid: U, now: IAT, options: {} });
    expect(d.code).toBe('NOT_A_TOKEN');
    expect(d.hint).toContain('confserv_trusted=true');
    expect(d.hint).toContain('token-preambula');
  });

  it('decides in whole seconds of the CS clock', () => {
    const t = token();
    const end = IAT + 20 * 60 + 60;
    expect(decide({ value: t, tokenUuid: U, now: end + 0.999, options: {} }).code).toBe('OK');
    expect(decide({ value: t, tokenUuid: U, now: end + 1, options: {} }).code).toBe('EXPIRED');
  });

  it('decodes without a token-uuid and marks the key checks as skipped', () => {
    const d = decide({ value: token(), now: IAT, options: {} });
    expect(d.code).toBe('OK');
    expect(d.steps.find((s) => s.id === 'signature')).toMatchObject({ status: 'skipped', detail: 'no token-uuid given' });
  });
});

describe('every explanation says whose word it is', () => {
  const decoded = (() => {
    const d = decodeToken(token());
    if (!d.ok) throw new Error(d.reason);
    return d.value;
  })();
  const window = validityWindow(decoded.exp, {});

  it.each(['OK', ...DECISION_ERROR_CODES] as const)('%s carries a known source', (code) => {
    const e = explainDecision({ code, reason: 'r', now: IAT, preamble: '{PXZ}', decoded, window, userName: 'bob', options: {} });
    expect(isKnownSource(e.source)).toBe(true);
    // Genesys does not publish the token's bytes: nothing may claim what a GAX token looks like.
    expect(`${e.message} ${e.hint}`).not.toMatch(/never looks like|a real CS holds/);
    if (e.source.kind === 'genesys') expect(GENESYS_SOURCE_IDS).toContain(e.source.id);
  });

  it.each(DECODE_ERROR_CODES.filter((c) => c !== 'NOT_A_TOKEN'))('%s is worded as outside the reference format', (code) => {
    const e = explainDecision({ code, reason: 'r', now: IAT, preamble: '{PXZ}', options: {} });
    expect(e.message).toContain("not in the tool's reference format (PXZ-1)");
    expect(e.source).toEqual({ kind: 'model', id: 'PXZ-1' });
  });

  it('cites Genesys for an expired token and the CS Proxy page for the window arithmetic', () => {
    const d = decide({ value: token(), tokenUuid: U, userName: 'alice', now: IAT + 20 * 60 + 95, options: {} });
    expect(d.source).toEqual({ kind: 'genesys', id: 'GAX-SECURE' });
    expect(d.message).toContain('documented for Configuration Server Proxy');
    const n = decide({ value: token({ life: 60 }), tokenUuid: U, userName: 'alice', now: IAT + 10, options: { tokenTtlMinutes: 15 } });
    expect(n.source).toEqual({ kind: 'genesys', id: 'CSP-SYSTEM' });
    expect(n.hint).toContain('documented for Configuration Server Proxy');
  });

  it('calls a bad signature and a user mismatch the model', () => {
    const bad = decide({ value: token({ uuid: OTHER }), tokenUuid: U, userName: 'alice', now: IAT, options: {} });
    expect(bad.source.kind).toBe('model');
    const who = decide({ value: token({ user: 'Alice' }), tokenUuid: U, userName: 'alice', now: IAT, options: {} });
    expect(who.source).toEqual({ kind: 'model', id: 'CSMOCK-1' });
    expect(who.hint).toContain('mock CS');
  });

  it('rejects a source the registry does not hold', () => {
    expect(isKnownSource({ kind: 'genesys', id: 'PXZ-1' })).toBe(false);
    expect(isKnownSource({ kind: 'model', id: 'NOPE' })).toBe(false);
    expect(isKnownSource(undefined)).toBe(false);
  });
});
