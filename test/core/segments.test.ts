import { describe, expect, it } from 'vitest';
import { decodeToken, tokenSegments } from '../../src-main/core/index.js';

describe('tokenSegments', () => {
  const token = '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI';
  const decoded = decodeToken(token);
  if (!decoded.ok) throw new Error('vector did not decode');
  const segments = tokenSegments(token, decoded.value);

  it('covers the whole token, in order, with every part once', () => {
    expect(segments.map((s) => s.part)).toEqual(['preamble', 'version', 'issued', 'expires', 'username', 'signature']);
    expect(segments.map((s) => s.text).join('')).toBe(token);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.charStart).toBe(segments[i - 1]!.charEnd);
  });

  it('lists the exact bytes of each part', () => {
    const byPart = Object.fromEntries(segments.map((s) => [s.part, s.bytesHex]));
    expect(byPart).toMatchObject({
      preamble: '7b50585a7d',
      version: '01',
      issued: '6955ec0f',
      expires: '6955f0bf',
      username: Buffer.from('default').toString('hex'),
      signature: '35041cefe57d7c1a25edd7fc728d52f2',
    });
  });
});
