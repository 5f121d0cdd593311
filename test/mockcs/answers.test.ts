// The hand-written answer lines are exactly what JSON.stringify would write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientRegisteredLine, errorLine, helloLine, serverTimeLine } from '../../src-main/mockcs/answers.js';
import { CSMOCK_ERROR_CODES, type ErrorDetail, type ErrorMessage } from '../../src-main/mockcs/protocol.js';

const time = fc.integer({ min: 0, max: 2 ** 42 });
const text = fc.string({
  unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u2028', '—', '…', '\u0000'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })),
  maxLength: 60,
});

describe('answer lines', { timeout: 20_000 }, () => {
  it('Error lines equal JSON.stringify, with and without detail', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
        fc.constantFrom(...CSMOCK_ERROR_CODES),
        text,
        fc.option(
          fc.record(
            { serverTime: time, validFrom: time, validUntil: time, tokenExp: time, hint: text, lastCode: fc.constantFrom(...CSMOCK_ERROR_CODES) },
            { requiredKeys: ['serverTime'] },
          ),
          { nil: undefined },
        ),
        (requestId, code, message, rawDetail) => {
          const m: ErrorMessage = { type: 'Error', requestId, code, message };
          if (rawDetail) {
            // The canonical key order the server builds details in.
            const d: ErrorDetail = { serverTime: rawDetail.serverTime };
            for (const k of ['validFrom', 'validUntil', 'tokenExp', 'hint', 'lastCode'] as const)
              if (rawDetail[k] !== undefined) (d as unknown as Record<string, unknown>)[k] = rawDetail[k];
            m.detail = d;
          }
          const line = errorLine(m);
          expect(line).toBe(`${JSON.stringify(m)}\n`);
          expect(JSON.parse(line)).toEqual(m);
        },
      ),
    );
  });

  it('the other lines are valid JSON with the spec fields', () => {
    expect(JSON.parse(helloLine(5))).toEqual({ type: 'Hello', protocol: 'csmock/1', server: 'confserv', serverTime: 5 });
    expect(JSON.parse(serverTimeLine(3, 7))).toEqual({ type: 'ServerTime', requestId: 3, serverTime: 7 });
    expect(JSON.parse(clientRegisteredLine(2, 'sid', 'a"b\\c', 'token', 9))).toEqual({
      type: 'ClientRegistered',
      requestId: 2,
      sessionId: 'sid',
      userName: 'a"b\\c',
      authMethod: 'token',
      tokenExpires: 9,
    });
    expect(JSON.parse(clientRegisteredLine(2, 'sid', 'u', 'password', undefined))).not.toHaveProperty('tokenExpires');
  });
});
