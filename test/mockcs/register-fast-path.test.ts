// The RegisterClient fast path takes the common shape and nothing else: whatever it takes, it
// reads exactly as the full parser does; whatever it leaves, the full parser judges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestLine, parseRequestLineFully } from '../../src-main/mockcs/messages.js';
import { readRegisterClientFast } from '../../src-main/mockcs/register-fast-path.js';

const line = (s: string) => Buffer.from(s, 'utf8');
const plain = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0x7e })
    .filter((c) => c !== 0x22 && c !== 0x5c)
    .map((c) => String.fromCharCode(c)),
  maxLength: 70,
});
const tricky = fc.string({
  unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', 'é', '😀', '\u2028', '\u0000', '\u007f'), fc.string({ minLength: 1, maxLength: 1 })),
  maxLength: 20,
});
const field = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: tricky });
const id = fc.oneof(
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.constantFrom('0', '01', '-1', '1.0', '1e3', '9007199254740992', '99999999999999999', '""', 'null'),
);

/** Lines in and around the fast path's shape: JSON.stringify's, then mutated a little. */
const candidate = fc
  .record({ id, clientName: fc.option(field, { nil: undefined }), userName: field, password: field, mutation: fc.integer({ min: 0, max: 9 }) })
  .map(({ id: rid, clientName, userName, password, mutation }) => {
    const client = clientName === undefined ? '' : `,"clientName":${JSON.stringify(clientName)}`;
    let s = `{"type":"RegisterClient","requestId":${rid}${client},"userName":${JSON.stringify(userName)},"password":${JSON.stringify(password)}}`;
    if (mutation === 1) s = s.replace('"userName"', '"userName" ');
    if (mutation === 2) s = `${s.slice(0, -1)},"extra":1}`;
    if (mutation === 3) s = `${s} `;
    if (mutation === 4) s = s.replace(',"password"', ',"password":"x","password"');
    if (mutation === 5) s = s.slice(0, -1);
    if (mutation === 6) s = `${s}}`;
    return s;
  });

describe('RegisterClient fast path', { timeout: 20_000 }, () => {
  it('reads the common line and its variants exactly as the full parser does', () => {
    fc.assert(
      fc.property(candidate, (s) => {
        const buf = line(s);
        expect(parseRequestLine(buf)).toEqual(parseRequestLineFully(buf));
        const fast = readRegisterClientFast(buf);
        if (fast !== null) expect({ ok: true, request: fast }).toEqual(parseRequestLineFully(buf));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the client-written shape, with and without clientName', () => {
    const token = '{PXZ}AWlV7AAAAAAAaWlV7GFsaWNlWoFt4u1jB3S_PXmzzpsRlg';
    expect(
      readRegisterClientFast(line(`{"type":"RegisterClient","requestId":42,"clientName":"GAX","userName":"alice","password":"${token}"}`)),
    ).toEqual({
      type: 'RegisterClient',
      requestId: 42,
      clientName: 'GAX',
      userName: 'alice',
      password: token,
    });
    expect(readRegisterClientFast(line('{"type":"RegisterClient","requestId":9007199254740991,"userName":"a","password":""}'))).toEqual({
      type: 'RegisterClient',
      requestId: 9007199254740991,
      userName: 'a',
      password: '',
    });
  });

  it('leaves everything unusual to the full parser', () => {
    const left = [
      '{"type":"RegisterClient","requestId":0,"userName":"a","password":"p"}',
      '{"type":"RegisterClient","requestId":01,"userName":"a","password":"p"}',
      '{"type":"RegisterClient","requestId":9007199254740992,"userName":"a","password":"p"}',
      '{"type":"RegisterClient","requestId":1,"userName":"","password":"p"}',
      '{"type":"RegisterClient","requestId":1,"userName":"a\\u0062","password":"p"}',
      '{"type":"RegisterClient","requestId":1,"userName":"é","password":"p"}',
      '{"type":"RegisterClient","requestId":1,"password":"p","userName":"a"}',
      '{"type":"RegisterClient","requestId":1,"userName":"a","password":"p"} ',
      '{"type":"RegisterClient","requestId":1,"userName":"a","password":"p","x":1}',
      '{"type":"RegisterClient","requestId":1,"userName":"a","password":"p"',
      '{"type": "RegisterClient","requestId":1,"userName":"a","password":"p"}',
    ];
    for (const s of left) expect(readRegisterClientFast(line(s)), s).toBeNull();
    expect(
      readRegisterClientFast(Buffer.from([...line('{"type":"RegisterClient","requestId":1,"userName":"a'), 0xff, ...line('","password":"p"}')])),
    ).toBeNull();
  });
});
