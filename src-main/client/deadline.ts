/**
 * Every network wait in the client is bounded twice: by its step's timeout and by the caller's
 * AbortSignal. Whichever comes first wins, the resource behind the wait is released (`release`),
 * and the wait rejects with the error its caller chose.
 */

export interface DeadlineOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  onTimeout: () => Error;
  onAbort: () => Error;
  /** called once when the wait is abandoned (timeout or abort): destroy the socket, drop the request */
  release?: () => void;
}

export function withDeadline<T>(work: Promise<T>, opts: DeadlineOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const abandon = (error: Error) =>
      settle(() => {
        try {
          opts.release?.();
        } finally {
          reject(error);
        }
      });
    const onAbort = () => abandon(opts.onAbort());
    const timer = setTimeout(() => abandon(opts.onTimeout()), Math.max(0, opts.timeoutMs));
    // Handlers go on `work` first, so a late rejection of abandoned work is never unhandled.
    work.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
