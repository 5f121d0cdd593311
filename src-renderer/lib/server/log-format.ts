/** How one event reads in the log table and the details under it. */
import type { MockCsEvent } from './log-filter.js';

/** "10:20:30.123": the event's time on the CS clock, UTC (the column header says so). */
export function csClockTime(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toISOString().slice(11, 23);
}

export const KIND_LABEL: Record<MockCsEvent['kind'], string> = {
  connect: 'Connected',
  register: 'RegisterClient',
  request: 'Request',
  error: 'Error sent',
  close: 'Closed',
  server: 'Server',
};

/** 'ok' for an accepted registration or a plain connect/close, 'error' for a refusal or an Error answer. */
export function eventTone(e: MockCsEvent): 'ok' | 'error' | 'neutral' {
  if (e.code === 'OK') return e.kind === 'register' ? 'ok' : 'neutral';
  // a start or stop is neither a success nor a refusal
  if (e.kind === 'server') return 'neutral';
  return 'error';
}

export function latencyText(ms: number | null): string {
  return ms === null ? '' : ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
