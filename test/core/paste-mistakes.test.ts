import { describe, expect, it } from 'vitest';
import { decodeToken, mintToken } from '../../src-main/core/index.js';
import { expectedTokenLength, findPasteMistake } from '../../src-main/core/paste-mistakes.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const TOKEN = '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI';

function mint(username: string, preamble = '{PXZ}'): string {
  const r = mintToken({ tokenUuid: UUID, username, iat: 1767238671, exp: 1767239871, preamble });
  if (!r.ok) throw new Error('mint failed');
  return r.value.token;
}

describe('findPasteMistake', () => {
  it('finds nothing in a whole token, with or without its user', () => {
    expect(findPasteMistake(TOKEN, '{PXZ}')).toBeNull();
    expect(findPasteMistake(TOKEN, '{PXZ}', 'default')).toBeNull();
    for (const user of ['a', 'ab', 'abc', 'abcd', 'gax_admin_user_0001', 'józef']) {
      const t = mint(user);
      expect(t.length).toBe(expectedTokenLength('{PXZ}', user));
      expect(findPasteMistake(t, '{PXZ}', user)).toBeNull();
      expect(findPasteMistake(t, '{PXZ}')).toBeNull();
    }
  });

  it('names a leading space, not a missing preamble', () => {
    const m = findPasteMistake(` ${TOKEN}`, '{PXZ}');
    expect(m?.kind).toBe('whitespace');
    expect(m?.message).toMatch(/white space before the token/);
    expect(m?.message).not.toMatch(/preamble/);
  });

  it('names a trailing line break and a token wrapped across lines', () => {
    expect(findPasteMistake(`${TOKEN}\r\n`, '{PXZ}')?.kind).toBe('line-break');
    expect(findPasteMistake(`${TOKEN}\n`, '{PXZ}')?.message).toMatch(/line break after/);
    const wrapped = `${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}`;
    expect(findPasteMistake(wrapped, '{PXZ}')?.kind).toBe('line-break');
  });

  it('says the preamble is compared exactly, as the tool’s model, for {pxz}', () => {
    const m = findPasteMistake(`{pxz}${TOKEN.slice(5)}`, '{PXZ}');
    expect(m?.kind).toBe('preamble-case');
    expect(m?.message).toMatch(/compared exactly/);
    expect(m?.message).toMatch(/tool's model/);
    expect(m?.source).toEqual({ kind: 'model', id: 'PXZ-1' });
  });

  it('names a token whose preamble is missing, and leaves a plain password alone', () => {
    expect(findPasteMistake(TOKEN.slice(5), '{PXZ}')?.kind).toBe('preamble-missing');
    expect(findPasteMistake('s3cret', '{PXZ}')).toBeNull();
    expect(findPasteMistake('{pxz}hello', '{PXZ}')).toBeNull();
    expect(findPasteMistake('correcthorsebatterystaple', '{PXZ}')).toBeNull();
  });

  it('tells a token cut by 3 characters by its length, before any signature check', () => {
    const cut = TOKEN.slice(0, -3);
    // the decoder still reads it: the cut is invisible to it until the signature fails
    expect(decodeToken(cut).ok).toBe(true);
    const m = findPasteMistake(cut, '{PXZ}', 'default');
    expect(m?.kind).toBe('truncated');
    expect(m?.message).toMatch(/45 characters; a token for "default" has 48/);
    expect(m?.message).toMatch(/cut short by 3 characters/);
    expect(m?.hint).toMatch(/before suspecting the token-uuid/);
  });

  it('tells a cut by an impossible body length when the user is not known', () => {
    expect(findPasteMistake(TOKEN.slice(0, -2), '{PXZ}')?.kind).toBe('truncated');
    expect(findPasteMistake(TOKEN.slice(0, 12), '{PXZ}')?.kind).toBe('truncated');
  });

  it('names extra characters pasted after a whole token for the request user', () => {
    expect(findPasteMistake(`${TOKEN}abcd`, '{PXZ}', 'default')?.kind).toBe('too-long');
  });

  it('works with another preamble and never throws on odd input', () => {
    const t = mint('default', '[TKN]');
    expect(findPasteMistake(t, '[TKN]', 'default')).toBeNull();
    expect(findPasteMistake(`[tkn]${t.slice(5)}`, '[TKN]')?.kind).toBe('preamble-case');
    for (const v of ['', ' ', '\n', '{PXZ}', '{PXZ}=', '\u0000', '{PXZ}' + 'A'.repeat(5000)]) {
      expect(() => findPasteMistake(v, '{PXZ}', 'default')).not.toThrow();
      expect(() => findPasteMistake(v, '')).not.toThrow();
    }
  });
});
