/**
 * A log snapshot and the live event stream overlap: the events that arrive after (or while) the
 * snapshot is read may start with ones it already holds. The stream is ordered and the snapshot
 * holds a prefix of it, so the repeats are the first live events, in the snapshot's order: skip
 * while they line up, stop at the first that does not. Time alone cannot tell them apart (a class
 * logging in together puts several events in one millisecond).
 */
import type { MockCsEvent } from './log-filter.js';

/** the snapshot's newest events compared against the first live batches */
const OVERLAP_WINDOW = 5000;

export class SnapshotOverlap {
  private tail: readonly MockCsEvent[] = [];
  private cursor: number | null = null;

  /** The snapshot just read (oldest first). */
  reset(snapshot: readonly MockCsEvent[]): void {
    this.tail = snapshot.slice(-OVERLAP_WINDOW);
    this.cursor = null;
  }

  /** Nothing more can repeat (the log was cleared or refiltered). */
  clear(): void {
    this.tail = [];
    this.cursor = null;
  }

  /** Whether this live event is one the snapshot already holds. */
  repeats(e: MockCsEvent): boolean {
    if (this.tail.length === 0) return false;
    const key = eventKey(e);
    if (this.cursor === null) {
      let found = -1;
      for (let i = this.tail.length - 1; i >= 0; i--) {
        if (eventKey(this.tail[i]!) === key) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        this.tail = [];
        return false;
      }
      this.cursor = found;
    }
    const expected = this.tail[this.cursor];
    if (expected && eventKey(expected) === key) {
      this.cursor++;
      if (this.cursor >= this.tail.length) this.tail = [];
      return true;
    }
    this.tail = [];
    return false;
  }
}

function eventKey(e: MockCsEvent): string {
  return `${e.time}|${e.kind}|${e.logLine}`;
}
