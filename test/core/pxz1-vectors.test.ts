// Every row of PXZ-1's test vectors (test/fixtures/pxz1-vectors.json; the format is docs/pxz1-token.md).
import { describe, expect, it } from 'vitest';
import { decide, decodeToken, deriveKey, mintToken, parseTokenUuid, tokenLength } from '../../src-main/core/index.js';
import { PXZ1_VECTORS } from '../helpers/pxz1-vectors.js';

const vectors = PXZ1_VECTORS;

describe('pxz1-vectors.json', () => {
  it('is the PXZ-1 vector set, with every section populated', () => {
    expect(vectors.format).toBe('PXZ-1');
    for (const section of ['uuidParsing', 'keys', 'mint', 'decode', 'validate'] as const) expect(vectors[section].length).toBeGreaterThan(0);
  });

  it.each(vectors.uuidParsing)('uuidParsing $input', (row) => {
    const parsed = parseTokenUuid(row.input);
    if (row.valid) {
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(Buffer.from(parsed.bytes).toString('hex')).toBe(row.bytesHex);
    } else {
      expect(parsed).toMatchObject({ ok: false, code: row.error });
    }
  });

  it.each(vectors.keys)('key for $tokenUuid', (row) => {
    const key = deriveKey(row.tokenUuid);
    expect(key.ok && key.key.toString('hex')).toBe(row.keyHex);
  });

  it.each(vectors.mint)('mint $username with $preamble', (row) => {
    const minted = mintToken(row);
    expect(minted.ok).toBe(true);
    if (!minted.ok) return;
    expect(minted.value.body.toString('hex')).toBe(row.bodyHex);
    expect(minted.value.tag.toString('hex')).toBe(row.tagHex);
    expect(minted.value.token).toBe(row.token);
    expect(minted.value.length).toBe(row.length);
    expect(tokenLength(row.preamble.length, Buffer.byteLength(row.username))).toBe(row.length);
  });

  it.each(vectors.decode)('decode $token', (row) => {
    const decoded = decodeToken(row.token, row.preamble);
    if (row.expect) {
      expect(decoded.ok).toBe(true);
      if (decoded.ok) expect(decoded.value).toMatchObject({ ...row.expect, version: 1, preamble: row.preamble });
    } else {
      expect(decoded).toMatchObject({ ok: false, code: row.error });
    }
  });

  it.each(vectors.validate)('validate: $note at $now with $options → $expect', (row) => {
    const decision = decide({
      value: row.token,
      preamble: row.preamble,
      tokenUuid: row.tokenUuid,
      userName: row.userName,
      now: row.now,
      options: row.options,
    });
    expect(decision.code).toBe(row.expect);
  });
});
