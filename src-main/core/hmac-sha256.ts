/**
 * HMAC-SHA256 for short messages with a fixed key, in plain JavaScript.
 *
 * Why not `crypto.createHmac`: for a 16–60 byte token body Node's HMAC spends most of its ~3 µs
 * creating objects and crossing into C++, not hashing. With the key's inner and outer pad blocks
 * hashed once per token-uuid (HMAC's standard precomputation, RFC 2104 §4), a tag costs two
 * SHA-256 compressions here. The result is checked against Node's crypto in the tests (the spec's
 * vectors and random keys and messages). Constant time: only 32-bit arithmetic, no branch or table
 * index depends on the key or the message.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Uint32Array(64);
const BLOCK = new Uint8Array(64);

/** One SHA-256 compression of `block[offset … offset+64)` into `state`. */
function compress(state: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** Hashes the rest of a message whose first `prefixBytes` are already in `state`, with SHA-256 padding. */
function finish(state: Uint32Array, msg: Uint8Array, prefixBytes: number): void {
  let offset = 0;
  for (; offset + 64 <= msg.length; offset += 64) compress(state, msg, offset);
  const rest = msg.length - offset;
  BLOCK.fill(0);
  for (let i = 0; i < rest; i++) BLOCK[i] = msg[offset + i]!;
  BLOCK[rest] = 0x80;
  if (rest + 9 > 64) {
    compress(state, BLOCK, 0);
    BLOCK.fill(0);
  }
  const bits = (prefixBytes + msg.length) * 8;
  // Messages here are far below 2^32 bits: the high length word stays zero.
  BLOCK[60] = bits >>> 24;
  BLOCK[61] = (bits >>> 16) & 0xff;
  BLOCK[62] = (bits >>> 8) & 0xff;
  BLOCK[63] = bits & 0xff;
  compress(state, BLOCK, 0);
}

function stateBytes(state: Uint32Array, into: Uint8Array, words: number): void {
  for (let i = 0; i < words; i++) {
    const w = state[i]!;
    into[i * 4] = w >>> 24;
    into[i * 4 + 1] = (w >>> 16) & 0xff;
    into[i * 4 + 2] = (w >>> 8) & 0xff;
    into[i * 4 + 3] = w & 0xff;
  }
}

const INNER = new Uint32Array(8);
const OUTER = new Uint32Array(8);
const DIGEST = new Uint8Array(32);

/** HMAC-SHA256 keyed once; `mac()` is then two or three compressions for a short message. */
export class HmacSha256 {
  private readonly innerStart = new Uint32Array(8);
  private readonly outerStart = new Uint32Array(8);

  /** `key`: up to 64 bytes (PXZ-1 keys are 32). */
  constructor(key: Uint8Array) {
    if (key.length > 64) throw new RangeError('HmacSha256 takes keys of at most 64 bytes');
    const pad = new Uint8Array(64);
    pad.set(key);
    for (let i = 0; i < 64; i++) pad[i]! ^= 0x36;
    this.innerStart.set(IV);
    compress(this.innerStart, pad, 0);
    for (let i = 0; i < 64; i++) pad[i]! ^= 0x36 ^ 0x5c;
    this.outerStart.set(IV);
    compress(this.outerStart, pad, 0);
    pad.fill(0);
  }

  /** The full 32-byte tag into OUTER (module scratch; read it before the next call). */
  private compute(msg: Uint8Array): Uint32Array {
    INNER.set(this.innerStart);
    finish(INNER, msg, 64);
    stateBytes(INNER, DIGEST, 8);
    OUTER.set(this.outerStart);
    finish(OUTER, DIGEST, 64);
    return OUTER;
  }

  /** The first `bytes` bytes of HMAC-SHA256(key, msg). */
  mac(msg: Uint8Array, bytes = 32): Buffer {
    const state = this.compute(msg);
    const out = Buffer.allocUnsafe(32);
    stateBytes(state, out, 8);
    return bytes === 32 ? out : out.subarray(0, bytes);
  }

  /** Whether `tag` equals the first tag.length (a multiple of 4, ≤ 32) bytes of the HMAC: every byte is compared, no early exit. */
  matches(msg: Uint8Array, tag: Uint8Array): boolean {
    if (tag.length === 0 || tag.length > 32 || tag.length % 4 !== 0) return false;
    const state = this.compute(msg);
    let diff = 0;
    for (let i = 0; i < tag.length / 4; i++) {
      const j = i * 4;
      const word = ((tag[j]! << 24) | (tag[j + 1]! << 16) | (tag[j + 2]! << 8) | tag[j + 3]!) | 0;
      diff |= word ^ state[i]!;
    }
    return diff === 0;
  }
}
