/** The log as a file: CS-style lines as text, or the events as JSON (already free of secrets). */
import type { MockCsEvent } from './log-filter.js';

export type LogExportFormat = 'text' | 'json';

export function logAsText(events: readonly MockCsEvent[]): string {
  return events.length === 0 ? '' : `${events.map((e) => e.logLine).join('\n')}\n`;
}

export function logAsJson(events: readonly MockCsEvent[]): string {
  return `${JSON.stringify({ format: 'gax-token-lab/mockcs-log', version: 1, events }, null, 1)}\n`;
}

/** "mockcs-log-2026-01-01T10-20-30Z.txt": sortable, no characters a file system refuses. */
export function logFileName(format: LogExportFormat, nowMs: number): string {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `mockcs-log-${stamp}.${format === 'text' ? 'txt' : 'json'}`;
}

export const LOG_MIME: Record<LogExportFormat, string> = { text: 'text/plain', json: 'application/json' };
