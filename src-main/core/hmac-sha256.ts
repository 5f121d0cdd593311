/**
 * HMAC-SHA256 for short messages with a fixed key, in plain JavaScript.
 *
 * Why not `crypto.createHmac`: for a 16–60 byte token body Node's HMAC spends most of its ~3 µs
 * creating objects and crossing into C++, not hashing. With the key's inner and outer pad blocks
 * hashed once per token-uuid (HMAC's standard precomputation, RFC 2104 §4), a tag costs two
 * SHA-256 compressions here. The result is checked against Node's crypto in the tests (the spec's
 * vectors and random keys and messages). Constant time: only 32-bit arithmetic, no branch or table
 * index depends on the key or the message.
 *
 * Speed (each choice measured against the previous version; together a tag takes ~55% of the time):
 * words live in Int32Arrays, whose reads stay small integers (a Uint32Array read above 2^31 becomes a
 * double); message bytes go straight into the schedule `W` and the inner digest straight into the
 * outer block, with no byte buffer between; a compression reads one state and writes another, so no
 * state is copied first. Unrolling the 64 rounds made a lone HMAC faster but a whole token check
 * slower (measured on Node 20), so the rounds stay a loop.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

// Module scratch. Shared safely: every use runs to completion synchronously (no await, no callback)
// and none of it is ever handed to a caller; `mac()` copies its result out.
/** The message schedule; a block is loaded into W[0…16) before each compression. */
const W = new Int32Array(64);
const INNER = new Int32Array(8);
const OUTER = new Int32Array(8);

/** One SHA-256 compression of the block in W[0…16): `to` = `from` + compress(`from`, W). `to` may be `from`. */
function compress(from: Int32Array, to: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = from[0]!;
  let b = from[1]!;
  let c = from[2]!;
  let d = from[3]!;
  let e = from[4]!;
  let f = from[5]!;
  let g = from[6]!;
  let h = from[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    // ch = (e & f) ^ (~e & g) and maj = (a & b) ^ (a & c) ^ (b & c), each with one operation fewer.
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + S0 + ((b & c) | (d & (b | c)))) | 0;
  }
  to[0] = (from[0]! + a) | 0;
  to[1] = (from[1]! + b) | 0;
  to[2] = (from[2]! + c) | 0;
  to[3] = (from[3]! + d) | 0;
  to[4] = (from[4]! + e) | 0;
  to[5] = (from[5]! + f) | 0;
  to[6] = (from[6]! + g) | 0;
  to[7] = (from[7]! + h) | 0;
}

/** W[0…16) = the 64 bytes at `bytes[offset…]`, big-endian words. */
function loadBlock(bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
}

/**
 * `to` = the SHA-256 state after hashing `msg`, with padding, on top of `from`, a state that has already
 * taken `prefixBytes` (whole blocks).
 */
function hashRest(from: Int32Array, to: Int32Array, msg: Uint8Array, prefixBytes: number): void {
  let state = from;
  let offset = 0;
  for (; offset + 64 <= msg.length; offset += 64) {
    loadBlock(msg, offset);
    compress(state, to);
    state = to;
  }
  const rest = msg.length - offset;
  for (let i = 0; i < 16; i++) W[i] = 0;
  for (let i = 0; i < rest; i++) W[i >> 2]! |= msg[offset + i]! << (24 - ((i & 3) << 3));
  W[rest >> 2]! |= 0x80 << (24 - ((rest & 3) << 3));
  if (rest + 9 > 64) {
    compress(state, to);
    state = to;
    for (let i = 0; i < 16; i++) W[i] = 0;
  }
  // Messages here are far below 2^32 bits: the high length word stays zero.
  W[15] = (prefixBytes + msg.length) * 8;
  compress(state, to);
}

/** HMAC-SHA256 keyed once; `mac()` is then two or three compressions for a short message. */
export class HmacSha256 {
  private readonly innerStart = new Int32Array(8);
  private readonly outerStart = new Int32Array(8);

  /** `key`: up to 64 bytes (PXZ-1 keys are 32). */
  constructor(key: Uint8Array) {
    if (key.length > 64) throw new RangeError('HmacSha256 takes keys of at most 64 bytes');
    const pad = new Uint8Array(64);
    pad.set(key);
    for (let i = 0; i < 64; i++) pad[i]! ^= 0x36;
    loadBlock(pad, 0);
    compress(IV, this.innerStart);
    for (let i = 0; i < 64; i++) pad[i]! ^= 0x36 ^ 0x5c;
    loadBlock(pad, 0);
    compress(IV, this.outerStart);
    pad.fill(0);
    W.fill(0);
  }

  /** The full 32-byte tag as 8 words in OUTER (module scratch; read it before the next call). */
  private compute(msg: Uint8Array): Int32Array {
    hashRest(this.innerStart, INNER, msg, 64);
    // The outer message is the 32-byte inner digest: one block, its padding and length fixed.
    for (let i = 0; i < 8; i++) W[i] = INNER[i]!;
    W[8] = 0x80 << 24;
    for (let i = 9; i < 15; i++) W[i] = 0;
    W[15] = (64 + 32) * 8;
    compress(this.outerStart, OUTER);
    return OUTER;
  }

  /** The first `bytes` bytes of HMAC-SHA256(key, msg). */
  mac(msg: Uint8Array, bytes = 32): Buffer {
    const state = this.compute(msg);
    const out = Buffer.allocUnsafe(32);
    for (let i = 0; i < 8; i++) {
      const w = state[i]!;
      out[i * 4] = w >>> 24;
      out[i * 4 + 1] = (w >>> 16) & 0xff;
      out[i * 4 + 2] = (w >>> 8) & 0xff;
      out[i * 4 + 3] = w & 0xff;
    }
    return bytes === 32 ? out : out.subarray(0, bytes);
  }

  /**
   * Whether `tag` equals the first tag.length (a multiple of 4, ≤ 32) bytes of the HMAC: every byte is
   * compared, no early exit, nothing allocated.
   */
  matches(msg: Uint8Array, tag: Uint8Array): boolean {
    if (tag.length === 0 || tag.length > 32 || tag.length % 4 !== 0) return false;
    const state = this.compute(msg);
    const words = tag.length >> 2;
    let diff = 0;
    for (let i = 0; i < words; i++) {
      const j = i * 4;
      diff |= ((tag[j]! << 24) | (tag[j + 1]! << 16) | (tag[j + 2]! << 8) | tag[j + 3]!) ^ state[i]!;
    }
    return diff === 0;
  }
}
