// Request parsing: the spec's BAD_FRAME / UNKNOWN_REQUEST / BAD_REQUEST split, and no line ever quoted back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestLine } from '../../src-main/mockcs/messages.js';

const parse = (s: string | Buffer) => parseRequestLine(typeof s === 'string' ? Buffer.from(s) : s);

describe('parseRequestLine', { timeout: 20_000 }, () => {
  it('reads the four requests and ignores unknown fields', () => {
    expect(parse('{"type":"RegisterClient","requestId":1,"clientName":"GAX","userName":"a","password":"p","x":1}')).toEqual({
      ok: true,
      request: { type: 'RegisterClient', requestId: 1, clientName: 'GAX', userName: 'a', password: 'p' },
    });
    expect(parse('{"type":"RegisterClient","requestId":1,"userName":"a","password":""}')).toEqual({
      ok: true,
      request: { type: 'RegisterClient', requestId: 1, userName: 'a', password: '' },
    });
    for (const type of ['GetServerTime', 'Ping', 'UnregisterClient'])
      expect(parse(`{"requestId":9007199254740991,"type":"${type}"}`)).toEqual({ ok: true, request: { type, requestId: 9007199254740991 } });
  });

  it('a requestId beyond the safe integers is refused', () => {
    expect(parse('{"type":"Ping","requestId":9007199254740993}')).toMatchObject({ ok: false, code: 'BAD_REQUEST', requestId: null });
  });

  it('never quotes the line in its message (it may hold a password)', () => {
    const secret = 'Hunter2-Secret';
    const lines = [
      `{"type":"RegisterClient","requestId":1,"userName":"a","password":"${secret}"`,
      `{"type":"RegisterClient","requestId":1,"userName":"a","password":${secret}}`,
      `["${secret}"]`,
      `{"type":"${secret}","requestId":1,`,
      `${secret}`,
    ];
    for (const l of lines) {
      const r = parse(l);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).not.toContain(secret);
    }
  });

  it('never throws, and answers every line with a request or one of the three codes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
          fc.json().map((j) => Buffer.from(j)),
        ),
        (buf) => {
          const r = parseRequestLine(buf);
          if (!r.ok) {
            expect(['BAD_FRAME', 'UNKNOWN_REQUEST', 'BAD_REQUEST']).toContain(r.code);
            expect(r.message.length).toBeGreaterThan(5);
            expect(r.requestId === null || (Number.isSafeInteger(r.requestId) && r.requestId >= 1)).toBe(true);
          }
        },
      ),
    );
  });
});
