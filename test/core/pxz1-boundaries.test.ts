// The codec's edges, each tested exactly (one reason per test): the longest username and one byte
// more, a token that expires the second it is issued, and a body one byte short of the minimum.
import { describe, expect, it } from 'vitest';
import { decodeToken, MAX_USERNAME_BYTES, MIN_BODY_BYTES, mintToken } from '../../src-main/core/index.js';

const UUID = '3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42';
const IAT = 1767238671;

/** A token body built by hand (the minter refuses what these tests need): header, username, a zero tag. */
function handMade(username: Buffer, iat = IAT, exp = IAT + 1200): string {
  const header = Buffer.alloc(9);
  header[0] = 0x01;
  header.writeUInt32BE(iat, 1);
  header.writeUInt32BE(exp, 5);
  return `{PXZ}${Buffer.concat([header, username, Buffer.alloc(16)]).toString('base64url')}`;
}

describe('username length', () => {
  it(`mints and decodes a ${MAX_USERNAME_BYTES}-byte username`, () => {
    const username = 'é'.repeat(127) + 'a'; // 127 × 2 bytes + 1 = 255 bytes in UTF-8
    expect(Buffer.byteLength(username)).toBe(255);
    const minted = mintToken({ tokenUuid: UUID, username, iat: IAT, exp: IAT + 1200 });
    if (!minted.ok) throw new Error(minted.reason);
    const decoded = decodeToken(minted.value.token);
    expect(decoded.ok && decoded.value.username).toBe(username);
  });

  it('refuses to mint a 256-byte username, naming the limit', () => {
    const minted = mintToken({ tokenUuid: UUID, username: 'a'.repeat(256), iat: IAT, exp: IAT + 1200 });
    expect(minted).toEqual({ ok: false, code: 'INVALID_USERNAME', reason: 'the username is 256 bytes in UTF-8; at most 255 are allowed' });
  });

  it("decodes a 256-byte username: the spec's six decoding steps have no length rule (the minter has)", () => {
    const decoded = decodeToken(handMade(Buffer.from('a'.repeat(256))));
    expect(decoded.ok && Buffer.byteLength(decoded.value.username)).toBe(256);
  });
});

describe('exp == iat', () => {
  it('mints and decodes a token that expires the second it is issued', () => {
    const minted = mintToken({ tokenUuid: UUID, username: 'default', iat: IAT, exp: IAT });
    if (!minted.ok) throw new Error(minted.reason);
    const decoded = decodeToken(minted.value.token);
    expect(decoded.ok && [decoded.value.iat, decoded.value.exp]).toEqual([IAT, IAT]);
  });

  it('one second less is INVALID_TIMES, in mint and in decode', () => {
    expect(mintToken({ tokenUuid: UUID, username: 'default', iat: IAT, exp: IAT - 1 })).toMatchObject({ ok: false, code: 'INVALID_TIMES' });
    expect(decodeToken(handMade(Buffer.from('default'), IAT, IAT - 1))).toMatchObject({ ok: false, code: 'INVALID_TIMES' });
  });
});

describe('the shortest body', () => {
  it(`a ${MIN_BODY_BYTES - 1}-byte body is TRUNCATED`, () => {
    expect(MIN_BODY_BYTES).toBe(26);
    const token = `{PXZ}${Buffer.alloc(25, 1).toString('base64url')}`;
    expect(decodeToken(token)).toEqual({ ok: false, code: 'TRUNCATED', reason: 'the body is 25 bytes; a PXZ-1 token has at least 26' });
  });

  it(`a ${MIN_BODY_BYTES}-byte body (a one-byte username) is read`, () => {
    const decoded = decodeToken(handMade(Buffer.from('a')));
    expect(decoded.ok && decoded.value.username).toBe('a');
  });

  it('a minted token cut to 25 body bytes is TRUNCATED', () => {
    const minted = mintToken({ tokenUuid: UUID, username: 'default', iat: IAT, exp: IAT + 1200 });
    if (!minted.ok) throw new Error(minted.reason);
    const cut = `{PXZ}${minted.value.body.subarray(0, 25).toString('base64url')}`;
    expect(decodeToken(cut)).toMatchObject({ ok: false, code: 'TRUNCATED' });
  });
});
