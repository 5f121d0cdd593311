/**
 * The one-shot timer the token controllers wait on. Injected so tests can run the countdowns and the
 * inspector's debounce under fake timers (or deliberately late timers) without touching the real clock.
 */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserScheduler: Scheduler = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The wall clock in milliseconds: read only at this edge, handed to controllers as `now`. */
export const wallClock = (): number => Date.now();
