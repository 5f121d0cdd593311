/**
 * The Server view's live log: the newest 100,000 mock CS events in a ring buffer, the filter, and
 * pause. The events themselves are kept outside Svelte's reactivity (100,000 proxied objects would
 * cost more than the log itself); the view re-reads through `revision`, bumped once per change.
 *
 * Filtering is incremental: a new event is tested once when it arrives, a dropped one leaves the
 * front of the match list, and a filter that only narrows (more letters typed, a user picked) is
 * applied to the current matches instead of to every event.
 */
import { RingBuffer } from './ring-buffer.js';
import { SnapshotOverlap } from './snapshot-overlap.js';
import {
  compileFilter,
  entryMatches,
  isEmptyFilter,
  makeEntry,
  narrows,
  NO_FILTER,
  type CompiledFilter,
  type LogEntry,
  type LogFilter,
  type MockCsEvent,
} from './log-filter.js';

/** as many as main keeps (MOCKCS_LOG_CAPACITY) */
export const LOG_CAPACITY = 100_000;

export class EventLog {
  /** the filter in effect */
  filter = $state<LogFilter>(NO_FILTER);
  paused = $state(false);
  /** bumped on every change of rows or counts; whatever reads rows depends on it */
  revision = $state(0);
  /** events held */
  total = $state(0);
  /** events the filter accepts */
  matching = $state(0);
  /** rows shown: the matches, minus those that arrived while paused */
  visibleCount = $state(0);
  /** matches that arrived while paused: "N new" */
  newWhilePaused = $state(0);
  /** every userName and code among the events held, sorted: the filter's choices */
  users = $state.raw<string[]>([]);
  codes = $state.raw<string[]>([]);

  private readonly buffer: RingBuffer<LogEntry>;
  /** sequence numbers of matching entries, ascending; the live ones start at matchHead */
  private matches: number[] = [];
  private matchHead = 0;
  private compiled: CompiledFilter = compileFilter(NO_FILTER);
  /** buffer.nextSeq when paused: rows from there on wait until resume */
  private pausedAt: number | null = null;
  private readonly userCounts = new Map<string, number>();
  private readonly codeCounts = new Map<string, number>();
  private listsChanged = false;
  /** live batches may still repeat the snapshot's newest events */
  private readonly overlap = new SnapshotOverlap();

  constructor(readonly capacity: number = LOG_CAPACITY) {
    this.buffer = new RingBuffer<LogEntry>(capacity);
  }

  /**
   * Replaces everything with a snapshot (oldest first). Live batches received after it may start
   * with events the snapshot already holds; `append` skips exactly those.
   */
  load(events: readonly MockCsEvent[]): void {
    this.reset();
    for (const e of events) this.add(e);
    this.overlap.reset(events);
    this.refresh();
  }

  /** Adds a batch of live events (oldest first). */
  append(events: readonly MockCsEvent[]): void {
    let added = false;
    for (const e of events) {
      if (this.overlap.repeats(e)) continue;
      this.add(e);
      added = true;
    }
    if (added) this.refresh();
  }

  /** Forgets every event (the counts of the server are not the log's: they stay). */
  clear(): void {
    this.reset();
    this.refresh();
  }

  setFilter(patch: Partial<LogFilter>): void {
    const next: LogFilter = { ...this.filter, ...patch };
    const compiled = compileFilter(next);
    const prev = this.compiled;
    this.filter = next;
    this.compiled = compiled;
    if (narrows(prev, compiled)) {
      const kept: number[] = [];
      for (let i = this.matchHead; i < this.matches.length; i++) {
        const seq = this.matches[i]!;
        if (entryMatches(this.buffer.at(seq)!, compiled)) kept.push(seq);
      }
      this.matches = kept;
    } else {
      this.matches = [];
      for (let seq = this.buffer.firstSeq; seq < this.buffer.nextSeq; seq++) {
        if (entryMatches(this.buffer.at(seq)!, compiled)) this.matches.push(seq);
      }
    }
    this.matchHead = 0;
    this.refresh();
  }

  /** whether a filter hides anything */
  get filtered(): boolean {
    return !isEmptyFilter(compileFilter(this.filter));
  }

  /** Freezes the rows shown; events keep arriving and counting. */
  pause(): void {
    if (this.pausedAt !== null) return;
    this.pausedAt = this.buffer.nextSeq;
    this.paused = true;
    this.refresh();
  }

  resume(): void {
    this.pausedAt = null;
    this.paused = false;
    this.refresh();
  }

  /** The rows [start, end) of what is shown (clamped). Depends on `revision`. */
  rows(start: number, end: number): LogEntry[] {
    void this.revision;
    const out: LogEntry[] = [];
    const last = Math.min(end, this.visibleCount);
    for (let i = Math.max(0, start); i < last; i++) {
      const entry = this.buffer.at(this.matches[this.matchHead + i]!);
      if (entry) out.push(entry);
    }
    return out;
  }

  /** Row `index` of what is shown, or undefined. Depends on `revision`. */
  row(index: number): LogEntry | undefined {
    void this.revision;
    if (index < 0 || index >= this.visibleCount) return undefined;
    return this.buffer.at(this.matches[this.matchHead + index]!);
  }

  /** Every event shown (filtered, and without those waiting behind a pause), oldest first: what an export saves. */
  shownEvents(): MockCsEvent[] {
    return this.rows(0, this.visibleCount).map((r) => r.event);
  }

  // -------------------------------------------------------------------------------------------

  private add(event: MockCsEvent): void {
    if (this.buffer.length === this.buffer.capacity) this.dropOldest();
    const seq = this.buffer.nextSeq;
    const entry = makeEntry(seq, event);
    this.buffer.push(entry);
    if (event.userName !== null) this.count(this.userCounts, event.userName, 1);
    this.count(this.codeCounts, event.code, 1);
    if (entryMatches(entry, this.compiled)) this.matches.push(seq);
  }

  private dropOldest(): void {
    const seq = this.buffer.firstSeq;
    const oldest = this.buffer.at(seq);
    if (!oldest) return;
    if (oldest.event.userName !== null) this.count(this.userCounts, oldest.event.userName, -1);
    this.count(this.codeCounts, oldest.event.code, -1);
    if (this.matches[this.matchHead] === seq) this.matchHead++;
    // Compact now and then, not on every drop: slicing 100,000 numbers per event would be quadratic.
    if (this.matchHead > 4096 && this.matchHead * 2 > this.matches.length) {
      this.matches = this.matches.slice(this.matchHead);
      this.matchHead = 0;
    }
  }

  private count(map: Map<string, number>, key: string, delta: number): void {
    const n = (map.get(key) ?? 0) + delta;
    if (n <= 0) {
      map.delete(key);
      this.listsChanged = true;
    } else {
      if (!map.has(key)) this.listsChanged = true;
      map.set(key, n);
    }
  }

  private reset(): void {
    this.buffer.clear();
    this.matches = [];
    this.matchHead = 0;
    this.userCounts.clear();
    this.codeCounts.clear();
    this.listsChanged = true;
    this.overlap.clear();
    if (this.pausedAt !== null) this.pausedAt = this.buffer.nextSeq;
  }

  private refresh(): void {
    const live = this.matches.length - this.matchHead;
    let shown = live;
    if (this.pausedAt !== null) shown = this.countBelow(this.pausedAt);
    this.total = this.buffer.length;
    this.matching = live;
    this.visibleCount = shown;
    this.newWhilePaused = live - shown;
    if (this.listsChanged) {
      this.users = [...this.userCounts.keys()].sort(byText);
      this.codes = [...this.codeCounts.keys()].sort(byCode);
      this.listsChanged = false;
    }
    this.revision++;
  }

  /** how many live matches have a sequence number below `seq` (binary search) */
  private countBelow(seq: number): number {
    let lo = this.matchHead;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.matches[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.matchHead;
  }
}

const byText = (a: string, b: string) => a.localeCompare(b);
/** OK first, then the refusals alphabetically */
const byCode = (a: string, b: string) => (a === 'OK' ? -1 : b === 'OK' ? 1 : a.localeCompare(b));
