// Client text reaches log lines, events and answers with C0, C1 and bidi controls escaped:
// a U+009B (CSI) cannot drive a terminal and a U+202E cannot turn a log line around.
import { afterEach, describe, expect, it } from 'vitest';
import { escapeClientText, escapeControls } from '../../src-main/mockcs/escape.js';
import { helloClient, startMockCs, until, type Running } from './helpers.js';

const CSI = '\u009b';
const RLO = '\u202e';
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let srv: Running | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

describe('escaping client text', { timeout: 20_000 }, () => {
  it('escapes C0, DEL, C1 and every bidi control; leaves other text alone', () => {
    expect(escapeControls(`a${CSI}31mb${RLO}cba\u0007\u007f\u0085\u200e\u200f\u202a\u2066\u2069`)).toBe(
      'a\\x9b31mb\\u202ecba\\x07\\x7f\\x85\\u200e\\u200f\\u202a\\u2066\\u2069',
    );
    expect(escapeControls('José — Zoë 😀 {PXZ}')).toBe('José — Zoë 😀 {PXZ}');
    expect(escapeClientText(`${RLO}${'x'.repeat(100)}`, 10)).toBe('\\u202exxxx…');
  });

  it(`a client name and username with U+009B and U+202E: escaped in the log line, the event's message and the answer`, async () => {
    srv = await startMockCs({ users: [{ userName: 'alice', password: 'pw', enabled: true }] });
    const { client } = await helloClient(srv.port);
    const userName = `mallory${CSI}2J${RLO}nimda`;
    const answer = await client.request({ type: 'RegisterClient', requestId: 1, clientName: `GAX${CSI}1A${RLO}`, userName, password: 'x' });
    expect(answer).toMatchObject({ type: 'Error', code: 'UNKNOWN_USER' });
    expect(String(answer['message'])).toContain('mallory\\x9b2J\\u202enimda');
    expect(String(answer['message'])).not.toMatch(UNSAFE);
    expect(JSON.stringify(answer['detail'])).not.toMatch(UNSAFE);
    const bad = await client.request({ type: `Nope${CSI}${RLO}`, requestId: 2 });
    expect(bad['message']).toMatch(/unknown request type "Nope\\x9b\\u202e"/);
    client.destroy();
    await until(() => srv!.events.some((e) => e.kind === 'close'));
    for (const e of srv.events) {
      expect(e.logLine).not.toMatch(UNSAFE);
      expect(e.message).not.toMatch(UNSAFE);
    }
    const reg = srv.events.find((e) => e.kind === 'register')!;
    expect(reg.logLine).toContain("[GAX\\x9b1A\\u202e] user 'mallory\\x9b2J\\u202enimda'");
    // The data stays as sent, for the app's tables; only the text meant for reading is escaped.
    expect(reg.userName).toBe(userName);
  });
});
