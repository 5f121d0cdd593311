/**
 * What the log shows: events of one user, of one code, holding some words. Pure functions, so the
 * log controller can filter 100,000 events and tests can check the rules without a DOM.
 */
import type { EventPayload } from '../../../src-main/ipc/contract/index.js';

export type MockCsEvent = EventPayload<'mockcs.events'>['events'][number];

/** An event as the log keeps it: its sequence number and the lower-cased text free-text search reads. */
export interface LogEntry {
  seq: number;
  event: MockCsEvent;
  haystack: string;
}

export interface LogFilter {
  /** one userName, or null for every user */
  user: string | null;
  /** one code ('OK', 'EXPIRED', …), or null for every code */
  code: string | null;
  /** words that must all appear (any case) in the log line or the hint */
  text: string;
}

export const NO_FILTER: LogFilter = { user: null, code: null, text: '' };

export function makeEntry(seq: number, event: MockCsEvent): LogEntry {
  const haystack = (event.hint ? `${event.logLine} ${event.hint}` : event.logLine).toLowerCase();
  return { seq, event, haystack };
}

/** The filter in the form matching uses: the words split and lower-cased once. */
export interface CompiledFilter {
  user: string | null;
  code: string | null;
  terms: string[];
}

export function compileFilter(f: LogFilter): CompiledFilter {
  return { user: f.user, code: f.code, terms: f.text.toLowerCase().split(/\s+/).filter(Boolean) };
}

export function isEmptyFilter(f: CompiledFilter): boolean {
  return f.user === null && f.code === null && f.terms.length === 0;
}

export function entryMatches(entry: LogEntry, f: CompiledFilter): boolean {
  if (f.user !== null && entry.event.userName !== f.user) return false;
  if (f.code !== null && entry.event.code !== f.code) return false;
  for (const term of f.terms) if (!entry.haystack.includes(term)) return false;
  return true;
}

/**
 * True when everything `next` accepts, `prev` accepted too, so the new matches can be found among
 * the old ones instead of among every event: same or newly chosen user and code, and each old word
 * still inside one of the new words (typing more letters only narrows).
 */
export function narrows(prev: CompiledFilter, next: CompiledFilter): boolean {
  if (prev.user !== null && prev.user !== next.user) return false;
  if (prev.code !== null && prev.code !== next.code) return false;
  return prev.terms.every((old) => next.terms.some((t) => t.includes(old)));
}
