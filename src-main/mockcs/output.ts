/**
 * What a session writes: the answers to the lines of one chunk leave in a single write, and a
 * client that sends without reading is stopped (its socket paused) once 1 MiB of answers wait.
 */
import type { Socket } from 'node:net';

const WRITE_BACKLOG_LIMIT = 1 << 20;

export class LineOutput {
  private batch: string[] | null = null;
  /** too much unread output: the session stops reading until it drains */
  blocked = false;

  constructor(
    private readonly socket: Socket,
    private readonly onDrained: () => void,
  ) {}

  /** From here to `flush()`, lines are collected instead of written one by one. */
  begin(): void {
    this.batch ??= [];
  }

  write(line: string): void {
    if (this.batch) this.batch.push(line);
    else this.send(line);
  }

  flush(): void {
    const batch = this.batch;
    this.batch = null;
    if (!batch || batch.length === 0) return;
    this.send(batch.length === 1 ? batch[0]! : batch.join(''));
  }

  private send(data: string): void {
    const s = this.socket;
    if (s.destroyed || s.writableEnded) return;
    s.write(data);
    if (s.writableLength > WRITE_BACKLOG_LIMIT && !this.blocked) {
      this.blocked = true;
      s.pause();
      s.once('drain', () => {
        this.blocked = false;
        this.onDrained();
      });
    }
  }
}
