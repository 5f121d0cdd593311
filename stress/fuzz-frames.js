// Seeded generator of hostile csmock/1 input for the protocol fuzz part: random bytes, valid frames
// with flipped bytes, fields of the wrong type, lines past maxLineBytes, half lines, NULs, invalid
// UTF-8, server messages sent back, deep nesting, mutated tokens, over-long passwords, CR/LF variants
// — and some valid requests, so the fuzzers also register, fail attempts and unregister.
// The same seed gives the same sequence of chunks for each connection, so a failing run can be repeated.

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRONG_VALUES = [null, true, false, 0, -1, 1.5, 2 ** 53, 1e308, '', 'x', '1', [], [1], {}, { a: 1 }];
const INVALID_UTF8 = [[0xff], [0xfe], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80]];

/**
 * makeFrameFuzzer({ seed, maxLineBytes, passwordFieldLimit, goodUser, goodToken }) →
 * { next(): Buffer (one write: one or more frames, or part of one), kinds: { kind: count } }
 */
export function makeFrameFuzzer({ seed, maxLineBytes, passwordFieldLimit, goodUser, goodToken }) {
  const rnd = seededRandom(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const requestId = () => int(1, 1_000_000);
  const line = (obj) => `${JSON.stringify(obj)}\n`;

  const validRequests = () => [
    { type: 'RegisterClient', requestId: requestId(), clientName: 'GAX', userName: goodUser, password: goodToken },
    { type: 'RegisterClient', requestId: requestId(), userName: 'stress-off', password: goodToken },
    { type: 'RegisterClient', requestId: requestId(), userName: 'nobody', password: 'not-the-password' },
    { type: 'GetServerTime', requestId: requestId() },
    { type: 'Ping', requestId: requestId() },
    { type: 'UnregisterClient', requestId: requestId() },
  ];
  // What the server sends, sent back to it (it must not take them for requests).
  const serverMessages = () => [
    { type: 'Hello', protocol: 'csmock/1', server: 'confserv', serverTime: Date.now() },
    { type: 'ServerTime', requestId: requestId(), serverTime: Date.now() },
    { type: 'ClientRegistered', requestId: requestId(), sessionId: 'x', userName: goodUser, authMethod: 'token' },
    { type: 'Error', requestId: null, code: 'BAD_FRAME', message: 'm' },
  ];
  const template = () => pick([...validRequests(), ...serverMessages()]);

  const randomBytes = (n) => {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) b[i] = int(0, 255);
    return b;
  };
  const mutateToken = (token) => {
    const chars = [...token];
    switch (int(0, 4)) {
      case 0: // one character changed
        chars[int(0, chars.length - 1)] = pick(['A', 'z', '0', '-', '_', '=', '{', '}', '\u00e9']);
        return chars.join('');
      case 1: // truncated
        return token.slice(0, int(0, token.length - 1));
      case 2: // extended
        return token + 'A'.repeat(int(1, 8));
      case 3: // another preamble
        return token.replace(/^\{[^}]*\}/, pick(['{PXY}', '{pxz}', '', '{PXZ}{PXZ}']));
      default: // the payload reversed
        return token.slice(0, 5) + token.slice(5).split('').reverse().join('');
    }
  };

  const generators = {
    random: () => randomBytes(int(1, 512)),
    flipped: () => {
      const b = Buffer.from(line(template()));
      for (let n = int(1, 4); n > 0; n--) b[int(0, b.length - 2)] ^= 1 << int(0, 7);
      return b;
    },
    wrongType: () => {
      const obj = template();
      const keys = [...Object.keys(obj), 'type', 'requestId', 'userName', 'password', 'clientName'];
      obj[pick(keys)] = pick(WRONG_VALUES);
      return Buffer.from(line(rnd() < 0.2 ? pick(WRONG_VALUES) : obj));
    },
    huge: () => {
      const n = maxLineBytes + 1 + int(0, maxLineBytes);
      const body =
        rnd() < 0.5 ? 'x'.repeat(n) : line({ type: 'RegisterClient', requestId: 1, userName: goodUser, password: 'p'.repeat(n) }).trimEnd();
      return Buffer.from(rnd() < 0.7 ? `${body}\n` : body); // with no end at all, too
    },
    half: () => {
      const whole = line(template());
      return Buffer.from(whole.slice(0, int(1, whole.length - 2)));
    },
    nul: () => {
      const b = Buffer.from(line(template()));
      if (rnd() < 0.3) return Buffer.concat([Buffer.alloc(int(1, 64)), Buffer.from('\n')]);
      const at = int(0, b.length - 1);
      return Buffer.concat([b.subarray(0, at), Buffer.alloc(int(1, 4)), b.subarray(at)]);
    },
    invalidUtf8: () => {
      const text = line({ type: 'RegisterClient', requestId: requestId(), userName: 'U_U', password: 'P_P' });
      const [a, b] = text.split(pick(['U_U', 'P_P']));
      return Buffer.concat([Buffer.from(a), Buffer.from(pick(INVALID_UTF8)), Buffer.from(b)]);
    },
    unknownType: () =>
      Buffer.from(
        line({ type: pick(['register', 'REGISTERCLIENT', 'Hello', 'RegisterClient ', '', '\u0000', '💥'.repeat(40)]), requestId: requestId() }),
      ),
    serverMessage: () => Buffer.from(line(pick(serverMessages()))),
    deep: () => {
      const depth = int(100, Math.floor((maxLineBytes - 2) / 2));
      return Buffer.from(
        `${rnd() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(Math.floor(depth / 5)) + '1' + '}'.repeat(Math.floor(depth / 5))}\n`,
      );
    },
    mutatedToken: () =>
      Buffer.from(
        line({
          type: 'RegisterClient',
          requestId: requestId(),
          userName: pick([goodUser, 'stress-off', 'nobody']),
          password: mutateToken(goodToken),
        }),
      ),
    longPassword: () =>
      Buffer.from(
        line({ type: 'RegisterClient', requestId: requestId(), userName: goodUser, password: 'x'.repeat(passwordFieldLimit + int(1, 200)) }),
      ),
    lineEnds: () =>
      Buffer.from(pick(['\n', '\r\n', '\r', '\n\n\n', `${line({ type: 'Ping', requestId: requestId() }).trimEnd()}\r\n`, '\r\r\r\n', ' \t \n'])),
    valid: () => Buffer.from(line(pick(validRequests()))),
  };
  /** relative weights: mostly malformed, with huge lines rare (each closes its connection) */
  const weights = {
    random: 12,
    flipped: 14,
    wrongType: 12,
    huge: 2,
    half: 8,
    nul: 6,
    invalidUtf8: 8,
    unknownType: 6,
    serverMessage: 5,
    deep: 3,
    mutatedToken: 10,
    longPassword: 4,
    lineEnds: 4,
    valid: 6,
  };
  const names = Object.keys(weights);
  const totalWeight = names.reduce((a, n) => a + weights[n], 0);
  const kinds = Object.fromEntries(names.map((n) => [n, 0]));
  const pickKind = () => {
    let r = rnd() * totalWeight;
    for (const n of names) if ((r -= weights[n]) < 0) return n;
    return names[names.length - 1];
  };

  /** the rest of a chunk that was cut: it goes out at the start of the next write */
  let carried = null;

  return {
    kinds,
    /** One write: 1–3 frames back to back, sometimes cut at a random point (the rest comes next time). */
    next() {
      const parts = carried ? [carried] : [];
      carried = null;
      for (let n = int(1, 3); n > 0; n--) {
        const kind = pickKind();
        kinds[kind]++;
        parts.push(generators[kind]());
      }
      const chunk = Buffer.concat(parts);
      if (rnd() < 0.15 && chunk.length > 2) {
        const cut = int(1, chunk.length - 1);
        carried = chunk.subarray(cut);
        return chunk.subarray(0, cut);
      }
      return chunk;
    },
    /** A new connection starts clean: a cut frame does not carry over. */
    reset() {
      carried = null;
    },
  };
}
