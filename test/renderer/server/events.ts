/** Mock CS events for the log tests, with the CS's own log lines (formatLogLine). */
import { formatLogLine } from '../../../src-main/mockcs/events.js';
import type { MockCsEvent } from '../../../src-renderer/lib/server/log-filter.js';

export const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

const HINTS: Record<string, string> = {
  EXPIRED: 'Check the clocks of GAX and CS, and token_life_in_minutes.',
  BAD_SIGNATURE: 'GAX and CS must share the same token-uuid.',
};

/** The n-th event: a registration of `user` answered `code` (OK or a refusal). */
export function registerEvent(n: number, user: string, code = 'OK'): MockCsEvent {
  const base = {
    time: T0 + n,
    kind: 'register' as const,
    listener: '127.0.0.1:2020',
    remote: `127.0.0.1:${40000 + (n % 20000)}`,
    clientName: 'GAX',
    userName: user,
    authMethod: 'token' as const,
    code,
    message: code === 'OK' ? 'registered' : `${code.toLowerCase().replace(/_/g, ' ')} (#${n})`,
    latencyMs: 0.4,
    token: '{PXZ}AWlV7A…(45 chars)',
    requestId: 1,
    ...(HINTS[code] ? { hint: HINTS[code] } : {}),
  };
  return { ...base, logLine: formatLogLine(base) };
}

export function connectEvent(n: number): MockCsEvent {
  const base = {
    time: T0 + n,
    kind: 'connect' as const,
    listener: '127.0.0.1:2020',
    remote: `127.0.0.1:${40000 + (n % 20000)}`,
    userName: null,
    authMethod: null,
    code: 'OK',
    message: 'connected',
    latencyMs: null,
  };
  return { ...base, logLine: formatLogLine(base) };
}

/** `count` events cycling through users and codes: a small load test. */
export function mixedEvents(count: number, from = 0): MockCsEvent[] {
  const users = ['alice', 'bob', 'carol'];
  const codes = ['OK', 'OK', 'EXPIRED', 'OK', 'BAD_SIGNATURE'];
  const out: MockCsEvent[] = [];
  for (let i = from; i < from + count; i++) out.push(i % 7 === 0 ? connectEvent(i) : registerEvent(i, users[i % 3]!, codes[i % 5]!));
  return out;
}
