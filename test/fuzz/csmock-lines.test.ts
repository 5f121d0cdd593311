// Fuzz target 4: the csmock/1 request line parser (src-main/mockcs/messages.ts) and the framing
// (framing.ts). Every line → a request or a protocol error with the spec's code, never a throw or a
// hang, never quoting a password; the framer gives the same lines whatever the chunking, and never
// holds more than maxLineBytes (+1 for a "\r") of an unfinished line.
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { LINE_TOO_LARGE, LineReader } from '../../src-main/mockcs/framing.js';
import { isRequestId, parseRequestLine } from '../../src-main/mockcs/messages.js';
import { REQUEST_TYPES } from '../../src-main/mockcs/protocol.js';
import { FUZZ_TEST_TIMEOUT, REPLAYING, bounded, fuzz, mix } from './fuzz-kit.js';
import { mutateJson, randomJson } from './json-mutators.js';
import { Rng, generatedBy, mutateBytes, mutatedFrom, randomBytes, rngSeed } from './mutators.js';

const PASSWORD = 'Wombat-Quasar-8812!';
const TOKEN = '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI';
/** The requests of the spec's table, as a client sends them. */
const REQUESTS: Record<string, unknown>[] = [
  { type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'alice', password: PASSWORD },
  { type: 'RegisterClient', requestId: 7, userName: 'default', password: TOKEN },
  { type: 'GetServerTime', requestId: 2 },
  { type: 'Ping', requestId: 3 },
  { type: 'UnregisterClient', requestId: 4 },
];
const KEYS = ['type', 'requestId', 'userName', 'password', 'clientName', ...REQUEST_TYPES, 'Hello', 'sessionId'];
const LINES = REQUESTS.map((r) => Buffer.from(JSON.stringify(r)));
const CODES = new Set(['BAD_FRAME', 'UNKNOWN_REQUEST', 'BAD_REQUEST']);
const KNOWN = new Set<string>(REQUEST_TYPES);

/** JSON-level changes (types swapped, fields dropped or added), then serialised. */
const mutatedJson = mutatedFrom(REQUESTS, (r, rng) => Buffer.from(JSON.stringify(mutateJson(r, rng, REQUESTS, { keys: KEYS })) ?? 'null'));
/** Byte-level changes of a good line: broken JSON, bad UTF-8, stray bytes. */
const mutatedBytes = mutatedFrom(LINES, (line, rng) => mutateBytes(line, rng, LINES, 20_000));
/** JSON values of any shape, deep nesting, and bytes. */
const generated = generatedBy((rng): Buffer => {
  switch (rng.int(4)) {
    case 0:
      return Buffer.from(JSON.stringify(randomJson(rng, { keys: KEYS }, 4)) ?? '');
    case 1: {
      const depth = 1 + rng.int(8000);
      return Buffer.from('['.repeat(depth) + ']'.repeat(rng.chance(0.5) ? depth : rng.int(depth)));
    }
    case 2:
      return Buffer.from(
        JSON.stringify({
          type: rng.pick([...REQUEST_TYPES]),
          requestId: randomJson(rng, {}, 1),
          userName: randomJson(rng, {}, 1),
          password: PASSWORD,
        }),
      );
    default:
      return randomBytes(rng, 200);
  }
});

const reached = new Set<string>();

function checkLine(line: Buffer): void {
  const parsed = bounded('parseRequestLine', () => parseRequestLine(line));
  // The spec's reading of the line, for the cross-checks: UTF-8 JSON, else nothing.
  let json: unknown;
  try {
    json = isUtf8(line) ? JSON.parse(line.toString('utf8')) : undefined;
  } catch {
    json = undefined;
  }
  const msg = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (parsed.ok) {
    reached.add(parsed.request.type);
    // Accepted only what the spec describes: a JSON object, a known type, the requestId echoed as sent.
    expect(msg).not.toBeNull();
    expect(KNOWN.has(parsed.request.type)).toBe(true);
    expect(parsed.request.type).toBe(msg!['type']);
    expect(isRequestId(parsed.request.requestId) && parsed.request.requestId === msg!['requestId']).toBe(true);
    if (parsed.request.type === 'RegisterClient') {
      expect(parsed.request.userName.length).toBeGreaterThan(0);
      expect(typeof parsed.request.password).toBe('string');
    }
    return;
  }
  reached.add(parsed.code);
  expect(CODES.has(parsed.code), parsed.code).toBe(true);
  expect(parsed.requestId === null || isRequestId(parsed.requestId)).toBe(true);
  expect(parsed.message.length).toBeGreaterThan(0);
  expect(parsed.message).not.toMatch(/[\r\n]/);
  // An unknown type is quoted (in part) by design; a password anywhere else never is.
  if (!(typeof msg?.['type'] === 'string' && msg['type'].includes(PASSWORD.slice(0, 8))))
    expect(parsed.message.includes(PASSWORD.slice(0, 8)), 'the password was quoted').toBe(false);
  if (parsed.code === 'BAD_FRAME') expect(msg === null || typeof msg['type'] !== 'string', 'BAD_FRAME for an object with a string type').toBe(true);
  if (parsed.code === 'UNKNOWN_REQUEST')
    expect(typeof msg?.['type'] === 'string' && !KNOWN.has(msg['type'] as string), 'UNKNOWN_REQUEST for a known type').toBe(true);
  if (parsed.code === 'BAD_REQUEST') expect(KNOWN.has(msg?.['type'] as string), 'BAD_REQUEST for an unknown type').toBe(true);
}

// ---------------------------------------------------------------------------------------------
// Framing: a stream cut into chunks anywhere, against the spec's rule applied to the whole stream.

interface Stream {
  data: Buffer;
  cuts: number[];
  maxLineBytes: number;
}

type Frame = string | 'TOO_LARGE';

/** The spec, on the whole stream at once: lines end with "\n", a "\r" before it is dropped, none over the limit. */
function expectedFrames(data: Buffer, max: number): { frames: Frame[]; pending: number } {
  const frames: Frame[] = [];
  let start = 0;
  for (let nl = data.indexOf(0x0a); nl !== -1; nl = data.indexOf(0x0a, start)) {
    let line = data.subarray(start, nl);
    if (line.length > max + 1) return { frames: [...frames, 'TOO_LARGE'], pending: 0 };
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    if (line.length > max) return { frames: [...frames, 'TOO_LARGE'], pending: 0 };
    frames.push(line.toString('latin1'));
    start = nl + 1;
  }
  const rest = data.length - start;
  return rest > max + 1 ? { frames: [...frames, 'TOO_LARGE'], pending: 0 } : { frames, pending: rest };
}

function checkStream({ data, cuts, maxLineBytes }: Stream): void {
  const reader = new LineReader(maxLineBytes);
  const frames: Frame[] = [];
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  const chunks = [...points, data.length].map((end, i, all) => data.subarray(i === 0 ? 0 : all[i - 1], end));
  let stopped = false;
  bounded('LineReader', () => {
    for (const chunk of chunks) {
      if (stopped) break;
      reader.feed(chunk);
      for (let line = reader.next(); line !== null; line = reader.next()) {
        if (line === LINE_TOO_LARGE) {
          frames.push('TOO_LARGE');
          stopped = true; // the server answers FRAME_TOO_LARGE and closes
          break;
        }
        frames.push(line.toString('latin1')); // copied now: a line is a view valid until the next feed
        checkLine(Buffer.from(line));
      }
      expect(reader.pendingBytes).toBeLessThanOrEqual(maxLineBytes + 1);
    }
  });
  const expected = expectedFrames(data, maxLineBytes);
  expect(frames).toEqual(expected.frames);
  if (!stopped) expect(reader.pendingBytes).toBe(expected.pending);
}

const streams: fc.Arbitrary<Stream> = fc
  .tuple(rngSeed, fc.array(fc.nat(), { maxLength: 12 }), fc.constantFrom(1, 2, 8, 40, 128, 200))
  .map(([seed, cuts, maxLineBytes]) => {
    const rng = new Rng(seed);
    const parts = Array.from({ length: rng.int(8) }, () => {
      const line = rng.chance(0.6) ? rng.pick(LINES) : mutateBytes(rng.pick(LINES), rng, LINES, 400);
      return Buffer.concat([line, Buffer.from(rng.pick(['\n', '\r\n', '\r', '\n\n', '', '\r\r\n']))]);
    });
    return { data: Buffer.concat(parts), cuts, maxLineBytes: maxLineBytes === 200 ? 80 + rng.int(400) : maxLineBytes };
  });

describe('fuzz: csmock/1 lines and framing', () => {
  it('parseRequestLine: a request or BAD_FRAME / UNKNOWN_REQUEST / BAD_REQUEST, as the spec assigns them', { timeout: FUZZ_TEST_TIMEOUT }, () => {
    fuzz('csmock line parser', mix(fc.oneof(mutatedJson, mutatedBytes), generated), checkLine);
    if (!REPLAYING) expect([...reached].sort()).toEqual([...CODES, ...KNOWN].sort());
  });

  it(
    'LineReader: the same lines (or FRAME_TOO_LARGE) for any chunking; an unfinished line stays within the limit',
    { timeout: FUZZ_TEST_TIMEOUT },
    () => {
      fuzz('csmock framing', streams, checkStream);
    },
  );
});
