import { describe, expect, it } from 'vitest';
import { longestUsernameBytes, mintToken, passwordFieldFit, tokenLength } from '../../src-main/core/index.js';

describe('password field fit', () => {
  it('leaves 19 bytes of username with the default preamble (pxz1-token.md)', () => {
    expect(longestUsernameBytes('{PXZ}')).toBe(19);
    expect(tokenLength(5, 19)).toBe(64);
    expect(tokenLength(5, 20)).toBe(65);
  });

  it('agrees with the real token length for every username length and preamble length', () => {
    for (const p of ['{', '{PXZ}', '[GAX-TOKEN-AUTH]']) {
      for (let n = 1; n <= 60; n++) {
        const user = 'u'.repeat(n);
        const m = mintToken({ tokenUuid: '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42', username: user, iat: 1, exp: 2, preamble: p });
        if (!m.ok) throw new Error(m.reason);
        const fit = passwordFieldFit(p, user);
        expect(fit.length).toBe(m.value.length);
        expect(fit.fits).toBe(n <= longestUsernameBytes(p));
      }
    }
  });

  it('counts UTF-8 bytes, not characters', () => {
    const fit = passwordFieldFit('{PXZ}', '山田太郎山田太'); // 7 chars, 21 bytes
    expect(fit.usernameBytes).toBe(21);
    expect(fit.fits).toBe(false);
    expect(fit.over).toBe(fit.length - 64);
  });

  it('answers 0 when even one byte cannot fit', () => {
    expect(longestUsernameBytes('{PXZ}', 30)).toBe(0);
    expect(longestUsernameBytes('[GAX-TOKEN-AUTH]', 50)).toBe(0);
  });
});
