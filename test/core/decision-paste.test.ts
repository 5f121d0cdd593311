// A badly copied token keeps the spec's code, but the words name the copy mistake, not the symptom.
import { describe, expect, it } from 'vitest';
import { decide, mintToken } from '../../src-main/core/index.js';

const U = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const IAT = 1767238671;

function token(user = 'alice'): string {
  const m = mintToken({ tokenUuid: U, username: user, iat: IAT, exp: IAT + 20 * 60 });
  if (!m.ok) throw new Error(m.reason);
  return m.value.token;
}

const judge = (value: string, userName?: string) => decide({ value, tokenUuid: U, userName, now: IAT + 5, options: {} });

describe('decide() names paste mistakes', () => {
  it('a leading space: NOT_A_TOKEN, worded as the space, not as a missing preamble', () => {
    const d = judge(` ${token()}`, 'alice');
    expect(d.code).toBe('NOT_A_TOKEN');
    expect(d.pasteMistake?.kind).toBe('whitespace');
    expect(d.message).toMatch(/^the value has white space before the token/);
    expect(d.message).toContain('(reported as NOT_A_TOKEN)');
    expect(d.message).not.toMatch(/does not start with the preamble/);
    expect(d.hint).toMatch(/Remove the white space/);
    expect(d.source).toEqual({ kind: 'model', id: 'PXZ-1' });
  });

  it('a trailing line break: the decoder says MALFORMED_ENCODING, the words say line break', () => {
    const d = judge(`${token()}\n`, 'alice');
    expect(d.code).toBe('MALFORMED_ENCODING');
    expect(d.pasteMistake?.kind).toBe('line-break');
    expect(d.message).toMatch(/line break after the token/);
    expect(d.message).not.toMatch(/base64url/);
  });

  it('a token wrapped across two lines', () => {
    const t = token();
    const d = judge(`${t.slice(0, 20)}\n${t.slice(20)}`, 'alice');
    expect(d.code).toBe('MALFORMED_ENCODING');
    expect(d.pasteMistake?.kind).toBe('line-break');
    expect(d.hint).toMatch(/Join it into one line/);
  });

  it('a preamble in lower case: NOT_A_TOKEN, worded as case-sensitive', () => {
    const d = judge(`{pxz}${token().slice(5)}`, 'alice');
    expect(d.code).toBe('NOT_A_TOKEN');
    expect(d.pasteMistake?.kind).toBe('preamble-case');
    expect(d.message).toMatch(/compared exactly/);
  });

  it('a token with its preamble missing', () => {
    const d = judge(token().slice(5), 'alice');
    expect(d.code).toBe('NOT_A_TOKEN');
    expect(d.pasteMistake?.kind).toBe('preamble-missing');
    expect(d.hint).toContain('including "{PXZ}"');
  });

  it('a token cut by 3 characters: BAD_SIGNATURE by code, "cut short" in words, no word of another token-uuid', () => {
    // for "default" the cut still decodes (as a shorter name): only the signature fails
    const d = judge(token('default').slice(0, -3), 'default');
    expect(d.code).toBe('BAD_SIGNATURE');
    expect(d.pasteMistake?.kind).toBe('truncated');
    expect(d.message).toMatch(/cut short by 3 characters/);
    expect(d.message).not.toMatch(/different token-uuid/);
    expect(d.hint).toMatch(/before suspecting the token-uuid/);
  });

  it('a token cut to an impossible length, user unknown: the decoder code stays, the words say cut', () => {
    const t = token();
    const d = decide({ value: t.slice(0, -3), tokenUuid: U, now: IAT + 5 });
    expect(d.code).toBe('MALFORMED_ENCODING');
    expect(d.pasteMistake?.kind).toBe('truncated');
    expect(d.message).toMatch(/cut short/);
  });

  it('characters pasted after the token, user known', () => {
    const d = judge(`${token()}A`, 'alice');
    expect(d.code).toBe('MALFORMED_ENCODING');
    expect(d.pasteMistake?.kind).toBe('too-long');
    expect(d.message).toMatch(/1 character too many/);
    expect(d.source.kind).toBe('advice');
  });

  it('leaves the usual words where no mistake is seen', () => {
    const other = mintToken({ tokenUuid: '0d9e6b7a-1c2f-4e3d-9a8b-7c6d5e4f3a21', username: 'alice', iat: IAT, exp: IAT + 1200 });
    if (!other.ok) throw new Error(other.reason);
    const d = judge(other.value.token, 'alice');
    expect(d.code).toBe('BAD_SIGNATURE');
    expect(d.pasteMistake).toBeUndefined();
    expect(d.message).toMatch(/different token-uuid/);
    expect(d.hint).toMatch(/Connect's trace shows the token-uuid it signed with/);
    // a plain password with a space around it is a password, not a badly copied token
    const p = judge(' s3cret ', 'alice');
    expect(p.code).toBe('NOT_A_TOKEN');
    expect(p.pasteMistake).toBeUndefined();
    expect(p.message).toMatch(/does not start with the preamble/);
    expect(judge(token(), 'alice').pasteMistake).toBeUndefined();
  });
});
