/**
 * Input makers for the fuzz targets: mutations of real samples (bytes, strings, JSON values) and
 * values made from nothing. Each is driven by a small PRNG whose seed fast-check draws, so every
 * input follows from FUZZ_SEED and a failure reports the input itself (the mapped value), not a seed.
 * Hand-rolled rather than composed from fast-check arbitraries because they are several times
 * cheaper per input, which is what lets every IPC channel get its 10,000.
 */
import fc from 'fast-check';

/** mulberry32: tiny, fast, good enough to pick mutations. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** 0 … n-1 */
  int(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** A uniform seed for an Rng. */
export const rngSeed = fc.noBias(fc.integer({ min: 0, max: 0x7fffffff }));

/** The samples, each altered by `mutate` with its own PRNG. */
export function mutatedFrom<S, T>(samples: readonly S[], mutate: (sample: S, rng: Rng) => T): fc.Arbitrary<T> {
  if (samples.length === 0) throw new Error('mutatedFrom needs at least one sample');
  return fc.tuple(fc.nat(samples.length - 1), rngSeed).map(([i, seed]) => mutate(samples[i]!, new Rng(seed)));
}

/** Made from nothing by `make` with its own PRNG. */
export function generatedBy<T>(make: (rng: Rng) => T): fc.Arbitrary<T> {
  return rngSeed.map((seed) => make(new Rng(seed)));
}

// ---------------------------------------------------------------------------------------------
// Bytes

const INTERESTING_BYTES = [
  0x00, 0x01, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x2c, 0x3a, 0x3d, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xef, 0xf0,
  0xf4, 0xf8, 0xfe, 0xff,
];

export function randomBytes(rng: Rng, max: number): Buffer {
  const out = Buffer.alloc(rng.int(max + 1));
  for (let i = 0; i < out.length; i++) out[i] = rng.chance(0.3) ? rng.pick(INTERESTING_BYTES) : rng.int(256);
  return out;
}

/**
 * 1–6 of: flip a bit, set a byte, insert bytes, delete a range, duplicate a range, splice in part of
 * another sample, cut the end, or repeat a range many times (long lines) — never past `maxBytes`.
 */
export function mutateBytes(sample: Uint8Array, rng: Rng, pool: readonly Uint8Array[] = [], maxBytes = 1 << 16): Buffer {
  let b = Buffer.from(sample);
  const ops = 1 + rng.int(6);
  for (let k = 0; k < ops; k++) {
    const at = rng.int(b.length + 1);
    const span = 1 + rng.int(Math.min(16, Math.max(1, b.length - at)));
    switch (rng.int(8)) {
      case 0:
        if (b.length) b[rng.int(b.length)]! ^= 1 << rng.int(8);
        break;
      case 1:
        if (b.length) b[rng.int(b.length)] = rng.chance(0.5) ? rng.pick(INTERESTING_BYTES) : rng.int(256);
        break;
      case 2:
        b = Buffer.concat([b.subarray(0, at), randomBytes(rng, 8), b.subarray(at)]);
        break;
      case 3:
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + span)]);
        break;
      case 4:
        b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + span), b.subarray(at)]);
        break;
      case 5: {
        const other = pool.length ? rng.pick(pool) : b;
        const from = rng.int(other.length + 1);
        b = Buffer.concat([b.subarray(0, at), Buffer.from(other.subarray(from, from + 1 + rng.int(64))), b.subarray(at)]);
        break;
      }
      case 6:
        b = b.subarray(0, at);
        break;
      default: {
        const piece = b.subarray(at, at + span);
        const times = rng.chance(0.2) ? 1 + rng.int(4096) : 1 + rng.int(32);
        b = Buffer.concat([b.subarray(0, at), Buffer.alloc(piece.length * times, piece.length ? piece : ' '), b.subarray(at)]);
      }
    }
    if (b.length > maxBytes) b = b.subarray(0, maxBytes);
  }
  return Buffer.from(b);
}

// ---------------------------------------------------------------------------------------------
// Strings

/** Characters that break parsers: controls, separators, quotes, BOM, lone surrogates, wide characters. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\uffff',
  '"',
  "'",
  '\\',
  '=',
  '#',
  ';',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '-',
  '--',
  '_',
  '+',
  '/',
  '%s',
  '${x}',
  'é',
  'ß',
  '山田',
  '😀',
  'İ',
  '\u0301',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
];

export function randomString(rng: Rng, maxLength: number, alphabet?: readonly string[]): string {
  const n = rng.int(maxLength + 1);
  let s = '';
  for (let i = 0; i < n; i++) {
    if (alphabet && !rng.chance(0.05)) s += rng.pick(alphabet);
    else if (rng.chance(0.15)) s += rng.pick(NASTY_STRINGS);
    else if (rng.chance(0.8)) s += String.fromCharCode(0x20 + rng.int(0x5f));
    else s += String.fromCharCode(rng.int(0x10000));
  }
  return s;
}

/** Like mutateBytes, on UTF-16 code units, with `dictionary` words spliced in as well as other samples. */
export function mutateString(
  sample: string,
  rng: Rng,
  pool: readonly string[] = [],
  dictionary: readonly string[] = NASTY_STRINGS,
  maxLength = 1 << 16,
): string {
  let s = sample;
  const ops = 1 + rng.int(5);
  for (let k = 0; k < ops; k++) {
    const at = rng.int(s.length + 1);
    const span = 1 + rng.int(Math.min(12, Math.max(1, s.length - at)));
    switch (rng.int(7)) {
      case 0:
        if (s.length) {
          const i = rng.int(s.length);
          s = s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << rng.int(8))) + s.slice(i + 1);
        }
        break;
      case 1:
        s = s.slice(0, at) + rng.pick(dictionary) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at + span);
        break;
      case 3:
        s = s.slice(0, at) + s.slice(at, at + span) + s.slice(at);
        break;
      case 4: {
        const other = pool.length ? rng.pick(pool) : s;
        const from = rng.int(other.length + 1);
        s = s.slice(0, at) + other.slice(from, from + 1 + rng.int(32)) + s.slice(at);
        break;
      }
      case 5:
        s = rng.chance(0.5) ? s.slice(0, at) : s.slice(at);
        break;
      default:
        s = s.slice(0, at) + s.slice(at, at + span).repeat(rng.chance(0.2) ? 1 + rng.int(2048) : 1 + rng.int(16)) + s.slice(at);
    }
    if (s.length > maxLength) s = s.slice(0, maxLength);
  }
  return s;
}
