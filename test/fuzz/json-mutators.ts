/**
 * JSON values (and what else a structured clone or JSON.parse can deliver) made from nothing or
 * mutated from real samples; the PRNG and string makers are in mutators.ts.
 */
import { NASTY_STRINGS, mutateString, randomString, type Rng } from './mutators.js';

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  2,
  7,
  60,
  255,
  256,
  1024,
  65535,
  65536,
  0xffffffff,
  0x100000000,
  2147483647,
  -2147483648,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  5e-324,
  0.5,
  -1.5,
  3.14159,
];

export function randomNumber(rng: Rng): number {
  return rng.chance(0.6) ? rng.pick(NUMBERS) : rng.chance(0.5) ? rng.int(100000) - 50000 : (rng.next() / 97) * (rng.chance(0.5) ? 1 : -1);
}

export interface JsonShape {
  /** object keys to prefer: the schema's own field names and near misses */
  keys?: readonly string[];
  /** also values JSON cannot carry but Electron's structured clone can: undefined, NaN, BigInt, Date, Map, cycles… */
  exotic?: boolean;
}

function exoticValue(rng: Rng): unknown {
  switch (rng.int(9)) {
    case 0:
      return undefined;
    case 1:
      return rng.pick([NaN, Infinity, -Infinity]);
    case 2:
      return BigInt(rng.int(1000)) ** 3n;
    case 3:
      return new Date(rng.chance(0.5) ? NaN : rng.next() * 1000);
    case 4:
      return new Map([['a', 1]]);
    case 5:
      return new Uint8Array([1, 2, 3]);
    case 6: {
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic['self'] = cyclic;
      return cyclic;
    }
    case 7:
      // eslint-disable-next-line no-sparse-arrays -- a hole is the input under test
      return [1, , 3]; // sparse
    default:
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as unknown;
  }
}

export function randomJson(rng: Rng, shape: JsonShape = {}, depth = 3): unknown {
  if (shape.exotic && rng.chance(0.05)) return exoticValue(rng);
  const leafOnly = depth <= 0;
  switch (rng.int(leafOnly ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return randomNumber(rng);
    case 3:
      return rng.chance(0.05) ? 'x'.repeat(1 + rng.int(70_000)) : randomString(rng, 24);
    case 4:
      return Array.from({ length: rng.int(5) }, () => randomJson(rng, shape, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      const n = rng.int(5);
      for (let i = 0; i < n; i++) {
        const key = shape.keys?.length && rng.chance(0.7) ? rng.pick(shape.keys) : randomString(rng, 10);
        Object.defineProperty(o, key, { value: randomJson(rng, shape, depth - 1), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
  }
}

type Container = Record<string, unknown> | unknown[];

/** A deep copy of plain objects and arrays (several times cheaper than structuredClone); anything else is shared. */
function copy(v: unknown, depth = 0): unknown {
  if (typeof v !== 'object' || v === null || depth > 32) return v;
  if (Array.isArray(v)) return v.map((x) => copy(x, depth + 1));
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    Object.defineProperty(out, k, { value: copy(x, depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Plain objects and arrays: a Map, a Date or a typed array is a value to replace, not to edit. */
function isContainer(v: unknown): v is Container {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/** Every container inside `v` (v included), for picking where to mutate. */
function containers(v: unknown, out: Container[] = [], depth = 0): Container[] {
  if (!isContainer(v) || depth > 8) return out;
  out.push(v);
  for (const child of Object.values(v)) containers(child, out, depth + 1);
  return out;
}

/** JSON text of a value, or a stand-in for one JSON cannot write (a cycle, a BigInt). */
function asText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return '[unserialisable]';
  }
}

/** The same value in another JSON type: what a renderer bug or a hand-made request sends. */
function swapType(v: unknown, rng: Rng): unknown {
  if (v === undefined) return rng.pick([null, '', 0, 'undefined']);
  if (typeof v === 'bigint') return rng.pick([Number(v), String(v)]);
  if (typeof v === 'string') return rng.pick([Number(v), v.length, [v], { value: v }, null, v === 'true']);
  if (typeof v === 'number') return rng.pick([String(v), [v], null, v !== 0, -v, v + 0.5]);
  if (typeof v === 'boolean') return rng.pick([String(v), Number(v), null]);
  if (v === null) return rng.pick(['null', 0, false, {}, []]);
  if (Array.isArray(v)) return rng.pick([v[0], { ...v }, asText(v), v.length]);
  return rng.pick([[v], asText(v), Object.keys(v as object), null]);
}

/**
 * 1–4 of, at a random place inside a deep copy: replace a value (another type, a random one, a long
 * string, a piece of another sample), delete a key, add a known or unknown key, duplicate or drop an
 * array element, or wrap the whole value.
 */
export function mutateJson(sample: unknown, rng: Rng, pool: readonly unknown[] = [], shape: JsonShape = {}): unknown {
  let root: unknown = copy(sample);
  const ops = 1 + rng.int(4);
  for (let k = 0; k < ops; k++) {
    const all = containers(root);
    if (all.length === 0 || rng.chance(0.04)) {
      root = rng.chance(0.5) ? swapType(root, rng) : randomJson(rng, shape);
      continue;
    }
    const c = rng.pick(all);
    const keys = Object.keys(c);
    const key = keys.length ? rng.pick(keys) : undefined;
    const set = (k: string, v: unknown) => Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
    switch (rng.int(8)) {
      case 0:
        if (key !== undefined) set(key, swapType((c as Record<string, unknown>)[key], rng));
        break;
      case 1:
        if (key !== undefined) set(key, randomJson(rng, shape, 2));
        break;
      case 2:
        if (key !== undefined) {
          if (Array.isArray(c)) c.splice(Number(key), 1);
          else delete c[key];
        }
        break;
      case 3: {
        const newKey = shape.keys?.length && rng.chance(0.6) ? rng.pick(shape.keys) : rng.pick(NASTY_STRINGS.concat(['extra', 'type', 'id']));
        if (Array.isArray(c)) c.push(randomJson(rng, shape, 1));
        else set(newKey, randomJson(rng, shape, 1));
        break;
      }
      case 4:
        if (Array.isArray(c) && c.length) c.push(...Array.from({ length: 1 + rng.int(rng.chance(0.1) ? 300 : 3) }, () => copy(c[0])));
        else if (key !== undefined) set(key, rng.pick(['', ' ', 'x'.repeat(1 + rng.int(5000)), rng.pick(NASTY_STRINGS)]));
        break;
      case 5:
        if (key !== undefined) set(key, rng.pick([randomNumber(rng), -1, 0, 1.5, 1e100]));
        break;
      case 6:
        if (key !== undefined && pool.length) {
          const donor = containers(copy(rng.pick(pool)));
          const from = donor.length ? rng.pick(donor) : null;
          const fromKeys = from ? Object.keys(from) : [];
          if (from && fromKeys.length) set(key, (from as Record<string, unknown>)[rng.pick(fromKeys)]);
        }
        break;
      default:
        if (shape.exotic && key !== undefined) set(key, exoticValue(rng));
        else if (key !== undefined && typeof (c as Record<string, unknown>)[key] === 'string')
          set(key, mutateString((c as Record<string, string>)[key]!, rng));
    }
  }
  return root;
}
