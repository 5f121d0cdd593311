/**
 * Runs logins from the Connect form: once, or every N seconds. Steps arrive live as `login.step`
 * events and the trace fills in as they do; each finished run goes to the history. A repeat can stop
 * by itself on the first change of outcome — the moment a token "ages into rejection".
 *
 * GAX mints a fresh token for every login, so a token cannot be replayed; what ages is the clock
 * offset between GAX and the CS. Each run records how long its token had left by the CS's clock.
 */
import { api } from '../api.js';
import type { CopiedCommand } from '../../../src-main/core/browser.js';
import type { ConnectForm, LoginRunInput } from './connect-form.svelte.js';
import type { RunHistory, RunRecord } from './run-history.svelte.js';
import type { TraceStep } from './trace-format.js';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  setTimeout: (cb, ms) => globalThis.setTimeout(cb, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Problem {
  message: string;
  hint?: string;
}

export interface RunnerDeps {
  /** this machine's clock, ms */
  now: () => number;
  timers: Timers;
  /** the target as a history row names it ("mock CS 127.0.0.1:2020") */
  targetText: () => string;
  newRunId?: () => string;
  /** the command that reruns an attempt, made from its request as it starts (the target may change later) */
  commandFor?: (input: LoginRunInput) => CopiedCommand | null;
}

export interface InFlight {
  runId: string;
  startedAt: number;
  steps: TraceStep[];
}

export const MIN_REPEAT_SECONDS = 1;
export const MAX_REPEAT_SECONDS = 3600;

export function repeatError(text: string): string | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return 'a whole number of seconds';
  const n = Number(t);
  if (n < MIN_REPEAT_SECONDS) return `at least ${MIN_REPEAT_SECONDS} s`;
  if (n > MAX_REPEAT_SECONDS) return `at most ${MAX_REPEAT_SECONDS} s (an hour)`;
  return null;
}

export class LoginRunner {
  /** the run in flight, its steps as they arrive */
  current = $state<InFlight | null>(null);
  /** the last finished run */
  last = $state.raw<RunRecord | null>(null);
  /** main refused to run (not a login outcome: the server is not running, a profile is missing…) */
  problem = $state<Problem | null>(null);
  cancelling = $state(false);

  repeatEvery = $state('10');
  stopOnChange = $state(true);
  repeating = $state(false);
  /** when the next repeated run starts, this machine's clock, ms */
  nextRunAt = $state<number | null>(null);
  /** why the last repeat ended, in words */
  repeatEnded = $state<string | null>(null);

  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private counter = 0;
  private previous: RunRecord | null = null;

  constructor(
    private readonly form: ConnectForm,
    private readonly history: RunHistory,
    private readonly deps: RunnerDeps,
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  readonly repeatProblem = $derived.by(() => repeatError(this.repeatEvery));

  /** Listens for steps (once for the window's life). */
  attach(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = api.on('login.step', ({ runId, step }) => {
      const run = this.current;
      if (!run || run.runId !== runId) return;
      const i = run.steps.findIndex((s) => s.id === step.id);
      if (i >= 0) run.steps[i] = step;
      else run.steps.push(step);
    });
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** One login. Resolves with its record, or null when it did not run (invalid form, main refused). */
  async runOnce(): Promise<RunRecord | null> {
    if (this.current) return null;
    const runId = this.deps.newRunId?.() ?? `run-${this.deps.now().toString(36)}-${++this.counter}`;
    const input = this.form.request(runId);
    if (!input) {
      this.problem = { message: 'some settings are missing or wrong', hint: 'Fix the fields marked in red, then run again.' };
      return null;
    }
    this.problem = null;
    this.history.select(null);
    const startedAt = this.deps.now();
    const target = this.deps.targetText();
    const command = this.deps.commandFor?.(input) ?? null;
    this.current = { runId, startedAt, steps: [] };
    try {
      const r = await api.invoke('login.run', input);
      if (!r.ok) {
        this.problem = r.error.hint ? { message: r.error.message, hint: r.error.hint } : { message: r.error.message };
        return null;
      }
      const record = this.history.add({
        id: runId,
        startedAt,
        target,
        userName: input.userName,
        method: input.credentials.kind === 'gax' && input.credentials.confservTrusted ? 'token' : 'password',
        durationMs: Math.max(0, this.deps.now() - startedAt),
        result: r.data,
        command,
      });
      this.last = record;
      return record;
    } finally {
      this.current = null;
      this.cancelling = false;
    }
  }

  /** Stops the run in flight (and a repeat). */
  async cancel(): Promise<void> {
    this.stopRepeat('stopped: you cancelled the run');
    const run = this.current;
    if (!run) return;
    this.cancelling = true;
    const r = await api.invoke('login.cancel', { runId: run.runId });
    if (!r.ok) this.problem = { message: r.error.message };
  }

  /** Runs now, then every N seconds (counted from each run's start; a slow run is followed at once). */
  startRepeat(): boolean {
    if (this.repeating || this.current || this.repeatProblem) return false;
    this.repeating = true;
    this.repeatEnded = null;
    this.previous = null;
    void this.repeatTick();
    return true;
  }

  stopRepeat(reason = 'stopped'): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
    if (this.repeating) this.repeatEnded = reason;
    this.repeating = false;
  }

  private async repeatTick(): Promise<void> {
    this.timer = null;
    this.nextRunAt = null;
    const startedAt = this.deps.now();
    const record = await this.runOnce();
    if (!this.repeating) return;
    if (!record) {
      this.stopRepeat(`stopped: the run could not start${this.problem ? ` (${this.problem.message})` : ''}`);
      return;
    }
    if (record.outcome === 'cancelled') {
      this.stopRepeat('stopped: the run was cancelled');
      return;
    }
    const before = this.previous;
    this.previous = record;
    if (this.stopOnChange && before && before.code !== record.code) {
      this.stopRepeat(`stopped: the outcome changed from ${before.code} to ${record.code}`);
      return;
    }
    const due = startedAt + Number(this.repeatEvery.trim()) * 1000;
    this.nextRunAt = due;
    this.timer = this.deps.timers.setTimeout(() => void this.repeatTick(), Math.max(0, due - this.deps.now()));
  }
}
