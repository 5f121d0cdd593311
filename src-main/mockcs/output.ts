/**
 * What a session writes: the answers to the lines of one chunk leave in a single write, and a
 * client that sends without reading is stopped (its socket paused) once 1 MiB of answers wait.
 *
 * Answers are encoded straight into a byte slab rather than joined as strings: a joined string is
 * a rope that the socket must flatten and transcode to UTF-8 on every write (under pipelined load
 * that was a quarter of the server's time); pre-encoded pieces and digits are simply copied.
 * Each write hands the socket a view on the slab.
 * While the socket holds a write (a slow reader), the slab only appends after it, and a full slab
 * is replaced, never reused: queued bytes are never overwritten. Once the socket holds nothing
 * (writableLength 0: every write went to the OS, the usual case), the slab is written from its
 * start again, so a busy connection keeps reusing one slab instead of allocating one per batch.
 */
import type { Socket } from 'node:net';

const WRITE_BACKLOG_LIMIT = 1 << 20;
/** What a connection keeps between small batches (1,000 idle ones: 1 MB); a burst's bigger slab is let go after it. */
const FIRST_SLAB_BYTES = 1024;
/** A slab grows to twice the largest batch, up to this size (a bigger batch gets a slab of its own size). */
const MAX_SLAB_BYTES = 64 * 1024;

/** Where hand-encoded answers are written (see answer-bytes.ts); a line ends with endLine(). */
export interface ByteSink {
  bytes(b: Uint8Array): void;
  /** UTF-8 text */
  text(s: string): void;
  /** a number as JSON writes it */
  number(n: number): void;
  /** the answer is complete: sent now, or with the batch when one is open */
  endLine(): void;
}

export class LineOutput implements ByteSink {
  private slab: Buffer | null = null;
  /** first byte not yet handed to the socket */
  private start = 0;
  private pos = 0;
  private batching = false;
  /** too much unread output: the session stops reading until it drains */
  blocked = false;

  constructor(
    private readonly socket: Socket,
    private readonly onDrained: () => void,
  ) {}

  /** The bytes this connection holds on to between batches (its slab). */
  get retainedBytes(): number {
    return this.slab?.length ?? 0;
  }

  /** From here to `flush()`, lines are collected instead of written one by one. */
  begin(): void {
    this.batching = true;
  }

  /** One whole answer line, as text. */
  write(line: string): void {
    this.text(line);
    this.endLine();
  }

  bytes(b: Uint8Array): void {
    const slab = this.room(b.length);
    slab.set(b, this.pos);
    this.pos += b.length;
  }

  text(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    const slab = this.room(s.length * 3);
    this.pos += slab.write(s, this.pos, 'utf8');
  }

  number(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) return this.text(String(n));
    const slab = this.room(16);
    // No string per number. Millisecond instants (13 digits) do not fit a small integer: split
    // into two halves below 10^8, so the digit loops stay in integer arithmetic.
    if (n < 1e8) this.pos = writeDigits(slab, this.pos, n);
    else {
      const high = Math.floor(n / 1e8);
      this.pos = writeDigits(slab, this.pos, high);
      this.pos = writeEightDigits(slab, this.pos, n - high * 1e8);
    }
  }

  endLine(): void {
    if (!this.batching) this.send();
  }

  flush(): void {
    this.batching = false;
    this.send();
  }

  /** The slab, with room for `n` more bytes after `pos` (the batch so far moves to a new slab if need be). */
  private room(n: number): Buffer {
    const slab = this.slab;
    if (slab !== null && this.pos + n <= slab.length) return slab;
    const pending = this.pos - this.start;
    let size = slab === null ? FIRST_SLAB_BYTES : slab.length;
    while (size < MAX_SLAB_BYTES && size < 2 * (pending + n)) size *= 2;
    if (size < pending + n) size = pending + n;
    const next = Buffer.allocUnsafe(size);
    if (slab !== null && pending > 0) slab.copy(next, 0, this.start, this.pos);
    this.slab = next;
    this.start = 0;
    this.pos = pending;
    return next;
  }

  private send(): void {
    if (this.pos === this.start) return;
    const data = this.slab!.subarray(this.start, this.pos);
    this.start = this.pos;
    const s = this.socket;
    if (s.destroyed || s.writableEnded) return;
    s.write(data);
    if (s.writableLength === 0) {
      // Handed to the OS and no longer referenced: the slab is free again. A slab grown for a burst
      // is let go once batches are small again (under a quarter of it: steady traffic uses at least
      // half, as a slab grows to twice its batch), so a connection that once pipelined a lot goes
      // back to FIRST_SLAB_BYTES instead of keeping up to MAX_SLAB_BYTES (or a giant) for life.
      if (this.slab!.length > FIRST_SLAB_BYTES && data.length * 4 < this.slab!.length) this.slab = null;
      this.start = 0;
      this.pos = 0;
    } else if (s.writableLength > WRITE_BACKLOG_LIMIT && !this.blocked) {
      this.blocked = true;
      s.pause();
      s.once('drain', () => {
        this.blocked = false;
        this.onDrained();
      });
    }
  }
}

/** `v` (an integer 0 ≤ v < 10^8) in decimal at `at`; returns the end. */
function writeDigits(slab: Buffer, at: number, v: number): number {
  let digits = 1;
  for (let m = v; m >= 10; m = (m / 10) | 0) digits++;
  const end = at + digits;
  writeDigitsBackwards(slab, end, v, digits);
  return end;
}

/** `v` (0 ≤ v < 10^8) as exactly eight digits, zeros first. */
function writeEightDigits(slab: Buffer, at: number, v: number): number {
  writeDigitsBackwards(slab, at + 8, v, 8);
  return at + 8;
}

function writeDigitsBackwards(slab: Buffer, end: number, v: number, count: number): void {
  let m = v;
  for (let i = end - 1; i >= end - count; i--) {
    const q = (m / 10) | 0;
    slab[i] = 0x30 + m - q * 10;
    m = q;
  }
}
