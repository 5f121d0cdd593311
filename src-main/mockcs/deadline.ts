/**
 * The register timeout of one connection: counted from the connect, on the monotonic clock (not
 * the simulated CS clock), and re-armed when registerTimeoutSeconds changes while it runs.
 */
import { performance } from 'node:perf_hooks';

export class RegisterDeadline {
  private readonly since = performance.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly onExpired: () => void) {}

  /** (Re)arms for `seconds` after the connect; fires at once if that is already past. */
  arm(seconds: number): void {
    this.clear();
    const left = Math.max(0, this.since + seconds * 1000 - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onExpired();
    }, left);
    this.timer.unref();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
