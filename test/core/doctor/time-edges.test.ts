/**
 * The doctor's time rules agree with the decision at their exact edges (n−1, n, n+1): a token is
 * minted as GAX would, decided at the CS clock with decide(), and the doctor must say "refused"
 * exactly when decide() refuses.
 */
import { describe, expect, it } from 'vitest';
import { decide, mintToken } from '../../../src-main/core/index.js';
import { diagnose } from '../../../src-main/core/doctor/index.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const IAT = 1_767_225_600;

function decideFresh(life: number, options: { ttl?: number; tol?: number }, csClockOffset = 0): string {
  const token = mintToken({ tokenUuid: UUID, username: 'default', iat: IAT, exp: IAT + life * 60 });
  if (!token.ok) throw new Error(token.reason);
  return decide({
    value: token.value.token,
    tokenUuid: UUID,
    userName: 'default',
    now: IAT + csClockOffset,
    options: { tokenTtlMinutes: options.ttl, tokenToleranceSeconds: options.tol, gaxTokenLifeMinutes: life },
  }).code;
}

function ids(life: number, options: { ttl?: number; tol?: number }, clockOffsetSeconds?: number) {
  const cs = ['[system]', 'token-authentication-mode=enable'];
  if (options.ttl !== undefined) cs.push(`token-ttl=${options.ttl}`);
  if (options.tol !== undefined) cs.push(`token-tolerance=${options.tol}`);
  const r = diagnose({
    files: [
      { name: 'cs.cfg', text: cs.join('\n') + '\n' },
      { name: 'gax.cfg', text: `[general]\nconfserv_trusted=true\ntoken_life_in_minutes=${life}\n` },
    ],
    clockOffsetSeconds,
  });
  return r.findings.filter((f) => !f.afterFixes);
}

describe('TTL_SHORTER_THAN_LIFE at its edge', () => {
  // validFrom = exp − ttl·60 − tolerance; a fresh token (issued now) passes when ttl·60 + tolerance ≥ life·60.
  it.each([
    { life: 30, tol: undefined, n: 29 }, // the case: default 60 s tolerance, token-ttl 29 passes
    { life: 30, tol: 120, n: 28 },
    { life: 60, tol: 30, n: 60 },
    { life: 20, tol: 600, n: 10 },
  ])('life $life min, tolerance $tol s: fires below token-ttl=$n only, as decide() refuses', ({ life, tol, n }) => {
    for (const ttl of [n - 1, n, n + 1]) {
      const refused = decideFresh(life, { ttl, tol }) === 'NOT_YET_VALID';
      const fired = ids(life, { ttl, tol }).some((f) => f.id === 'TTL_SHORTER_THAN_LIFE');
      expect(fired, `token-ttl=${ttl}`).toBe(refused);
      expect(fired, `token-ttl=${ttl}`).toBe(ttl < n);
    }
  });
});

describe('CLOCK_SKEW_EXCEEDS_TOLERANCE at its edges', () => {
  it.each([60, 30, 300])('tolerance %i s: an error exactly when decide() refuses a fresh token (CS behind: n−1, n, n+1)', (tol) => {
    const life = 20;
    for (const offset of [-(tol - 1), -tol, -(tol + 1)]) {
      const code = decideFresh(life, { ttl: life, tol }, offset);
      const skew = ids(life, { ttl: life, tol }, offset).find((f) => f.id === 'CLOCK_SKEW_EXCEEDS_TOLERANCE');
      expect(skew?.severity === 'error', `offset ${offset}: ${code}`).toBe(code !== 'OK');
      expect(skew !== undefined, `offset ${offset}`).toBe(-offset > tol);
    }
  });

  it('CS ahead: an error exactly when a fresh token has already expired there (n−1, n, n+1)', () => {
    const life = 5;
    const tol = 60;
    const n = life * 60 + tol; // validUntil, seconds after issue
    for (const offset of [n - 1, n, n + 1]) {
      const code = decideFresh(life, { ttl: life, tol }, offset);
      const skew = ids(life, { ttl: life, tol }, offset).find((f) => f.id === 'CLOCK_SKEW_EXCEEDS_TOLERANCE');
      expect(skew?.severity, `offset ${offset}: ${code}`).toBe(code === 'OK' ? 'warning' : 'error');
    }
  });
});
