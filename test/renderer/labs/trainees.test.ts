/**
 * The classroom's trainee tally from mock CS events: one row per client name on the classroom
 * listener, attempts and accepted counted, the last code by time, connections the limits refused
 * counted apart; other listeners and kinds ignored.
 */
import { describe, it, expect } from 'vitest';
import { remoteHost, TraineeTally, type MockCsEvent } from '../../../src-renderer/lib/labs/trainees.js';

const ROOM = '192.0.2.2:2020';

function ev(partial: Partial<MockCsEvent>): MockCsEvent {
  return {
    time: 1_000,
    kind: 'register',
    listener: ROOM,
    remote: '192.0.2.7:50001',
    userName: 'u',
    authMethod: 'token',
    code: 'OK',
    message: 'm',
    latencyMs: 1,
    logLine: 'l',
    ...partial,
  };
}

describe('TraineeTally', () => {
  it('counts attempts and accepted logins per client name, sorted by name with numbers in order', () => {
    const tally = new TraineeTally(ROOM);
    tally.add([
      ev({ clientName: 'trainee-10', code: 'BAD_SIGNATURE', time: 1 }),
      ev({ clientName: 'trainee-2', code: 'EXPIRED', time: 2 }),
      ev({ clientName: 'trainee-10', code: 'OK', time: 3 }),
      ev({ clientName: 'trainee-2', code: 'OK', time: 4, remote: '[fd00::9]:50100' }),
      ev({ clientName: 'trainee-2', code: 'NOT_YET_VALID', time: 5 }),
    ]);
    expect(tally.list()).toEqual([
      { clientName: 'trainee-2', attempts: 3, accepted: 1, lastCode: 'NOT_YET_VALID', lastAt: 5, remotes: ['192.0.2.7', 'fd00::9'] },
      { clientName: 'trainee-10', attempts: 2, accepted: 1, lastCode: 'OK', lastAt: 3, remotes: ['192.0.2.7'] },
    ]);
    expect(tally.totals()).toEqual({ trainees: 2, attempts: 5, accepted: 2, refused: {} });
  });

  it('ignores other listeners, connects, closes and requests; an older event does not replace the last code', () => {
    const tally = new TraineeTally(ROOM);
    tally.add([
      ev({ clientName: 'ada', code: 'OK', time: 50 }),
      ev({ clientName: 'ada', code: 'EXPIRED', time: 10 }),
      ev({ clientName: 'ada', listener: '127.0.0.1:2020', code: 'OK' }),
      ev({ clientName: 'ada', kind: 'connect', code: 'OK' }),
      ev({ clientName: 'ada', kind: 'close', code: 'OK' }),
      ev({ clientName: 'ada', kind: 'request', code: 'OK', request: 'Ping' }),
    ]);
    expect(tally.list()).toEqual([{ clientName: 'ada', attempts: 2, accepted: 1, lastCode: 'OK', lastAt: 50, remotes: ['192.0.2.7'] }]);
  });

  it('counts what the limits refused: SERVER_BUSY and IDLE_TIMEOUT errors, TOO_MANY_ATTEMPTS on the last failure', () => {
    const tally = new TraineeTally(ROOM);
    tally.add([
      ev({ kind: 'error', code: 'SERVER_BUSY', userName: null }),
      ev({ kind: 'error', code: 'SERVER_BUSY', userName: null }),
      ev({ kind: 'error', code: 'IDLE_TIMEOUT', userName: null }),
      ev({ clientName: 'bob', code: 'BAD_PASSWORD', sentCode: 'TOO_MANY_ATTEMPTS' }),
      ev({ code: 'OK' }),
    ]);
    expect(tally.totals()).toEqual({ trainees: 2, attempts: 2, accepted: 1, refused: { SERVER_BUSY: 2, IDLE_TIMEOUT: 1, TOO_MANY_ATTEMPTS: 1 } });
    // a client that sent no name is listed as such, not dropped
    expect(tally.list().map((r) => r.clientName)).toEqual(['(no client name)', 'bob']);
  });

  it('reads the host out of a remote address', () => {
    expect(remoteHost('192.0.2.7:51234')).toBe('192.0.2.7');
    expect(remoteHost('[fd00::7]:51234')).toBe('fd00::7');
    expect(remoteHost('unknown')).toBe('unknown');
  });
});
