/**
 * The mock CS's log on stdout (`serve`, `lab start`), bounded: a server takes thousands of logins
 * a second, and a reader that stops (a paused terminal, `| less` left open, a stuck pipe) must not
 * make it hold every line in memory. Past MAX_PENDING_BYTES waiting, lines are dropped and counted,
 * and once the reader has caught up one line says how many were lost. A closed pipe (`… | head`)
 * stops the output for good instead of crashing the server.
 */

/** What may wait for a slow reader before lines are dropped: a few thousand lines. */
export const MAX_PENDING_BYTES = 1 << 20;

/** The parts of a stream the writer uses; a plain `{ write }` (tests) is never throttled. */
interface LogStream {
  write(s: string): unknown;
  on?: (event: 'error', cb: () => void) => unknown;
  once?: (event: 'drain', cb: () => void) => unknown;
  writableLength?: number;
}

export function safeWriter(io: { stdout: { write(s: string): unknown } }): (s: string) => void {
  const out = io.stdout as LogStream;
  let broken = false;
  let dropped = 0;
  let waiting = false;
  out.on?.('error', () => {
    broken = true;
  });
  const drained = () => {
    waiting = false;
    if (dropped === 0) return;
    const n = dropped;
    dropped = 0;
    write(`${n} log line${n === 1 ? '' : 's'} dropped: the reader of this output stopped reading for a while\n`);
  };
  const write = (s: string) => {
    if (broken) return;
    if (waiting) {
      dropped++;
      return;
    }
    try {
      out.write(s);
      // 'drain' follows once everything waiting is written: writes past the high-water mark ask for it.
      if ((out.writableLength ?? 0) > MAX_PENDING_BYTES && typeof out.once === 'function') {
        waiting = true;
        out.once('drain', drained);
      }
    } catch {
      broken = true;
    }
  };
  return write;
}
