// The answers encoded as bytes (the hot paths) are byte for byte the errorLine() text, and the
// output slab delivers every line intact and in order — over a real socket.
import { createServer, connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTeachingWords, writeAuthFailed, writeRefusal, writeTeachingRefusal } from '../../src-main/mockcs/answer-bytes.js';
import { errorLine, REALISTIC_AUTH_MESSAGE, rejectionAnswer, tooManyAttemptsAnswer } from '../../src-main/mockcs/answers.js';
import type { RegisterRejected } from '../../src-main/mockcs/authenticate.js';
import { parseMockCsOptions, type MockCsOptions } from '../../src-main/mockcs/options.js';
import { LineOutput } from '../../src-main/mockcs/output.js';
import { AUTH_FAILURE_CODES, type ErrorDetail } from '../../src-main/mockcs/protocol.js';

/**
 * Runs `fill` on a LineOutput over a real loopback connection; resolves with every byte the other
 * end read. `slowReader`: the other end reads nothing until `fill` is done, so the socket queues
 * writes (they complete later, from the slab) instead of handing each to the OS at once.
 */
async function capture(fill: (out: LineOutput) => void, slowReader = false): Promise<Buffer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const client = connect(port, '127.0.0.1');
  if (slowReader) client.pause();
  const chunks: Buffer[] = [];
  client.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise<void>((resolve) => client.on('end', resolve));
  const socket = await accepted;
  try {
    fill(new LineOutput(socket, () => {}));
    if (slowReader) expect(socket.writableLength).toBeGreaterThan(0); // writes are queued, not done
    socket.end();
    client.resume();
    await ended;
    return Buffer.concat(chunks);
  } finally {
    client.destroy();
    server.close();
  }
}

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\u2028', '—', '…', '\u0000', '😀', '\ud800'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
  maxLength: 60,
});
const instant = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 99_999_999 }), fc.double({ noNaN: false }));
const options = (o: Partial<MockCsOptions>): MockCsOptions => {
  const r = parseMockCsOptions(o);
  if (!r.ok) throw new Error(r.message);
  return r.options;
};

describe('answers as bytes', { timeout: 20_000 }, () => {
  it('a teaching refusal with encoded words is exactly its errorLine()', async () => {
    const cases = fc.sample(
      fc.record({
        requestId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        code: fc.constantFrom(...AUTH_FAILURE_CODES, 'PASSWORD_TOO_LONG' as const),
        message: text,
        hint: text,
        serverTime: instant,
        validFrom: fc.option(instant, { nil: undefined }),
        validUntil: fc.option(instant, { nil: undefined }),
        tokenExp: fc.option(instant, { nil: undefined }),
      }),
      { numRuns: 400, seed: 8 },
    );
    const expected = cases.map(({ requestId, code, message, hint, serverTime, validFrom, validUntil, tokenExp }) => {
      const detail: ErrorDetail = { serverTime };
      if (validFrom !== undefined) detail.validFrom = validFrom;
      if (validUntil !== undefined) detail.validUntil = validUntil;
      if (tokenExp !== undefined) detail.tokenExp = tokenExp;
      detail.hint = hint;
      return errorLine({ type: 'Error', requestId, code, message, detail });
    });
    const got = await capture((out) => {
      out.begin();
      for (const c of cases) {
        const detail: ErrorDetail = { serverTime: c.serverTime, hint: 'not read: the words carry the hint' };
        if (c.validFrom !== undefined) detail.validFrom = c.validFrom;
        if (c.validUntil !== undefined) detail.validUntil = c.validUntil;
        if (c.tokenExp !== undefined) detail.tokenExp = c.tokenExp;
        writeTeachingRefusal(out, c.requestId, detail, encodeTeachingWords(c.code, c.message, c.hint));
      }
      out.flush();
    });
    expect(got.toString('utf8').split('\n')).toEqual(expected.join('').split('\n'));
    expect(got.equals(Buffer.from(expected.join('')))).toBe(true);
  });

  it("realistic mode's AUTH_FAILED is exactly its errorLine()", async () => {
    const ids = [1, 9, 10, 99_999_999, 100_000_000, 1_767_225_600_123, Number.MAX_SAFE_INTEGER];
    const got = await capture((out) => ids.forEach((id) => writeAuthFailed(out, id)));
    expect(got.toString('utf8')).toBe(
      ids.map((requestId) => errorLine({ type: 'Error', requestId, code: 'AUTH_FAILED', message: REALISTIC_AUTH_MESSAGE })).join(''),
    );
  });

  it('writeRefusal sends what the string answers say, in both modes and on the last allowed attempt', async () => {
    const refusal: RegisterRejected = {
      ok: false,
      code: 'USER_DISABLED',
      authMethod: 'token',
      message: 'the token is valid, but the account "bob" is disabled',
      detail: {
        serverTime: 1_767_225_600_123,
        validFrom: 1_767_225_540_000,
        validUntil: 1_767_226_860_000,
        tokenExp: 1_767_226_800_000,
        hint: 'Enable "bob".',
      },
    };
    const withWords: RegisterRejected = { ...refusal, words: encodeTeachingWords(refusal.code, refusal.message, refusal.detail.hint!) };
    const tooLong: RegisterRejected = {
      ok: false,
      code: 'PASSWORD_TOO_LONG',
      authMethod: null,
      message: 'too long',
      detail: { serverTime: 5, hint: 'shorter' },
    };
    const teaching = options({ maxFailedAttempts: 3 });
    const realistic = options({ maxFailedAttempts: 3, diagnostics: 'realistic' });
    const sent: string[] = [];
    const expected: string[] = [];
    const got = await capture((out) => {
      for (const o of [teaching, realistic])
        for (const r of [refusal, withWords, tooLong])
          for (const failures of [1, 3]) {
            sent.push(writeRefusal(out, o, 7, failures, r));
            expected.push(errorLine(failures >= 3 ? tooManyAttemptsAnswer(o, 7, failures, r) : rejectionAnswer(o, 7, r)));
          }
    });
    expect(got.toString('utf8')).toBe(expected.join(''));
    expect(sent).toEqual(expected.map((line) => (JSON.parse(line) as { code: string }).code));
    expect(sent).toContain('AUTH_FAILED');
    expect(sent).toContain('TOO_MANY_ATTEMPTS');
  });

  it('the output slab delivers lines of any size, batched or not, intact and in order', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) lines.push(`${'x'.repeat((i * 7919) % 3000)}${i}\n`);
    lines.push(`${'é'.repeat(200_000)}\n`, `${'y'.repeat(600_000)}\n`, 'z\n');
    const numbers = [0, 7, 10, 99_999_999, 100_000_000, 100_000_001, 1_000_000_000_007, Number.MAX_SAFE_INTEGER, -1, 1.5, 1e21, -0];
    const got = await capture((out) => {
      lines.forEach((line, i) => {
        if (i % 50 === 0) out.begin(); // some batches, some lines sent at once
        out.write(line);
        if (i % 50 === 49) out.flush();
      });
      out.flush();
      out.begin();
      for (const n of numbers) {
        out.number(n);
        out.text('\n');
        out.endLine();
      }
      out.flush();
    });
    expect(got.toString('utf8')).toBe(lines.join('') + numbers.map((n) => `${n}\n`).join(''));
  });

  it('a slab grown for a burst is let go once batches are small again', async () => {
    const retained: number[] = [];
    await capture((out) => {
      out.begin();
      for (let i = 0; i < 40; i++) out.write(`${'b'.repeat(300)}\n`); // a 12 KB burst
      out.flush();
      retained.push(out.retainedBytes);
      out.write('z\n'); // then the small answers of an idle connection
      out.write('z\n');
      retained.push(out.retainedBytes);
    });
    expect(retained[0]).toBeGreaterThanOrEqual(24 * 1024);
    expect(retained[1]).toBeLessThanOrEqual(1024);
  });

  it('bytes a slow reader has not taken yet are never overwritten by later answers', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => `{"line":${i},"pad":"${String(i % 10).repeat((i * 37) % 2500)}"}\n`);
    const got = await capture((out) => {
      for (let i = 0; i < lines.length; i += 7) {
        out.begin();
        for (const line of lines.slice(i, i + 7)) out.write(line);
        out.flush();
      }
    }, true);
    expect(got.length).toBeGreaterThan(4_000_000);
    expect(got.toString('utf8')).toBe(lines.join(''));
  });
});
