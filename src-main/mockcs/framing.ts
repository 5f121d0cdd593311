/**
 * csmock/1 framing: lines ended by `\n`, a `\r` before it ignored, none longer than maxLineBytes.
 * Bytes are counted as they arrive, so a client that never sends `\n` cannot make the server
 * buffer more than maxLineBytes + 1 bytes.
 */

export const LINE_TOO_LARGE = Symbol('LINE_TOO_LARGE');

const LF = 0x0a;
const CR = 0x0d;

export class LineReader {
  /** chunks received while an earlier one was still being read (a password check pauses reading) */
  private readonly queued: Buffer[] = [];
  private chunk: Buffer | null = null;
  private pos = 0;
  /** bytes of a line that started in an earlier chunk (copied: a chunk may be a view on a big buffer) */
  private partial: Buffer[] = [];
  private partialBytes = 0;

  constructor(private maxLineBytes: number) {}

  /** Takes effect from the next line on (maxLineBytes is a live option). */
  setLimit(maxLineBytes: number): void {
    this.maxLineBytes = maxLineBytes;
  }

  /** Whether there are bytes received that `next()` has not looked at yet. */
  get hasChunk(): boolean {
    return this.chunk !== null || this.queued.length > 0;
  }

  /** Bytes of an unfinished line. */
  get pendingBytes(): number {
    return this.partialBytes;
  }

  /** Hands over the next chunk of bytes, read after those given before. */
  feed(chunk: Buffer): void {
    if (this.chunk === null) {
      this.chunk = chunk;
      this.pos = 0;
    } else this.queued.push(chunk);
  }

  /** Forgets everything received (the connection is closing). */
  discard(): void {
    this.queued.length = 0;
    this.chunk = null;
    this.partial = [];
    this.partialBytes = 0;
  }

  /**
   * The next complete line without its terminator (a view, valid until the next `feed`), null
   * when more bytes are needed, or LINE_TOO_LARGE when the line is over the limit.
   */
  next(): Buffer | null | typeof LINE_TOO_LARGE {
    let chunk = this.chunk;
    if (chunk === null) {
      const queued = this.queued.shift();
      if (queued === undefined) return null;
      chunk = this.chunk = queued;
      this.pos = 0;
    }
    const nl = chunk.indexOf(LF, this.pos);
    if (nl === -1) {
      const rest = chunk.length - this.pos;
      this.chunk = null;
      // +1: the line may still end with "\r\n", and the "\r" does not count.
      if (this.partialBytes + rest > this.maxLineBytes + 1) return this.fail();
      if (rest > 0) {
        this.partial.push(Buffer.from(chunk.subarray(this.pos)));
        this.partialBytes += rest;
      }
      return this.queued.length > 0 ? this.next() : null;
    }
    let line: Buffer;
    if (this.partialBytes === 0) {
      line = chunk.subarray(this.pos, nl);
    } else {
      const tail = chunk.subarray(this.pos, nl);
      const total = this.partialBytes + tail.length;
      if (total > this.maxLineBytes + 1) return this.fail();
      this.partial.push(tail);
      line = Buffer.concat(this.partial, total);
      this.partial = [];
      this.partialBytes = 0;
    }
    this.pos = nl + 1;
    if (this.pos >= chunk.length) this.chunk = null;
    const end = line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length;
    if (end > this.maxLineBytes) return this.fail();
    return end === line.length ? line : line.subarray(0, end);
  }

  private fail(): typeof LINE_TOO_LARGE {
    this.discard();
    return LINE_TOO_LARGE;
  }
}
