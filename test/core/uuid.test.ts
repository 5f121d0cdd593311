import { describe, expect, it } from 'vitest';
import { decodeBase64UrlStrict, humanDuration, humanDurationMs, isoSeconds, maskTokenUuid, parseTokenUuid } from '../../src-main/core/index.js';

describe('parseTokenUuid', () => {
  it('accepts urn:uuid: in any case and returns the canonical lower-case form', () => {
    const p = parseTokenUuid('URN:UUID:3F2B8C1E-9D4A-4F6B-8E21-5C7D9A0B1E42');
    expect(p).toMatchObject({ ok: true, canonical: '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42' });
  });

  it.each([
    ['{3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42', 'brace'],
    ['3f2b8c1e9d4a4f6b8e215c7d9a0b1e42', '8-4-4-4-12'],
    ['3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e4g', 'not a hex digit'],
    ['3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e4', '31 hex digits'],
    ['{urn:uuid:3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42}', 'not a hex digit'],
  ])('rejects %s saying why (%s)', (input, why) => {
    const p = parseTokenUuid(input);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toContain(why);
  });

  it('masks all but the last four digits', () => {
    expect(maskTokenUuid('3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42')).toMatch(/^[•-]+1e42$/);
  });
});

describe('strict base64url', () => {
  it('rejects what Node would silently accept', () => {
    for (const bad of ['AAA=', 'AA+A', 'AA/A', 'A', 'AB', 'AAB', 'AA A', 'AAé']) expect(decodeBase64UrlStrict(bad), bad).toBeNull();
    expect(decodeBase64UrlStrict('AQ')?.toString('hex')).toBe('01');
    expect(decodeBase64UrlStrict('AAE')?.toString('hex')).toBe('0001');
    expect(decodeBase64UrlStrict('')?.length).toBe(0);
  });
});

describe('time formatting', () => {
  it('prints UTC to the second and durations for people', () => {
    expect(isoSeconds(1767225600)).toBe('2026-01-01 00:00:00 UTC');
    expect(humanDuration(95)).toBe('95 s');
    expect(humanDuration(1200)).toBe('20 min');
    expect(humanDuration(3900)).toBe('1 h 5 min');
    expect(humanDuration(2 * 86400 + 3 * 3600)).toBe('2 d 3 h');
    expect(humanDuration(811)).toBe('13 min 31 s');
    expect(humanDurationMs(250.4)).toBe('250 ms');
    expect(humanDurationMs(-1_250)).toBe('1.3 s');
    expect(humanDurationMs(3_600_000)).toBe('1 h');
    expect(humanDurationMs(811_000)).toBe('13 min 31 s');
  });
});
