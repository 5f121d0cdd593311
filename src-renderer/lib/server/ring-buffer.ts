/**
 * A fixed-capacity buffer addressed by absolute sequence numbers: the n-th item ever pushed keeps
 * the number n while it is held, so a filter's list of matching numbers stays valid as the oldest
 * items fall out (the log keeps the newest 100,000 events without copying on every push).
 */
export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private head = 0;
  private count = 0;
  private first = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('a ring buffer needs a capacity of at least 1');
    this.slots = new Array<T | undefined>(capacity);
  }

  /** how many items are held */
  get length(): number {
    return this.count;
  }

  /** the sequence number of the oldest item held (equal to nextSeq when empty) */
  get firstSeq(): number {
    return this.first;
  }

  /** the sequence number the next push gets */
  get nextSeq(): number {
    return this.first + this.count;
  }

  /** Adds an item; returns its sequence number. When full, the oldest item is dropped. */
  push(item: T): number {
    const seq = this.nextSeq;
    if (this.count < this.capacity) {
      this.slots[(this.head + this.count) % this.capacity] = item;
      this.count++;
    } else {
      this.slots[this.head] = item;
      this.head = (this.head + 1) % this.capacity;
      this.first++;
    }
    return seq;
  }

  /** The item with this sequence number, or undefined when it was dropped or not pushed yet. */
  at(seq: number): T | undefined {
    if (seq < this.first || seq >= this.nextSeq) return undefined;
    return this.slots[(this.head + (seq - this.first)) % this.capacity];
  }

  /** Drops every item (sequence numbers keep counting up); returns how many were dropped. */
  clear(): number {
    const dropped = this.count;
    this.slots.fill(undefined);
    this.first += this.count;
    this.head = 0;
    this.count = 0;
    return dropped;
  }

  /** Oldest first. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let seq = this.first; seq < this.nextSeq; seq++) yield this.at(seq) as T;
  }
}
