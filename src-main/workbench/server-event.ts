/**
 * The line the live log shows when a mock CS starts or stops, built the way the mock CS builds its
 * own events (kind 'server', a code, a CS-style log line), so the log, its filter and its export
 * treat it like any other.
 */
import { formatLogLine, type MockCsEvent } from '../mockcs/events.js';

/** MOCKCS_STARTED / MOCKCS_STOPPED, naming whose mock CS it is and where it listens (or listened). */
export function serverEvent(time: number, name: string, running: boolean, listeners: readonly { id: string }[]): MockCsEvent {
  const where = listeners.map((l) => l.id).join(', ');
  const message = running ? `${name} started, listening on ${where || 'no listener'}` : `${name} stopped${where ? ` (was on ${where})` : ''}`;
  const event: Omit<MockCsEvent, 'logLine'> = {
    time,
    kind: 'server',
    listener: where,
    remote: '',
    userName: null,
    authMethod: null,
    code: running ? 'MOCKCS_STARTED' : 'MOCKCS_STOPPED',
    message,
    latencyMs: null,
  };
  return { ...event, logLine: formatLogLine(event) };
}
