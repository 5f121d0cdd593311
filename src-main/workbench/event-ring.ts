/**
 * The newest N items, oldest first, in constant memory: the mock CS log main keeps for the Server
 * view. A push is O(1) (no array shifting), so 2,000 logins a second cost nothing noticeable.
 */
export class EventRing<T> {
  private readonly slots: (T | undefined)[];
  /** where the next item goes */
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('the ring needs a capacity of at least 1');
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.slots[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** The newest `limit` items (all by default), oldest first. */
  newest(limit = this.count): T[] {
    const n = Math.max(0, Math.min(limit, this.count));
    const out = new Array<T>(n);
    const start = (this.next - n + this.capacity) % this.capacity;
    for (let i = 0; i < n; i++) out[i] = this.slots[(start + i) % this.capacity] as T;
    return out;
  }

  /** Forgets everything; answers how many items there were. */
  clear(): number {
    const cleared = this.count;
    this.slots.fill(undefined);
    this.next = 0;
    this.count = 0;
    return cleared;
  }
}
