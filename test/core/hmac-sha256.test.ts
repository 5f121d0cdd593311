// The JavaScript HMAC-SHA256 must equal Node's, byte for byte, at every message length that moves
// the SHA-256 padding across a block boundary, and for random keys and messages.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacSha256 } from '../../src-main/core/hmac-sha256.js';

const node = (key: Uint8Array, msg: Uint8Array) => createHmac('sha256', key).update(msg).digest();

describe('HmacSha256', () => {
  it('equals crypto.createHmac at every length from 0 to 300 bytes', () => {
    const key = Buffer.alloc(32, 0xa5);
    const h = new HmacSha256(key);
    for (let n = 0; n <= 300; n++) {
      const msg = Buffer.alloc(n, n & 0xff);
      expect(h.mac(msg).toString('hex'), `length ${n}`).toBe(node(key, msg).toString('hex'));
    }
  });

  it('equals crypto.createHmac for random keys (1–64 bytes) and messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uint8Array({ maxLength: 400 }), (key, msg) => {
        const h = new HmacSha256(key);
        const expected = node(key, msg);
        expect(Buffer.from(h.mac(msg)).equals(expected)).toBe(true);
        expect(h.matches(msg, expected.subarray(0, 16))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a tag with any bit flipped, and tags of odd sizes', () => {
    const key = Buffer.alloc(32, 7);
    const msg = Buffer.from('016955ec0f6955f0bf64656661756c74', 'hex');
    const h = new HmacSha256(key);
    const tag = node(key, msg).subarray(0, 16);
    for (let bit = 0; bit < 128; bit++) {
      const bad = Buffer.from(tag);
      bad[bit >> 3]! ^= 1 << (bit & 7);
      expect(h.matches(msg, bad), `bit ${bit}`).toBe(false);
    }
    expect(h.matches(msg, tag.subarray(0, 15))).toBe(false);
    expect(h.matches(msg, Buffer.alloc(0))).toBe(false);
  });

  it('refuses keys longer than a block (PXZ-1 keys are 32 bytes)', () => {
    expect(() => new HmacSha256(new Uint8Array(65))).toThrow(RangeError);
  });
});
