/**
 * One ticker for everything on the Tokens view that counts: it fires on each wall-clock second
 * boundary, re-aligning after every tick (a late tick never pushes the next one later), and only
 * while someone listens. Countdowns are derived from `seconds` and absolute instants, never counted
 * down, so a late, missed or early tick cannot make them drift.
 */
import type { Scheduler } from './scheduler.js';

export class SecondClock {
  /** the instant of the last tick, ms since the epoch */
  nowMs = $state(0);
  /** the last tick's whole second: the CS decides in whole seconds, so every countdown uses this */
  readonly seconds = $derived(Math.floor(this.nowMs / 1000));
  private readonly listeners = new Set<(nowMs: number) => void>();
  private timer: unknown = null;

  constructor(
    private readonly now: () => number,
    private readonly scheduler: Scheduler,
  ) {
    this.nowMs = now();
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** Calls `listener` on each tick and keeps the clock running until the returned function is called. */
  subscribe(listener: (nowMs: number) => void): () => void {
    this.listeners.add(listener);
    if (this.timer === null) {
      this.nowMs = this.now();
      this.schedule();
    }
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Reads the clock now, between ticks (a token just added is judged by this second, not the last tick's). */
  sync(): void {
    this.nowMs = this.now();
  }

  /** Milliseconds from `t` to the next whole second (1000 when `t` is exactly on one). */
  static delayToNextSecond(t: number): number {
    return 1000 - (((t % 1000) + 1000) % 1000);
  }

  private readonly tick = (): void => {
    this.timer = null;
    this.nowMs = this.now();
    // Re-align from the clock as it reads now, not from when this tick was due.
    this.schedule();
    for (const l of [...this.listeners]) l(this.nowMs);
  };

  private schedule(): void {
    this.timer = this.scheduler.setTimeout(this.tick, SecondClock.delayToNextSecond(this.now()));
  }

  private stop(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }
}
